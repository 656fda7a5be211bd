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

use serde::Serialize;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Reads a body as serde's derive would (every field required and of its type; unknown
    /// fields ignored), by hand: it is read back from stored records and checked by the demo
    /// server, and the derive cost the browser build more than this.
    ///
    /// ```
    /// use angleshot::api::types::GenerateBody;
    /// let body = GenerateBody::with_defaults("asset_1");
    /// let value = serde_json::to_value(&body).unwrap();
    /// assert_eq!(GenerateBody::read(&value), Ok(body));
    /// assert!(GenerateBody::read(&serde_json::json!({ "image": "asset_1" })).is_err());
    /// ```
    pub fn read(value: &Value) -> Result<Self, String> {
        use crate::util::json::{Fields, int32, string};
        let fields = Fields::of(value, "generate body")?;
        Ok(GenerateBody {
            image: fields.required("image", string)?,
            prompt: fields.required("prompt", string)?,
            rotate_degrees: fields.required("rotateDegrees", int32)?,
            move_forward: fields.required("moveForward", int32)?,
            vertical_tilt: fields.required("verticalTilt", int32)?,
            use_wide_angle: fields.required("useWideAngle", Value::as_bool)?,
            aspect_ratio: fields.required("aspectRatio", |v| {
                v.as_str().and_then(AspectRatio::from_wire)
            })?,
            lora_scale: fields.required("loraScale", Value::as_f64)?,
            go_fast: fields.required("goFast", Value::as_bool)?,
        })
    }

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

impl JobStatus {
    /// A `status` field as read from JSON: missing or `null` is the default (unknown, empty),
    /// a string is parsed, any other JSON is kept verbatim as unknown.
    pub fn from_json_field(value: Option<&Value>) -> Self {
        match value {
            None | Some(Value::Null) => JobStatus::default(),
            Some(Value::String(text)) => JobStatus::from_wire(text),
            Some(other) => JobStatus::Unknown(other.to_string()),
        }
    }
}

/// A response type read from a parsed JSON value by hand, leniently (see [`super::lenient`]):
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

/// One entry of `statusHistory`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatusChange {
    pub date: Option<String>,
    pub status: JobStatus,
}

impl FromJson for StatusChange {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(StatusChange {
            date: lenient::text_of(value, "date"),
            status: JobStatus::from_json_field(value.get("status")),
        })
    }
}

/// `job.metadata`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JobMetadata {
    pub asset_ids: Vec<String>,
    pub error: Option<String>,
    pub hint: Option<String>,
    pub input: Option<Value>,
}

impl FromJson for JobMetadata {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(JobMetadata {
            asset_ids: lenient::list_of(value, "assetIds", |v| v.as_str().map(str::to_string)),
            error: lenient::text_of(value, "error"),
            hint: lenient::text_of(value, "hint"),
            input: lenient::present(value, "input").cloned(),
        })
    }
}

/// `job.billing`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Billing {
    pub cu_cost: Option<f64>,
    pub cu_discount: Option<f64>,
}

impl FromJson for Billing {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Billing {
            cu_cost: lenient::number_of(value, "cuCost"),
            cu_discount: lenient::number_of(value, "cuDiscount"),
        })
    }
}

/// A job as `GET /jobs/{jobId}` and `POST /generate/...` describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub job_id: String,
    pub job_type: Option<String>,
    pub status: JobStatus,
    /// 0.0..1.0 when present.
    pub progress: Option<f64>,
    pub status_history: Vec<StatusChange>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub metadata: Option<JobMetadata>,
    pub billing: Option<Billing>,
}

impl FromJson for Job {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Job {
            job_id: required_text(value, "jobId")?,
            job_type: lenient::text_of(value, "jobType"),
            status: JobStatus::from_json_field(value.get("status")),
            progress: lenient::number_of(value, "progress"),
            status_history: lenient::list_of(value, "statusHistory", StatusChange::from_json),
            created_at: lenient::text_of(value, "createdAt"),
            updated_at: lenient::text_of(value, "updatedAt"),
            metadata: value.get("metadata").and_then(JobMetadata::from_json),
            billing: value.get("billing").and_then(Billing::from_json),
        })
    }
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
            .map(|p| crate::util::math::clamp(p, 0.0, 1.0))
    }
}

/// `{ "job": ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct JobEnvelope {
    pub job: Job,
}

impl FromJson for JobEnvelope {
    fn from_json(value: &Value) -> Option<Self> {
        Some(JobEnvelope {
            job: Job::from_json(value.get("job")?)?,
        })
    }
}

/// Answer of `POST /generate/...`.
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateResponse {
    pub job: Job,
    pub creative_units_cost: Option<f64>,
    pub creative_units_discount: Option<f64>,
}

impl FromJson for GenerateResponse {
    fn from_json(value: &Value) -> Option<Self> {
        Some(GenerateResponse {
            job: Job::from_json(value.get("job")?)?,
            creative_units_cost: lenient::number_of(value, "creativeUnitsCost"),
            creative_units_discount: lenient::number_of(value, "creativeUnitsDiscount"),
        })
    }
}

/// Answer of `POST /generate/...?dryRun=true` (status 269). Its full shape is unknown, so the
/// raw text is kept for display when no cost field is found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostEstimate {
    pub creative_units_cost: Option<f64>,
    pub creative_units_discount: Option<f64>,
    /// Filled by [`super::response::decode_cost`], not from JSON.
    pub raw: String,
}

impl FromJson for CostEstimate {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(CostEstimate {
            creative_units_cost: lenient::number_of(value, "creativeUnitsCost"),
            creative_units_discount: lenient::number_of(value, "creativeUnitsDiscount"),
            raw: String::new(),
        })
    }
}

/// Answer of `GET /jobs`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JobsPage {
    pub jobs: Vec<Job>,
    pub next_pagination_token: Option<String>,
}

impl FromJson for JobsPage {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(JobsPage {
            jobs: lenient::list_of(value, "jobs", Job::from_json),
            next_pagination_token: lenient::text_of(value, "nextPaginationToken"),
        })
    }
}

/// `asset.properties`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssetProperties {
    pub width: Option<f64>,
    pub height: Option<f64>,
    pub size: Option<f64>,
}

impl FromJson for AssetProperties {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(AssetProperties {
            width: lenient::number_of(value, "width"),
            height: lenient::number_of(value, "height"),
            size: lenient::number_of(value, "size"),
        })
    }
}

/// `asset.thumbnail`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Thumbnail {
    pub asset_id: Option<String>,
    pub url: Option<String>,
}

impl FromJson for Thumbnail {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Thumbnail {
            asset_id: lenient::text_of(value, "assetId"),
            url: lenient::text_of(value, "url"),
        })
    }
}

/// An asset. `url` is a signed CDN link that expires: fetch it soon, never edit it.
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    pub id: String,
    pub url: Option<String>,
    pub mime_type: Option<String>,
    pub properties: Option<AssetProperties>,
    pub thumbnail: Option<Thumbnail>,
    pub metadata: Option<Value>,
}

impl FromJson for Asset {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Asset {
            id: required_text(value, "id")?,
            url: lenient::text_of(value, "url"),
            mime_type: lenient::text_of(value, "mimeType"),
            properties: value.get("properties").and_then(AssetProperties::from_json),
            thumbnail: value.get("thumbnail").and_then(Thumbnail::from_json),
            metadata: lenient::present(value, "metadata").cloned(),
        })
    }
}

/// `{ "asset": ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetEnvelope {
    pub asset: Asset,
}

impl FromJson for AssetEnvelope {
    fn from_json(value: &Value) -> Option<Self> {
        Some(AssetEnvelope {
            asset: Asset::from_json(value.get("asset")?)?,
        })
    }
}

/// `{ "assets": [...] }`; assets without an id are skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssetsEnvelope {
    pub assets: Vec<Asset>,
}

impl FromJson for AssetsEnvelope {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(AssetsEnvelope {
            assets: lenient::list_of(value, "assets", Asset::from_json),
        })
    }
}

/// One entry of a model's `inputs`: what the panel's controls should allow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelInput {
    pub name: String,
    /// The input's `type`.
    pub kind: Option<String>,
    pub label: Option<String>,
    pub description: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: Option<f64>,
    pub default: Option<Value>,
    pub allowed_values: Vec<Value>,
}

impl FromJson for ModelInput {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(ModelInput {
            name: required_text(value, "name")?,
            kind: lenient::text_of(value, "type"),
            label: lenient::text_of(value, "label"),
            description: lenient::text_of(value, "description"),
            min: lenient::number_of(value, "min"),
            max: lenient::number_of(value, "max"),
            step: lenient::number_of(value, "step"),
            default: lenient::present(value, "default").cloned(),
            allowed_values: lenient::list_of(value, "allowedValues", |v| Some(v.clone())),
        })
    }
}

/// A model as `GET /models/{modelId}` describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub id: String,
    pub name: Option<String>,
    pub inputs: Vec<ModelInput>,
}

impl FromJson for Model {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Model {
            id: required_text(value, "id")?,
            name: lenient::text_of(value, "name"),
            inputs: lenient::list_of(value, "inputs", ModelInput::from_json),
        })
    }
}

/// `{ "model": ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelEnvelope {
    pub model: Model,
}

impl FromJson for ModelEnvelope {
    fn from_json(value: &Value) -> Option<Self> {
        Some(ModelEnvelope {
            model: Model::from_json(value.get("model")?)?,
        })
    }
}
