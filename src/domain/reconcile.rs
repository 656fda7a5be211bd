//! A generate POST whose answer was lost (connection cut, 5xx, garbled body) may or may not
//! have created a job. Never resubmit blindly: look through the recent jobs for one created
//! around the submit with exactly our parameters, and adopt it; if the list shows none, the
//! job was not created.
//!
//! ```
//! use angleshot::domain::reconcile::parse_iso8601_ms;
//! assert_eq!(parse_iso8601_ms("1970-01-01T00:00:01.500Z"), Some(1500.0));
//! ```

use serde_json::Value;

use crate::api::types::{GenerateBody, Job};

/// How far the API's clock may be behind ours.
pub const CLOCK_SKEW_MS: f64 = 5.0 * 60_000.0;

/// Milliseconds since the epoch for `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; `None` otherwise.
pub fn parse_iso8601_ms(text: &str) -> Option<f64> {
    let text = text.trim();
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (date, time) = text.split_once(['T', 't', ' '])?;
    let mut parts = date.split('-');
    let (y, m, d) = (
        num(parts.next()?)?,
        num(parts.next()?)?,
        num(parts.next()?)?,
    );
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (clock, offset_ms) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let (clock, zone) = time.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (h, mm) = zone[1..].split_once(':')?;
        (clock, sign * (num(h)? * 3_600_000 + num(mm)? * 60_000))
    };
    let (hms, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut hms = hms.split(':');
    let (h, mi, s) = (num(hms.next()?)?, num(hms.next()?)?, num(hms.next()?)?);
    if h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let millis = if fraction.is_empty() {
        0
    } else {
        let digits: String = fraction.chars().take(3).collect();
        num(&format!("{digits:0<3}"))?
    };
    // Days from civil (Howard Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + millis - offset_ms) as f64)
}

/// Whether the job's recorded input is exactly this body (every field we sent).
fn same_parameters(body: &GenerateBody, input: &Value) -> bool {
    let Ok(Value::Object(sent)) = serde_json::to_value(body) else {
        return false;
    };
    ["image", "rotateDegrees", "moveForward", "verticalTilt"]
        .iter()
        .all(|key| input.get(key).is_some_and(|v| sent.get(*key) == Some(v)))
        && sent
            .iter()
            .all(|(key, value)| input.get(key).is_none_or(|v| v == value))
}

/// The job our lost POST created: created no earlier than `submitted_ms` (less the clock
/// skew), same parameters, not already another card's. The earliest such job wins.
pub fn find_lost_job<'a>(
    body: &GenerateBody,
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
