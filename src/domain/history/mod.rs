//! The job history as stored on the device (IndexedDB): versioned JSON records for jobs and
//! sets, the migration from older versions, and what a card becomes when the page reopens.
//! Result bytes are stored beside the records, as Blobs keyed by the job's local id. No key,
//! secret or URL with a signature is ever part of a record.
//!
//! ```
//! use angleshot::domain::history::{decode_job_record, FORMAT_VERSION};
//! let v1 = r#"{"v":1,"id":7,"jobId":"job_1","params":{"image":"asset_1","rotateDegrees":45},
//!             "inputName":"chair.png","status":"success","resultAssetId":"asset_2","createdAt":1000}"#;
//! let record = decode_job_record(v1).unwrap();
//! assert_eq!(record.version, FORMAT_VERSION);
//! assert_eq!(record.body.turn(), 45);
//! ```

use serde::Serialize;
use serde_json::Value;

use crate::api::types::JobStatus;
use crate::domain::angle_set::{SetAngle, SetKind};
use crate::domain::jobs::{JobCard, JobOrigin, NotKept, Phase};
use crate::domain::profile::{JobBody, Model};
use crate::util::json::{Fields, int32, list, string, uint32};

mod v1;

/// The version written today.
pub const FORMAT_VERSION: u32 = 2;

/// A kept result: which asset and its type (the bytes are stored separately).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultRecord {
    pub asset_id: String,
    pub mime_type: String,
}

/// One job card, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobRecord {
    pub version: u32,
    pub local_id: u64,
    pub set_id: Option<u64>,
    pub job_id: Option<String>,
    /// The model's own body, as sent.
    pub body: JobBody,
    pub input_name: String,
    /// The input's small preview (a `data:` URL; empty when it only lived in this tab).
    pub thumbnail: String,
    pub phase: String,
    pub status: Option<String>,
    pub progress: Option<f64>,
    pub error: Option<String>,
    pub hint: Option<String>,
    pub notice: Option<String>,
    pub submitted_ms: f64,
    pub finished_ms: Option<f64>,
    pub result_asset_ids: Vec<String>,
    pub result: Option<ResultRecord>,
    pub base_rotation: i32,
    /// Where the job was made ([`JobOrigin::as_stored`]); absent in older records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Whether the POST had gone out; absent in older records (read as sent: unsure).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posted: Option<bool>,
    /// The model's id; absent in older records (read as the seed's model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Set when the result's bytes are not on the device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_kept: Option<NotKept>,
    /// Lineage: the job and asset this one was chained from (absent: an original's job).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_asset_id: Option<String>,
}

/// One cell of a stored set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellRecord {
    pub rotate: i32,
    pub tilt: i32,
    pub job: u64,
}

/// One angle set, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SetRecord {
    pub version: u32,
    pub id: u64,
    pub input_name: String,
    /// The set's original (a `data:` URL; empty when it only lived in this tab).
    pub original: String,
    pub input_asset_id: Option<String>,
    pub base_rotation: i32,
    pub created_ms: f64,
    pub cells: Vec<CellRecord>,
    /// A 2511 turnaround's shared seed; absent for an angle set (and in older records).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turnaround_seed: Option<u32>,
}

impl SetRecord {
    /// What kind of set this is.
    pub fn kind(&self) -> SetKind {
        match self.turnaround_seed {
            Some(seed) => SetKind::Turnaround { seed },
            None => SetKind::Angles,
        }
    }

    /// The cells as angles and job ids.
    pub fn angles(&self) -> Vec<(SetAngle, u64)> {
        self.cells
            .iter()
            .map(|c| {
                (
                    SetAngle {
                        rotate: c.rotate,
                        tilt: c.tilt,
                    },
                    c.job,
                )
            })
            .collect()
    }
}

fn phase_name(phase: &Phase) -> &'static str {
    match phase {
        Phase::Submitting => "submitting",
        Phase::Unsure => "unsure",
        Phase::Refused => "refused",
        Phase::Running => "running",
        Phase::Stopped => "stopped",
        Phase::Done => "done",
    }
}

/// A URL that dies with the tab (`blob:`) is not worth storing.
fn lasting_url(url: &str) -> String {
    if url.starts_with("data:") {
        url.to_string()
    } else {
        String::new()
    }
}

/// The record for a card.
pub fn job_record(card: &JobCard, set_id: Option<u64>, thumbnail: &str) -> JobRecord {
    JobRecord {
        version: FORMAT_VERSION,
        local_id: card.local_id,
        set_id,
        job_id: card.job_id.clone(),
        body: card.body.clone(),
        input_name: card.input_name.clone(),
        thumbnail: lasting_url(thumbnail),
        phase: phase_name(&card.phase).to_string(),
        status: card.status.as_ref().map(|s| s.as_wire().to_string()),
        progress: card.progress,
        error: card.error.clone(),
        hint: card.hint.clone(),
        notice: card.notice.clone(),
        submitted_ms: card.submitted_ms,
        finished_ms: card.finished_ms,
        result_asset_ids: card.result_asset_ids.clone(),
        result: card.result.as_ref().map(|r| ResultRecord {
            asset_id: r.asset_id.clone(),
            mime_type: r.mime_type.clone(),
        }),
        base_rotation: card.base_rotation,
        origin: card.origin.as_ref().map(|o| o.as_stored().to_string()),
        posted: Some(card.posted),
        model: Some(card.model().id().to_string()),
        not_kept: card.not_kept,
        parent_job_id: card.parent_job_id.clone(),
        parent_asset_id: card.parent_asset_id.clone(),
    }
}

/// The record for a set.
pub fn set_record(
    id: u64,
    input_name: &str,
    original_url: &str,
    input_asset_id: Option<&str>,
    base_rotation: i32,
    created_ms: f64,
    cells: &[(SetAngle, u64)],
) -> SetRecord {
    SetRecord {
        version: FORMAT_VERSION,
        id,
        input_name: input_name.to_string(),
        original: lasting_url(original_url),
        input_asset_id: input_asset_id.map(str::to_string),
        base_rotation,
        created_ms,
        cells: cells
            .iter()
            .map(|(a, job)| CellRecord {
                rotate: a.rotate,
                tilt: a.tilt,
                job: *job,
            })
            .collect(),
        turnaround_seed: None,
    }
}

/// The card a record stands for when the page reopens. A job whose submit was on its way when
/// the page closed may or may not exist: it comes back "unsure" (and is reconciled), never
/// resubmitted. The result image itself is attached by the caller from the stored bytes.
pub fn card_from_record(record: &JobRecord) -> JobCard {
    let mut card = JobCard::new(
        record.local_id,
        record.body.clone(),
        &record.input_name,
        record.submitted_ms,
    );
    card.job_id = record.job_id.clone();
    card.phase = match record.phase.as_str() {
        "running" => Phase::Running,
        "stopped" => Phase::Stopped,
        "done" => Phase::Done,
        "refused" => Phase::Refused,
        _ => Phase::Unsure,
    };
    let never_posted = record.phase == "submitting" && record.posted == Some(false);
    if never_posted {
        // Nothing was created: it goes back in line (see `JobCard::posted`).
        card.phase = Phase::Submitting;
        card.error = None;
    } else if card.phase == Phase::Unsure && record.phase == "submitting" {
        card.error = Some(
            "The page closed while this job was being submitted — checking your recent jobs."
                .to_string(),
        );
    } else {
        card.error = record.error.clone();
    }
    card.status = record.status.as_deref().map(JobStatus::from_wire);
    card.progress = record.progress;
    card.hint = record.hint.clone();
    card.notice = record.notice.clone();
    card.finished_ms = record.finished_ms;
    card.result_asset_ids = record.result_asset_ids.clone();
    card.base_rotation = record.base_rotation;
    card.origin = record.origin.as_deref().map(JobOrigin::from_stored);
    card.posted = record.posted.unwrap_or(true);
    card.not_kept = record.not_kept;
    card.parent_job_id = record.parent_job_id.clone();
    card.parent_asset_id = record.parent_asset_id.clone();
    card
}

/// Reads a stored job record of any known version, migrating it to today's.
pub fn decode_job_record(json: &str) -> Result<JobRecord, String> {
    job_record_from_value(&crate::util::json::parse(json).map_err(|e| e.to_string())?)
}

/// [`decode_job_record`] of a parsed record.
pub fn job_record_from_value(value: &Value) -> Result<JobRecord, String> {
    let version = value
        .get("version")
        .or_else(|| value.get("v"))
        .and_then(Value::as_u64)
        .unwrap_or(0);
    match version {
        1 => v1::migrate(value),
        2 => read_job_record(value),
        other => Err(format!("unknown history format version {other}")),
    }
}

/// Reads a stored set record.
pub fn decode_set_record(json: &str) -> Result<SetRecord, String> {
    set_record_from_value(&crate::util::json::parse(json).map_err(|e| e.to_string())?)
}

/// [`decode_set_record`] of a parsed record.
pub fn set_record_from_value(value: &Value) -> Result<SetRecord, String> {
    match value.get("version").and_then(Value::as_u64) {
        Some(2) => read_set_record(value),
        other => Err(format!("unknown set format version {other:?}")),
    }
}

// Today's records are read by hand, with the same rules as their serde derives (the tests
// check both agree): the derives cost the browser build more than these few lines.

fn read_job_record(value: &Value) -> Result<JobRecord, String> {
    let fields = Fields::of(value, "job record")?;
    let model: Option<String> = fields.optional("model", string)?;
    // Older records, and any model this build does not know, are read as the seed's.
    let body_model = model
        .as_deref()
        .and_then(Model::from_id)
        .unwrap_or_default();
    Ok(JobRecord {
        version: fields.required("version", uint32)?,
        local_id: fields.required("localId", Value::as_u64)?,
        set_id: fields.optional("setId", Value::as_u64)?,
        job_id: fields.optional("jobId", string)?,
        body: JobBody::read(body_model, fields.value("body")?)?,
        input_name: fields.required("inputName", string)?,
        thumbnail: fields.or_default("thumbnail", string)?,
        phase: fields.required("phase", string)?,
        status: fields.optional("status", string)?,
        progress: fields.optional("progress", Value::as_f64)?,
        error: fields.optional("error", string)?,
        hint: fields.optional("hint", string)?,
        notice: fields.optional("notice", string)?,
        submitted_ms: fields.required("submittedMs", Value::as_f64)?,
        finished_ms: fields.optional("finishedMs", Value::as_f64)?,
        result_asset_ids: fields.or_default("resultAssetIds", |v| list(v, string))?,
        result: fields.optional("result", |v| {
            let fields = Fields::of(v, "result").ok()?;
            Some(ResultRecord {
                asset_id: fields.required("assetId", string).ok()?,
                mime_type: fields.required("mimeType", string).ok()?,
            })
        })?,
        base_rotation: fields.or_default("baseRotation", int32)?,
        origin: fields.optional("origin", string)?,
        posted: fields.optional("posted", Value::as_bool)?,
        model,
        not_kept: fields.optional("notKept", |v| {
            let fields = Fields::of(v, "notKept").ok()?;
            Some(NotKept {
                link_expires_ms: fields.optional("linkExpiresMs", Value::as_f64).ok()?,
            })
        })?,
        parent_job_id: fields.optional("parentJobId", string)?,
        parent_asset_id: fields.optional("parentAssetId", string)?,
    })
}

fn read_set_record(value: &Value) -> Result<SetRecord, String> {
    let fields = Fields::of(value, "set record")?;
    Ok(SetRecord {
        version: fields.required("version", uint32)?,
        id: fields.required("id", Value::as_u64)?,
        input_name: fields.required("inputName", string)?,
        original: fields.or_default("original", string)?,
        input_asset_id: fields.optional("inputAssetId", string)?,
        base_rotation: fields.or_default("baseRotation", int32)?,
        created_ms: fields.required("createdMs", Value::as_f64)?,
        cells: fields.required("cells", |v| {
            list(v, |cell| {
                let fields = Fields::of(cell, "set cell").ok()?;
                Some(CellRecord {
                    rotate: fields.required("rotate", int32).ok()?,
                    tilt: fields.required("tilt", int32).ok()?,
                    job: fields.required("job", Value::as_u64).ok()?,
                })
            })
        })?,
        turnaround_seed: fields.optional("turnaroundSeed", uint32)?,
    })
}
