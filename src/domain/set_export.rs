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

use serde::Serialize;

use crate::domain::profile::JobBody;

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
    /// The model that made it (absent for the original).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<&'static str>,
    /// The image's pixel size, where its bytes tell it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Rotation from the first original, after chaining (−180..180].
    pub total_rotation: i32,
    /// The seed model's tilt (the 2511 model's elevation is in its `parameters`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vertical_tilt: Option<i32>,
    /// The generate request exactly as sent (absent for the original).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<JobBody>,
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
    /// Lineage: the job and result this one was chained from (absent for the original's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_asset_id: Option<String>,
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

/// A ZIP of `files` plus `angles.json` (stored entries, [`crate::util::zip::stored`]).
pub fn build_zip(files: &[(String, Vec<u8>)], manifest_json: &str) -> Result<Vec<u8>, String> {
    let entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .chain(std::iter::once(("angles.json", manifest_json.as_bytes())))
        .collect();
    crate::util::zip::stored(&entries)
}
