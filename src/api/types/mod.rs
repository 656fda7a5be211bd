//! Wire types that mirror `scenario-api.md`, field names exact.
//!
//! Requests serialise strictly; responses decode leniently (see [`FromJson`] and
//! [`super::lenient`]): only the identifiers the app cannot work without (`jobId`, an asset's
//! `id`) are required.
//!
//! ```
//! use angleshot::api::types::{FromJson, JobEnvelope, JobStatus};
//! let value = angleshot::util::json::parse(r#"{"job":{"jobId":"job_1","status":"queued"}}"#);
//! let env = JobEnvelope::from_json(&value.unwrap()).unwrap();
//! assert_eq!(env.job.status, JobStatus::Queued);
//! ```

mod asset;
mod bodies;
mod job;
mod model;

pub use asset::{Asset, AssetEnvelope, AssetProperties, AssetsEnvelope, AssetsPage, Thumbnail};
pub use bodies::{AspectRatio, BulkAssetsBody, GenerateBody, JobActionBody, UploadAssetBody};
pub use job::{
    Billing, CostEstimate, GenerateResponse, Job, JobEnvelope, JobMetadata, JobStatus, JobsPage,
    StatusChange,
};
pub use model::{Model, ModelEnvelope, ModelInput};

use serde_json::Value;

/// The one model this app drives.
pub const MODEL_ID: &str = "model_qwen-edit-multiangle";
/// `model_qwen-edit-multiangle-2511`: the full ring, takes and a seed.
pub const MODEL_ID_2511: &str = "model_qwen-edit-multiangle-2511";

/// A response type read from a parsed JSON value by hand, leniently (see [`crate::api::lenient`]):
/// `None` only when an identifier the app cannot work without is missing or the value is not
/// an object. Hand-written rather than derived: serde's derive compiles a visitor and a field
/// wrapper per lenient field, several times the wasm of these few lines.
pub trait FromJson: Sized {
    /// Reads `value`.
    fn from_json(value: &Value) -> Option<Self>;
}

/// The object itself, or `None` for any other JSON.
fn object(value: &Value) -> Option<&Value> {
    value.is_object().then_some(value)
}

/// A required string field.
fn required_text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}
