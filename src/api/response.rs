//! Turns a raw HTTP answer into typed data or an [`ApiError`], never panicking.
//!
//! ```
//! use angleshot::api::response::{decode, RawResponse};
//! use angleshot::api::types::JobEnvelope;
//! let raw = RawResponse::new(200, None, r#"{"job":{"jobId":"job_9","status":"success"}}"#);
//! assert_eq!(decode::<JobEnvelope>(&raw).unwrap().job.job_id, "job_9");
//! ```

use super::error::ApiError;
use super::types::{CostEstimate, FromJson};

/// Status, the one header the app reads, and the body text of an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct RawResponse {
    pub status: u16,
    pub retry_after: Option<String>,
    pub text: String,
}

impl RawResponse {
    /// Convenience constructor.
    pub fn new(status: u16, retry_after: Option<&str>, text: &str) -> Self {
        RawResponse {
            status,
            retry_after: retry_after.map(str::to_string),
            text: text.to_string(),
        }
    }

    /// 2xx (the dry run answers 269).
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Decodes a 2xx JSON body as `T`; a non-2xx answer becomes [`ApiError::Http`].
pub fn decode<T: FromJson>(raw: &RawResponse) -> Result<T, ApiError> {
    if !raw.is_success() {
        return Err(ApiError::from_status(
            raw.status,
            raw.retry_after.as_deref(),
            &raw.text,
        ));
    }
    let value: serde_json::Value =
        crate::util::json::parse(&raw.text).map_err(|err| ApiError::Decode {
            status: raw.status,
            message: err.to_string(),
            raw: raw.text.clone(),
        })?;
    T::from_json(&value).ok_or_else(|| ApiError::Decode {
        status: raw.status,
        message: "the answer lacks a field the app needs (or is not an object)".to_string(),
        raw: raw.text.clone(),
    })
}

/// Decodes a dry run's answer, keeping the raw text since its shape is unknown.
pub fn decode_cost(raw: &RawResponse) -> Result<CostEstimate, ApiError> {
    let mut estimate: CostEstimate = decode(raw)?;
    estimate.raw = raw.text.clone();
    Ok(estimate)
}

/// What came of asking the API to cancel a job.
#[derive(Debug, Clone, PartialEq)]
pub enum CancelOutcome {
    /// The API accepted the cancel.
    Canceled,
    /// The API does not cancel this job type (`custom` jobs answer 400): stop watching only.
    NotPermitted { reason: String },
}

/// Interprets `POST /jobs/{id}/action`: 2xx is a cancel, 400 is "not permitted for this job
/// type" (not an error that loses the job), anything else an error.
pub fn decode_cancel(raw: &RawResponse) -> Result<CancelOutcome, ApiError> {
    if raw.is_success() {
        return Ok(CancelOutcome::Canceled);
    }
    let err = ApiError::from_status(raw.status, raw.retry_after.as_deref(), &raw.text);
    match &err {
        ApiError::Http {
            status: 400, body, ..
        } => Ok(CancelOutcome::NotPermitted {
            reason: body
                .summary()
                .unwrap_or_else(|| "Cancel not permitted".to_string()),
        }),
        _ => Err(err),
    }
}
