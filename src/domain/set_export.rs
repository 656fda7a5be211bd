//! "Download set (ZIP)": the files of a set named by angle, the `angles.json` sidecar, and the
//! ZIP itself (stored entries: the images are already compressed, and no deflater enters the
//! bundle). No key or secret is ever part of an item, so none can reach the archive.
//!
//! ```
//! use angleshot::domain::set_export::{build_zip, extension_for};
//! assert_eq!(extension_for("image/webp"), "webp");
//! let zip = build_zip(&[("front.png".into(), vec![1, 2, 3])], "{}").unwrap();
//! assert_eq!(&zip[..2], b"PK");
//! ```

use std::io::Write;

use serde::Serialize;

use crate::api::types::GenerateBody;

/// The extension for an image MIME type (`png` when unknown).
pub fn extension_for(mime: &str) -> &'static str {
    match mime.split(';').next().unwrap_or("").trim() {
        "image/jpeg" | "image/jpg" => "jpg",
        "image/webp" => "webp",
        "image/gif" => "gif",
        "image/avif" => "avif",
        _ => "png",
    }
}

/// One file of the archive, described in `angles.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestEntry {
    pub file: String,
    /// `"original"` or `"result"`.
    pub role: &'static str,
    /// Rotation from the first original, after chaining (−180..180].
    pub total_rotation: i32,
    pub vertical_tilt: i32,
    /// The generate request exactly as sent (absent for the original).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<GenerateBody>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    /// The input's asset id (for the original: its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_asset_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub result_asset_ids: Vec<String>,
    pub prompt: String,
    /// When the job was submitted (the original: when the set was made), ISO 8601 UTC.
    pub submitted_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
}

/// The sidecar.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub app: &'static str,
    pub model: &'static str,
    pub source_image: String,
    pub files: Vec<ManifestEntry>,
}

impl Manifest {
    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// Makes each name unique in the archive: a second `front.png` becomes `front-2.png`.
pub fn unique_names(names: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
        let mut candidate = name.clone();
        let mut n = 2;
        while seen.contains(&candidate) {
            candidate = if ext.is_empty() {
                format!("{stem}-{n}")
            } else {
                format!("{stem}-{n}.{ext}")
            };
            n += 1;
        }
        seen.push(candidate);
    }
    seen
}

/// Milliseconds since the epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn iso8601(ms: f64) -> String {
    let ms = if ms.is_finite() {
        ms.max(0.0) as i64
    } else {
        0
    };
    let (days, rest) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000
    )
}

/// A ZIP of `files` (stored, not deflated) plus `angles.json`.
pub fn build_zip(files: &[(String, Vec<u8>)], manifest_json: &str) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    let entries = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .chain(std::iter::once(("angles.json", manifest_json.as_bytes())));
    for (name, bytes) in entries {
        zip.start_file(name, options)
            .map_err(|e| format!("{name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}
