//! Recognises an uploaded image's type and size the way an image API would: by its bytes.

/// Type and, when the header says, pixel size of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub mime_type: &'static str,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Sniffs PNG, JPEG, GIF, WebP and AVIF; anything else is `None` (not an image we accept).
pub fn sniff(bytes: &[u8]) -> Option<ImageInfo> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        // IHDR is always first: width and height are big-endian at 16..24.
        let size = (bytes.len() >= 24).then(|| (be32(&bytes[16..20]), be32(&bytes[20..24])));
        return Some(info("image/png", size));
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(info("image/jpeg", jpeg_size(bytes)));
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        let size = (bytes.len() >= 10).then(|| {
            (
                u32::from(u16::from_le_bytes([bytes[6], bytes[7]])),
                u32::from(u16::from_le_bytes([bytes[8], bytes[9]])),
            )
        });
        return Some(info("image/gif", size));
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some(info("image/webp", webp_size(bytes)));
    }
    if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && (&bytes[8..12] == b"avif" || &bytes[8..12] == b"avis")
    {
        return Some(info("image/avif", None));
    }
    None
}

fn info(mime_type: &'static str, size: Option<(u32, u32)>) -> ImageInfo {
    ImageInfo {
        mime_type,
        width: size.map(|s| s.0),
        height: size.map(|s| s.1),
    }
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]);
            let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]);
            return Some((u32::from(w), u32::from(h)));
        }
        i += 2 + len;
    }
    None
}

fn webp_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let chunk = bytes.get(12..16)?;
    match chunk {
        b"VP8X" => {
            let b = bytes.get(24..30)?;
            let w = 1 + (u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16);
            let h = 1 + (u32::from(b[3]) | u32::from(b[4]) << 8 | u32::from(b[5]) << 16);
            Some((w, h))
        }
        b"VP8L" => {
            let b = bytes.get(21..25)?;
            let bits = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8 " => {
            let b = bytes.get(26..30)?;
            let w = u32::from(u16::from_le_bytes([b[0], b[1]]) & 0x3FFF);
            let h = u32::from(u16::from_le_bytes([b[2], b[3]]) & 0x3FFF);
            Some((w, h))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real 3×2 PNG header (signature + IHDR).
    pub(crate) const PNG_3X2: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x03\0\0\0\x02\x08\x02\0\0\0";

    #[test]
    fn png_size_comes_from_ihdr() {
        let got = sniff(PNG_3X2).unwrap();
        assert_eq!(
            (got.mime_type, got.width, got.height),
            ("image/png", Some(3), Some(2))
        );
    }

    #[test]
    fn jpeg_size_comes_from_sof0() {
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, // APP0, 2 bytes payload
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x01, 0x90, 0x03, 0x01, 0x11, 0x00,
        ];
        let got = sniff(&jpeg).unwrap();
        assert_eq!(
            (got.mime_type, got.width, got.height),
            ("image/jpeg", Some(400), Some(300))
        );
    }

    #[test]
    fn gif_and_unknown_bytes() {
        let gif = b"GIF89a\x05\x00\x07\x00rest";
        assert_eq!(sniff(gif).unwrap().width, Some(5));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b""), None);
    }
}
