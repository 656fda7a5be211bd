//! The first history format: a flat record per job.

use serde_json::Value;

use super::{FORMAT_VERSION, JobRecord};
use crate::api::types::{GenerateBody, JobStatus};
use crate::domain::profile::JobBody;

/// Version 1 (the first history format) kept a flat record: `id`, `jobId`, `params` (the
/// generate body, possibly partial), `inputName`, the API `status`, one `resultAssetId` and
/// `createdAt`. Running jobs resume; final ones keep their status.
pub(super) fn migrate(value: &Value) -> Result<JobRecord, String> {
    let id = value
        .get("id")
        .and_then(Value::as_u64)
        .ok_or("v1 record without id")?;
    let params = value.get("params").cloned().unwrap_or(Value::Null);
    let image = params
        .get("image")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut body = GenerateBody::with_defaults(image);
    if let Value::Object(map) = &params {
        let mut merged = serde_json::to_value(&body).map_err(|e| e.to_string())?;
        if let Value::Object(target) = &mut merged {
            for (k, v) in map {
                target.insert(k.clone(), v.clone());
            }
        }
        body = GenerateBody::read(&merged).map_err(|e| format!("v1 params: {e}"))?;
    }
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
    let status = text("status");
    let job_id = text("jobId");
    let phase = match (
        job_id.is_some(),
        status.as_deref().map(JobStatus::from_wire),
    ) {
        (false, _) => "unsure",
        (true, Some(s)) if s.is_final() => "done",
        (true, _) => "running",
    };
    Ok(JobRecord {
        version: FORMAT_VERSION,
        local_id: id,
        set_id: None,
        job_id,
        body: JobBody::Multiangle(body),
        input_name: text("inputName").unwrap_or_else(|| "image".to_string()),
        thumbnail: String::new(),
        phase: phase.to_string(),
        status,
        progress: None,
        error: text("error"),
        hint: None,
        notice: None,
        submitted_ms: value
            .get("createdAt")
            .and_then(Value::as_f64)
            .unwrap_or(0.0),
        finished_ms: None,
        result_asset_ids: text("resultAssetId").into_iter().collect(),
        result: None,
        base_rotation: 0,
        origin: None,
        posted: None,
        model: None,
        not_kept: None,
        parent_job_id: None,
        parent_asset_id: None,
    })
}
