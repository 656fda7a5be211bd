//! What input images are accepted and how big they are sent: long edge ≤ 2048 px, under 6 MB.
//!
//! ```
//! use angleshot::domain::image_rules::{check_file, fit_within, MAX_EDGE};
//! assert!(check_file("chair.png", "image/png", 1200.0).is_ok());
//! assert_eq!(fit_within(6000, 4000, MAX_EDGE), (2048, 1365));
//! ```

/// Longest edge sent to the API.
pub const MAX_EDGE: u32 = 2048;
/// The API's upload limit (bytes of the encoded image).
pub const MAX_UPLOAD_BYTES: usize = 6 * 1024 * 1024;

/// Largest file opened at all: decoding more could exhaust a tablet's memory.
pub const MAX_SOURCE_BYTES: f64 = 40.0 * 1024.0 * 1024.0;

/// Checks what the browser tells about a file before decoding it.
pub fn check_file(name: &str, mime_type: &str, size: f64) -> Result<(), String> {
    let mime = mime_type.trim().to_ascii_lowercase();
    let lower = name.to_ascii_lowercase();
    if size <= 0.0 {
        return Err(format!("\"{name}\" is empty (0 bytes)."));
    }
    if mime == "image/svg+xml" || lower.ends_with(".svg") {
        return Err(format!(
            "\"{name}\" is an SVG drawing: export it as PNG or JPEG first."
        ));
    }
    let image_ext = [
        ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif", ".bmp", ".heic",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    let named_as_image = mime.starts_with("image/") || (mime.is_empty() && image_ext);
    if !named_as_image {
        return Err(format!("\"{name}\" is not an image."));
    }
    if size > MAX_SOURCE_BYTES {
        return Err(format!(
            "\"{name}\" is {} MB, too large to open here (limit {} MB): export a smaller version.",
            crate::util::math::whole(size / 1024.0 / 1024.0),
            crate::util::math::whole(MAX_SOURCE_BYTES / 1024.0 / 1024.0)
        ));
    }
    Ok(())
}

/// Size that fits `max_edge` on the long side, aspect kept (never enlarged, never 0).
pub fn fit_within(width: u32, height: u32, max_edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max_edge || long == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(max_edge) / f64::from(long);
    let w = (f64::from(width) * scale).round().max(1.0) as u32;
    let h = (f64::from(height) * scale).round().max(1.0) as u32;
    (w.min(max_edge), h.min(max_edge))
}

/// Bytes encoded in a base64 data URL.
pub fn data_url_bytes(data_url: &str) -> usize {
    let payload = data_url.split_once(',').map_or(data_url, |(_, p)| p);
    let padding = payload.bytes().rev().take_while(|b| *b == b'=').count();
    (payload.len() / 4 * 3).saturating_sub(padding)
}

/// Encodings to try, best first: lossless PNG for images that may be transparent (sprites,
/// cut-outs), else high-quality JPEG; WebP and smaller JPEG when over the limit.
pub fn encodings_for(source_mime: &str) -> Vec<(&'static str, f64)> {
    let may_have_alpha = matches!(
        source_mime,
        "image/png" | "image/webp" | "image/gif" | "image/avif"
    );
    let mut list = Vec::new();
    if may_have_alpha {
        list.push(("image/png", 1.0));
        list.push(("image/webp", 0.92));
    }
    list.push(("image/jpeg", 0.92));
    list.push(("image/jpeg", 0.8));
    list
}
