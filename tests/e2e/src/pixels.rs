//! Pictures as pixels: an RGBA PNG to hand the app (transparency included), and a reader for
//! the screenshots Chromium takes (8-bit RGB or RGBA, not interlaced), so a test can look at
//! what the artist would see.
//!
//! ```
//! use angleshot_e2e::pixels::{Rgba, decode_png, png_rgba};
//! let png = png_rgba(3, 2, |x, _| if x == 0 { [0, 0, 0, 0] } else { [0, 0, 255, 255] });
//! let picture: Rgba = decode_png(&png).unwrap();
//! assert_eq!((picture.width, picture.height), (3, 2));
//! assert_eq!(picture.at(2, 1), [0, 0, 255, 255]);
//! ```

use std::io::{Read, Write};

/// A decoded picture, four bytes per pixel.
pub struct Rgba {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl Rgba {
    /// The pixel at (`x`, `y`); transparent black outside the picture.
    pub fn at(&self, x: u32, y: u32) -> [u8; 4] {
        if x >= self.width || y >= self.height {
            return [0; 4];
        }
        let i = ((y * self.width + x) * 4) as usize;
        let p = &self.pixels[i..i + 4];
        [p[0], p[1], p[2], p[3]]
    }
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A real RGBA PNG of `width`×`height` whose pixels come from `pixel(x, y)`.
pub fn png_rgba(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
    encode_png(width, height, 4, |x, y, out| {
        out.extend_from_slice(&pixel(x, y))
    })
}

/// An 8-bit, non-interlaced PNG of `channels` (3: RGB, 4: RGBA) per pixel, each pixel's bytes
/// pushed by `pixel(x, y, out)`.
pub fn encode_png(
    width: u32,
    height: u32,
    channels: u8,
    pixel: impl Fn(u32, u32, &mut Vec<u8>),
) -> Vec<u8> {
    let chunk = |out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut tagged = kind.to_vec();
        tagged.extend_from_slice(data);
        out.extend_from_slice(&tagged);
        out.extend_from_slice(&crc32(&tagged).to_be_bytes());
    };
    let mut raw = Vec::with_capacity((width * u32::from(channels) + 1) as usize * height as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            pixel(x, y, &mut raw);
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(&raw).expect("deflate");
    let idat = z.finish().expect("deflate");
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    let color_type = if channels == 4 { 6 } else { 2 };
    ihdr.extend_from_slice(&[8, color_type, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Decodes an 8-bit RGB or RGBA, non-interlaced PNG; `None` for anything else.
pub fn decode_png(bytes: &[u8]) -> Option<Rgba> {
    let mut at = 8;
    let (mut width, mut height, mut channels) = (0u32, 0u32, 0usize);
    let mut idat = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        let kind = &bytes[at + 4..at + 8];
        let data = bytes.get(at + 8..at + 8 + len)?;
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(data[0..4].try_into().ok()?);
                height = u32::from_be_bytes(data[4..8].try_into().ok()?);
                channels = match (data[8], data[9], data[12]) {
                    (8, 2, 0) => 3,
                    (8, 6, 0) => 4,
                    _ => return None,
                };
            }
            b"IDAT" => idat.extend_from_slice(data),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&idat[..])
        .read_to_end(&mut raw)
        .ok()?;
    let stride = width as usize * channels;
    let mut rows: Vec<u8> = Vec::with_capacity(stride * height as usize);
    for y in 0..height as usize {
        let line = raw.get(y * (stride + 1)..(y + 1) * (stride + 1))?;
        let (filter, line) = (line[0], &line[1..]);
        let start = rows.len();
        for x in 0..stride {
            let a = if x >= channels {
                rows[start + x - channels]
            } else {
                0
            };
            let b = if y > 0 { rows[start - stride + x] } else { 0 };
            let c = if y > 0 && x >= channels {
                rows[start - stride + x - channels]
            } else {
                0
            };
            let value = match filter {
                0 => line[x],
                1 => line[x].wrapping_add(a),
                2 => line[x].wrapping_add(b),
                3 => line[x].wrapping_add(((u16::from(a) + u16::from(b)) / 2) as u8),
                4 => {
                    let p = i16::from(a) + i16::from(b) - i16::from(c);
                    let (pa, pb, pc) = (
                        (p - i16::from(a)).abs(),
                        (p - i16::from(b)).abs(),
                        (p - i16::from(c)).abs(),
                    );
                    let predictor = if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    };
                    line[x].wrapping_add(predictor)
                }
                _ => return None,
            };
            rows.push(value);
        }
    }
    let pixels = if channels == 4 {
        rows
    } else {
        rows.chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect()
    };
    Some(Rgba {
        width,
        height,
        pixels,
    })
}
