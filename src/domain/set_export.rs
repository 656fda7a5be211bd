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

/// A ZIP of `files` (stored, not deflated) plus `angles.json`. Written here rather than by a
/// ZIP crate: stored entries need only headers and a CRC-32, and a general ZIP writer cost
/// the wasm far more (docs/decisions/0003). No ZIP64: a set past 4 GB (or 65 535 files) is refused.
pub fn build_zip(files: &[(String, Vec<u8>)], manifest_json: &str) -> Result<Vec<u8>, String> {
    let entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .chain(std::iter::once(("angles.json", manifest_json.as_bytes())))
        .collect();
    let too_big = || "The set is too large for one ZIP (over 4 GB).".to_string();
    let count = u16::try_from(entries.len()).map_err(|_| too_big())?;
    let mut zip = Vec::new();
    let mut directory = Vec::new();
    for (name, bytes) in entries {
        let offset = u32::try_from(zip.len()).map_err(|_| too_big())?;
        let size = u32::try_from(bytes.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| format!("{name}: name too long"))?;
        let crc = crc32(bytes);
        // Local header: signature, version 2.0, UTF-8 names, stored, 1980-01-01 00:00.
        put32(&mut zip, 0x0403_4b50);
        for field in [20, ZIP_UTF8, 0, 0, DOS_DATE] {
            put16(&mut zip, field);
        }
        for field in [crc, size, size] {
            put32(&mut zip, field);
        }
        put16(&mut zip, name_len);
        put16(&mut zip, 0);
        zip.extend_from_slice(name.as_bytes());
        zip.extend_from_slice(bytes);
        // Its central directory record.
        put32(&mut directory, 0x0201_4b50);
        for field in [20, 20, ZIP_UTF8, 0, 0, DOS_DATE] {
            put16(&mut directory, field);
        }
        for field in [crc, size, size] {
            put32(&mut directory, field);
        }
        for field in [name_len, 0, 0, 0, 0] {
            put16(&mut directory, field);
        }
        put32(&mut directory, 0);
        put32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = u32::try_from(zip.len()).map_err(|_| too_big())?;
    let directory_size = u32::try_from(directory.len()).map_err(|_| too_big())?;
    zip.extend_from_slice(&directory);
    put32(&mut zip, 0x0605_4b50);
    for field in [0, 0, count, count] {
        put16(&mut zip, field);
    }
    put32(&mut zip, directory_size);
    put32(&mut zip, directory_offset);
    put16(&mut zip, 0);
    Ok(zip)
}

/// General-purpose flag: names are UTF-8.
const ZIP_UTF8: u16 = 0x0800;
/// 1980-01-01 in MS-DOS date format (no file dates: the manifest has the real times).
const DOS_DATE: u16 = (1 << 5) | 1;

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// CRC-32 (IEEE, as ZIP uses), table-driven.
fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |crc, &b| {
        TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8)
    })
}
