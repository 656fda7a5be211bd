//! Wire types that mirror `scenario-api.md`, field names exact.
//!
//! Requests serialise strictly; responses decode leniently (see [`super::lenient`]): only the
//! identifiers the app cannot work without (`jobId`, an asset's `id`) are required.
//!
//! ```
//! use angleshot::api::types::{JobEnvelope, JobStatus};
//! let env: JobEnvelope =
//!     serde_json::from_str(r#"{"job":{"jobId":"job_1","status":"queued"}}"#).unwrap();
//! assert_eq!(env.job.status, JobStatus::Queued);
//! ```

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::lenient;

/// The one model this app drives.
pub const MODEL_ID: &str = "model_qwen-edit-multiangle";

/// Body of `POST /assets`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UploadAssetBody {
    /// Base64 image, a data URL is accepted.
    pub image: String,
    /// File name, required by the API.
    pub name: String,
}

/// Output aspect ratio, as the model's `allowedValues` spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AspectRatio {
    #[default]
    #[serde(rename = "match_input_image")]
    MatchInput,
    #[serde(rename = "16:9")]
    Wide16x9,
    #[serde(rename = "4:3")]
    Landscape4x3,
    #[serde(rename = "1:1")]
    Square,
    #[serde(rename = "3:4")]
    Portrait3x4,
    #[serde(rename = "9:16")]
    Tall9x16,
}

impl AspectRatio {
    /// Every value, in the order a picker lists them.
    pub const ALL: [AspectRatio; 6] = [
        AspectRatio::MatchInput,
        AspectRatio::Wide16x9,
        AspectRatio::Landscape4x3,
        AspectRatio::Square,
        AspectRatio::Portrait3x4,
        AspectRatio::Tall9x16,
    ];

    /// The exact string the API expects.
    pub fn as_wire(self) -> &'static str {
        match self {
            AspectRatio::MatchInput => "match_input_image",
            AspectRatio::Wide16x9 => "16:9",
            AspectRatio::Landscape4x3 => "4:3",
            AspectRatio::Square => "1:1",
            AspectRatio::Portrait3x4 => "3:4",
            AspectRatio::Tall9x16 => "9:16",
        }
    }

    /// Parses the API's spelling; anything else is `None`.
    pub fn from_wire(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|ratio| ratio.as_wire() == text)
    }
}

/// Body of `POST /generate/custom/model_qwen-edit-multiangle`.
///
/// The three camera values are integers on purpose: the model was trained on whole states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerateBody {
    /// Asset id of the input image (from `POST /assets`).
    pub image: String,
    pub prompt: String,
    /// −90..90; positive orbits the camera to the LEFT.
    pub rotate_degrees: i32,
    /// 0..10; higher is closer.
    pub move_forward: i32,
    /// −1 top-down .. 1 low angle.
    pub vertical_tilt: i32,
    pub use_wide_angle: bool,
    pub aspect_ratio: AspectRatio,
    /// 0..4, default 1.25.
    pub lora_scale: f64,
    pub go_fast: bool,
}

impl GenerateBody {
    /// The contract's defaults for everything but the input image.
    pub fn with_defaults(image: impl Into<String>) -> Self {
        GenerateBody {
            image: image.into(),
            prompt: String::new(),
            rotate_degrees: 0,
            move_forward: 0,
            vertical_tilt: 0,
            use_wide_angle: false,
            aspect_ratio: AspectRatio::MatchInput,
            lora_scale: 1.25,
            go_fast: false,
        }
    }
}

/// Body of `POST /jobs/{jobId}/action`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobActionBody {
    pub action: String,
}

/// Body of `POST /assets/get-bulk`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkAssetsBody {
    pub asset_ids: Vec<String>,
}

/// A job's status. Unknown future values are kept verbatim and treated as still running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobStatus {
    Pending,
    Queued,
    WarmingUp,
    InProgress,
    Finalizing,
    Success,
    Failure,
    Canceled,
    /// A value this build does not know, exactly as the API sent it.
    Unknown(String),
}

impl JobStatus {
    /// Parses the API's spelling; anything else becomes [`JobStatus::Unknown`].
    pub fn from_wire(text: &str) -> Self {
        match text {
            "pending" => JobStatus::Pending,
            "queued" => JobStatus::Queued,
            "warming-up" => JobStatus::WarmingUp,
            "in-progress" => JobStatus::InProgress,
            "finalizing" => JobStatus::Finalizing,
            "success" => JobStatus::Success,
            "failure" => JobStatus::Failure,
            "canceled" => JobStatus::Canceled,
            other => JobStatus::Unknown(other.to_string()),
        }
    }

    /// The API's spelling.
    pub fn as_wire(&self) -> &str {
        match self {
            JobStatus::Pending => "pending",
            JobStatus::Queued => "queued",
            JobStatus::WarmingUp => "warming-up",
            JobStatus::InProgress => "in-progress",
            JobStatus::Finalizing => "finalizing",
            JobStatus::Success => "success",
            JobStatus::Failure => "failure",
            JobStatus::Canceled => "canceled",
            JobStatus::Unknown(text) => text,
        }
    }

    /// Final statuses never change again: they are never polled.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            JobStatus::Success | JobStatus::Failure | JobStatus::Canceled
        )
    }
}

impl Default for JobStatus {
    fn default() -> Self {
        JobStatus::Unknown(String::new())
    }
}

impl Serialize for JobStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_wire())
    }
}

impl<'de> Deserialize<'de> for JobStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(deserializer)? {
            Value::String(text) => JobStatus::from_wire(&text),
            Value::Null => JobStatus::default(),
            other => JobStatus::Unknown(other.to_string()),
        })
    }
}

/// One entry of `statusHistory`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct StatusChange {
    #[serde(default, deserialize_with = "lenient::text")]
    pub date: Option<String>,
    #[serde(default)]
    pub status: JobStatus,
}

/// `job.metadata`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobMetadata {
    #[serde(default, deserialize_with = "lenient::vec")]
    pub asset_ids: Vec<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub error: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub hint: Option<String>,
    #[serde(default)]
    pub input: Option<Value>,
}

/// `job.billing`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Billing {
    #[serde(default, deserialize_with = "lenient::number")]
    pub cu_cost: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub cu_discount: Option<f64>,
}

/// A job as `GET /jobs/{jobId}` and `POST /generate/...` describe it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub job_id: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub job_type: Option<String>,
    #[serde(default)]
    pub status: JobStatus,
    /// 0.0..1.0 when present.
    #[serde(default, deserialize_with = "lenient::number")]
    pub progress: Option<f64>,
    #[serde(default, deserialize_with = "lenient::vec")]
    pub status_history: Vec<StatusChange>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt")]
    pub metadata: Option<JobMetadata>,
    #[serde(default, deserialize_with = "lenient::opt")]
    pub billing: Option<Billing>,
}

impl Job {
    /// Result asset ids (empty until success).
    pub fn asset_ids(&self) -> &[String] {
        self.metadata
            .as_ref()
            .map(|m| m.asset_ids.as_slice())
            .unwrap_or(&[])
    }

    /// `metadata.error`, when the API gave one.
    pub fn error(&self) -> Option<&str> {
        self.metadata.as_ref().and_then(|m| m.error.as_deref())
    }

    /// `metadata.hint`, when the API gave one.
    pub fn hint(&self) -> Option<&str> {
        self.metadata.as_ref().and_then(|m| m.hint.as_deref())
    }

    /// Progress clamped to 0..=1 (the API's value is not trusted to be in range).
    pub fn progress_fraction(&self) -> Option<f64> {
        self.progress
            .filter(|p| p.is_finite())
            .map(|p| p.clamp(0.0, 1.0))
    }
}

/// `{ "job": ... }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct JobEnvelope {
    pub job: Job,
}

/// Answer of `POST /generate/...`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerateResponse {
    pub job: Job,
    #[serde(default, deserialize_with = "lenient::number")]
    pub creative_units_cost: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub creative_units_discount: Option<f64>,
}

/// Answer of `POST /generate/...?dryRun=true` (status 269). Its full shape is unknown, so the
/// raw text is kept for display when no cost field is found.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostEstimate {
    #[serde(default, deserialize_with = "lenient::number")]
    pub creative_units_cost: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub creative_units_discount: Option<f64>,
    #[serde(skip)]
    pub raw: String,
}

/// Answer of `GET /jobs`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobsPage {
    #[serde(default, deserialize_with = "lenient::vec")]
    pub jobs: Vec<Job>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub next_pagination_token: Option<String>,
}

/// `asset.properties`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct AssetProperties {
    #[serde(default, deserialize_with = "lenient::number")]
    pub width: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub height: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub size: Option<f64>,
}

/// `asset.thumbnail`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thumbnail {
    #[serde(default, deserialize_with = "lenient::text")]
    pub asset_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub url: Option<String>,
}

/// An asset. `url` is a signed CDN link that expires: fetch it soon, never edit it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Asset {
    pub id: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub mime_type: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt")]
    pub properties: Option<AssetProperties>,
    #[serde(default, deserialize_with = "lenient::opt")]
    pub thumbnail: Option<Thumbnail>,
    #[serde(default)]
    pub metadata: Option<Value>,
}

/// `{ "asset": ... }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AssetEnvelope {
    pub asset: Asset,
}

/// `{ "assets": [...] }`; assets without an id are skipped.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct AssetsEnvelope {
    #[serde(default, deserialize_with = "lenient::vec")]
    pub assets: Vec<Asset>,
}

/// One entry of a model's `inputs`: what the panel's controls should allow.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelInput {
    pub name: String,
    #[serde(default, rename = "type", deserialize_with = "lenient::text")]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub label: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub min: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub max: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub step: Option<f64>,
    #[serde(default)]
    pub default: Option<Value>,
    #[serde(default, deserialize_with = "lenient::vec")]
    pub allowed_values: Vec<Value>,
}

/// A model as `GET /models/{modelId}` describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    pub id: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::vec")]
    pub inputs: Vec<ModelInput>,
}

/// `{ "model": ... }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ModelEnvelope {
    pub model: Model,
}
