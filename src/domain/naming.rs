//! The parts of a download's name every model shares: the input's stem, safe in every file
//! system, and the extension for an image type. Each model profile adds its pose
//! (`domain::profile`).
//!
//! ```
//! use angleshot::domain::naming::{extension, stem};
//! assert_eq!(stem("Chair.final.png"), "Chair.final");
//! assert_eq!(extension("image/webp"), "webp");
//! ```

/// The input's name without extension, reduced to characters safe in every file system.
pub fn stem(input_name: &str) -> String {
    let base = input_name.rsplit(['/', '\\']).next().unwrap_or(input_name);
    let without_ext = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => base,
    };
    let cleaned: String = without_ext
        .chars()
        .map(|c| if keeps(c) { c } else { '_' })
        .collect();
    let trimmed = cleaned.trim_matches(['_', '.']);
    if trimmed.is_empty() {
        "angleshot".to_string()
    } else {
        trimmed.chars().take(60).collect()
    }
}

/// ASCII letters and digits, `-`, `_`, `.`, and any other script's characters (`Стул`, `椅子`)
/// except spaces and control characters; ASCII punctuation, which file systems and shells
/// treat specially, is not kept. (No Unicode letter tables needed: they cost wasm.)
fn keeps(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '-' | '_' | '.')
        || (!c.is_ascii() && !c.is_control() && !c.is_whitespace())
}

/// Extension for a MIME type (`png` when unknown).
pub fn extension(mime_type: &str) -> &'static str {
    match mime_type.trim().to_ascii_lowercase().as_str() {
        "image/jpeg" | "image/jpg" => "jpg",
        "image/webp" => "webp",
        "image/gif" => "gif",
        "image/avif" => "avif",
        _ => "png",
    }
}
