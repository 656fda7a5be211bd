//! Turns a dropped, pasted or picked file into an upload-ready data URL: validated, decoded,
//! shrunk on a canvas to a long edge of at most 2048 px and under 6 MB.
//!
//! ```no_run
//! # async fn demo(file: web_sys::File) {
//! match angleshot::studio::image::prepare(&file).await {
//!     Ok(image) => println!("{}×{}, {} bytes", image.width, image.height, image.bytes),
//!     Err(message) => println!("{message}"),
//! }
//! # }
//! ```

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::image_rules::{
    MAX_EDGE, MAX_UPLOAD_BYTES, check_file, data_url_bytes, encodings_for, fit_within,
};

/// An image ready to upload.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedImage {
    pub name: String,
    pub data_url: String,
    pub mime_type: String,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
    /// A small (≤ 256 px) data URL for job cards.
    pub thumbnail: String,
    /// The picture's own size when it had to be shrunk.
    pub downscaled_from: Option<(u32, u32)>,
}

/// Long edge of card thumbnails.
const THUMB_EDGE: u32 = 256;

/// Validates, decodes and shrinks `file`; the error is a sentence for the artist.
pub async fn prepare(file: &web_sys::File) -> Result<PreparedImage, String> {
    let name = file.name();
    check_file(&name, &file.type_(), file.size())?;
    let url = web_sys::Url::create_object_url_with_blob(file)
        .map_err(|_| format!("\"{name}\" could not be read."))?;
    let result = decode_and_encode(&name, &url, &file.type_()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

async fn decode_and_encode(
    name: &str,
    url: &str,
    source_mime: &str,
) -> Result<PreparedImage, String> {
    let undecodable =
        || format!("\"{name}\" could not be decoded as an image (damaged or unsupported).");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(undecodable)?;
    let img: web_sys::HtmlImageElement = document
        .create_element("img")
        .map_err(|_| undecodable())?
        .unchecked_into();
    img.set_src(url);
    JsFuture::from(img.decode())
        .await
        .map_err(|_| undecodable())?;
    let (natural_w, natural_h) = (img.natural_width(), img.natural_height());
    if natural_w == 0 || natural_h == 0 {
        return Err(undecodable());
    }
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| undecodable())?
        .unchecked_into();
    let mut edge = MAX_EDGE;
    // Try each encoding at full size, then shrink further: a noisy 2048² PNG can exceed 6 MB.
    for _ in 0..4 {
        let (w, h) = fit_within(natural_w, natural_h, edge);
        canvas.set_width(w);
        canvas.set_height(h);
        let context: web_sys::CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .ok_or_else(undecodable)?
            .unchecked_into();
        context.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        context
            .draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                f64::from(w),
                f64::from(h),
            )
            .map_err(|_| undecodable())?;
        for (mime, quality) in encodings_for(source_mime) {
            let encoded = canvas
                .to_data_url_with_type_and_encoder_options(
                    mime,
                    &wasm_bindgen::JsValue::from_f64(quality),
                )
                .map_err(|_| undecodable())?;
            // Browsers fall back to PNG for types they cannot encode: read the real type.
            let real_mime = encoded
                .strip_prefix("data:")
                .and_then(|rest| rest.split(';').next())
                .unwrap_or(mime)
                .to_string();
            let bytes = data_url_bytes(&encoded);
            if bytes < MAX_UPLOAD_BYTES {
                let thumbnail =
                    thumbnail(&document, &img, natural_w, natural_h).unwrap_or_default();
                return Ok(PreparedImage {
                    thumbnail,
                    name: name.to_string(),
                    data_url: encoded,
                    mime_type: real_mime,
                    width: w,
                    height: h,
                    bytes,
                    downscaled_from: ((w, h) != (natural_w, natural_h))
                        .then_some((natural_w, natural_h)),
                });
            }
        }
        edge = edge * 3 / 4;
    }
    Err(format!("\"{name}\" stays over 6 MB even when shrunk."))
}

fn thumbnail(
    document: &web_sys::Document,
    img: &web_sys::HtmlImageElement,
    width: u32,
    height: u32,
) -> Option<String> {
    let (w, h) = fit_within(width, height, THUMB_EDGE);
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?;
    canvas
        .to_data_url_with_type_and_encoder_options(
            "image/webp",
            &wasm_bindgen::JsValue::from_f64(0.8),
        )
        .ok()
}
