//! Jobs as the API describes them, and the answers that carry them.

use serde::Serialize;
use serde_json::Value;

use super::{FromJson, object, required_text};
use crate::api::lenient;

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
