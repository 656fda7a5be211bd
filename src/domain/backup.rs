//! "Export backup" and "Import backup": the whole history in one ZIP — `backup.json` (the
//! job and set records as the device stores them, under a format version; input thumbnails
//! ride in the records) and every kept result image under `results/` — and how an imported
//! backup merges into a history: by job id, no duplicates, the newer record wins. No key,
//! secret or signed link is ever part of a record, so none can reach a backup.
//!
//! ```
//! use angleshot::domain::backup::{read_backup, write_backup};
//! let zip = write_backup(&[], &[], &[], 0.0).unwrap();
//! let backup = read_backup(&zip).unwrap();
//! assert!(backup.jobs.is_empty());
//! assert!(read_backup(b"not a zip").unwrap_err().starts_with("This file is not an Angleshot backup"));
//! ```

use serde::Serialize;
use serde_json::Value;

use crate::domain::history::{JobRecord, SetRecord, job_record_from_value, set_record_from_value};
use crate::domain::set_export::extension_for;
use crate::util::zip::{ZipError, read_stored, stored};

/// The backup format this build writes, and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// The records' file in the ZIP.
pub const MANIFEST: &str = "backup.json";
/// What `backup.json` says it is.
const KIND: &str = "angleshot-backup";

/// A kept result's bytes in the backup.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultFile {
    local_id: u64,
    file: String,
    mime_type: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Manifest<'a> {
    kind: &'static str,
    version: u32,
    exported_ms: f64,
    jobs: &'a [JobRecord],
    sets: &'a [SetRecord],
    results: Vec<ResultFile>,
}

/// A kept result: the card's local id, its MIME type and bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptBytes {
    pub local_id: u64,
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

/// The backup ZIP of these records and bytes.
pub fn write_backup(
    jobs: &[JobRecord],
    sets: &[SetRecord],
    results: &[KeptBytes],
    exported_ms: f64,
) -> Result<Vec<u8>, String> {
    let files: Vec<ResultFile> = results
        .iter()
        .map(|r| ResultFile {
            local_id: r.local_id,
            file: format!("results/{}.{}", r.local_id, extension_for(&r.mime_type)),
            mime_type: r.mime_type.clone(),
        })
        .collect();
    let mut entries: Vec<(&str, &[u8])> = files
        .iter()
        .zip(results)
        .map(|(file, kept)| (file.file.as_str(), kept.bytes.as_slice()))
        .collect();
    let manifest = Manifest {
        kind: KIND,
        version: BACKUP_VERSION,
        exported_ms,
        jobs,
        sets,
        results: files.clone(),
    };
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    entries.insert(0, (MANIFEST, json.as_bytes()));
    stored(&entries)
}

/// A backup as read back, every record checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Backup {
    pub jobs: Vec<JobRecord>,
    pub sets: Vec<SetRecord>,
    pub results: Vec<KeptBytes>,
}

/// Reads a backup; any problem is one sentence for the artist, and nothing is half read.
pub fn read_backup(zip: &[u8]) -> Result<Backup, String> {
    let not_backup = "This file is not an Angleshot backup (no backup.json inside).";
    let entries = read_stored(zip).map_err(|err| match err {
        ZipError::NotZip => format!(
            "This file is not an Angleshot backup: {err}. If it was copied or downloaded, it \
             may be incomplete."
        ),
        other => format!("This backup cannot be read: {other}."),
    })?;
    let manifest = entries
        .iter()
        .find(|e| e.name == MANIFEST)
        .ok_or(not_backup)?;
    let manifest = std::str::from_utf8(manifest.bytes)
        .ok()
        .and_then(|text| crate::util::json::parse(text).ok())
        .filter(|value| value.get("kind").and_then(Value::as_str) == Some(KIND))
        .ok_or(not_backup)?;
    let version = manifest.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > u64::from(BACKUP_VERSION) {
        return Err(format!(
            "This backup was made by a newer Angleshot (format {version}; this one reads up to \
             {BACKUP_VERSION}): update the app, then import it."
        ));
    }
    if version == 0 {
        return Err("This backup has no format version: it cannot be read safely.".into());
    }
    let list = |key: &str| {
        manifest
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let bad = |what: &str, at: usize, err: String| {
        format!(
            "This backup's {what} {} is unreadable ({err}): nothing was imported.",
            at + 1
        )
    };
    let jobs = list("jobs")
        .iter()
        .enumerate()
        .map(|(at, v)| job_record_from_value(v).map_err(|e| bad("job", at, e)))
        .collect::<Result<Vec<_>, _>>()?;
    let sets = list("sets")
        .iter()
        .enumerate()
        .map(|(at, v)| set_record_from_value(v).map_err(|e| bad("set", at, e)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut results = Vec::new();
    for (at, file) in list("results").iter().enumerate() {
        let field = |key: &str| file.get(key);
        let (Some(local_id), Some(name), Some(mime_type)) = (
            field("localId").and_then(Value::as_u64),
            field("file").and_then(Value::as_str),
            field("mimeType").and_then(Value::as_str),
        ) else {
            return Err(bad("image", at, "missing fields".into()));
        };
        let entry = entries
            .iter()
            .find(|e| e.name == name)
            .ok_or_else(|| bad("image", at, format!("{name} is missing")))?;
        results.push(KeptBytes {
            local_id,
            mime_type: mime_type.to_string(),
            bytes: entry.bytes.to_vec(),
        });
    }
    Ok(Backup {
        jobs,
        sets,
        results,
    })
}

/// A card already in the history, as the merge sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldJob {
    pub local_id: u64,
    pub job_id: Option<String>,
    /// When it last changed (finished, else submitted).
    pub changed_ms: f64,
    /// For a job never created on Scenario (no job id): when it was made.
    pub submitted_ms: f64,
}

/// What importing does with one imported job record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeStep {
    /// Not in the history: added as a new card.
    Add,
    /// In the history, and the imported record is newer: it replaces card `local_id`.
    Replace { local_id: u64 },
    /// In the history already, as new or newer (card `local_id`).
    Keep { local_id: u64 },
    /// A second record of the same job in the file: it goes where record `first` goes.
    Duplicate { first: usize },
}

fn changed_ms(record: &JobRecord) -> f64 {
    record.finished_ms.unwrap_or(record.submitted_ms)
}

/// One step per imported record, in order. A record matches a held card by its Scenario job
/// id (or, for a job never created, by when it was made); a second record of the same job in
/// the file keeps to the first.
pub fn merge_plan(held: &[HeldJob], imported: &[JobRecord]) -> Vec<MergeStep> {
    imported
        .iter()
        .enumerate()
        .map(|(at, record)| {
            let same = |job_id: &Option<String>, submitted_ms: f64| match (job_id, &record.job_id) {
                (Some(a), Some(b)) => a == b,
                (None, None) => submitted_ms == record.submitted_ms,
                _ => false,
            };
            if let Some(first) = imported[..at]
                .iter()
                .position(|r| same(&r.job_id, r.submitted_ms))
            {
                return MergeStep::Duplicate { first };
            }
            match held.iter().find(|h| same(&h.job_id, h.submitted_ms)) {
                None => MergeStep::Add,
                Some(held) if changed_ms(record) > held.changed_ms => MergeStep::Replace {
                    local_id: held.local_id,
                },
                Some(held) => MergeStep::Keep {
                    local_id: held.local_id,
                },
            }
        })
        .collect()
}
