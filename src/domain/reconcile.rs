//! A generate POST whose answer was lost (connection cut, 5xx, garbled body) may or may not
//! have created a job. Never resubmit blindly: look through the recent jobs for one created
//! around the submit with exactly our parameters, and adopt it; if the list shows none, the
//! job was not created.

use serde_json::Value;

use crate::api::types::Job;
use crate::domain::profile::JobBody;
use crate::util::time::parse_iso8601_ms;

/// How far the API's clock may be behind ours.
pub const CLOCK_SKEW_MS: f64 = 5.0 * 60_000.0;

/// Whether the job's recorded input is exactly this body (every field we sent).
fn same_parameters(body: &JobBody, input: &Value) -> bool {
    let Ok(Value::Object(sent)) = serde_json::to_value(body) else {
        return false;
    };
    let camera_fields: &[&str] = match body {
        JobBody::Multiangle(_) => &["image", "rotateDegrees", "moveForward", "verticalTilt"],
        JobBody::Multiangle2511(_) => &["images", "horizontalAngle", "verticalAngle", "zoom"],
    };
    camera_fields
        .iter()
        .all(|key| input.get(key).is_some_and(|v| sent.get(*key) == Some(v)))
        && sent
            .iter()
            .all(|(key, value)| input.get(key).is_none_or(|v| v == value))
}

/// The job our lost POST created: created no earlier than `submitted_ms` (less the clock
/// skew), same parameters, not already another card's. The earliest such job wins.
pub fn find_lost_job<'a>(
    body: &JobBody,
    submitted_ms: f64,
    recent: &'a [Job],
    claimed: &[String],
) -> Option<&'a Job> {
    recent
        .iter()
        .filter(|job| !claimed.contains(&job.job_id))
        .filter_map(|job| {
            let created = job.created_at.as_deref().and_then(parse_iso8601_ms)?;
            let input = job.metadata.as_ref()?.input.as_ref()?;
            (created >= submitted_ms - CLOCK_SKEW_MS && same_parameters(body, input))
                .then_some((created, job))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, job)| job)
}
