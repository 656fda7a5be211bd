//! Records a spin: frames drawn one after another into a canvas, on a backdrop, letterboxed,
//! each held for the pace, while `MediaRecorder` records the canvas's stream.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Whether the browser records `mime` (false without `MediaRecorder`).
pub fn records(mime: &str) -> bool {
    let has_recorder = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"MediaRecorder".into()).ok())
        .is_some_and(|r| !r.is_undefined());
    has_recorder && web_sys::MediaRecorder::is_type_supported(mime)
}

/// What the frames are drawn on.
pub enum Fill<'a> {
    /// A CSS colour.
    Solid(&'a str),
    Checkerboard,
}

/// How to record.
pub struct RecordOptions<'a> {
    pub size: (u32, u32),
    pub pace_ms: u32,
    pub fill: Fill<'a>,
    pub mime: &'a str,
}

fn paint_backdrop(ctx: &web_sys::CanvasRenderingContext2d, (w, h): (f64, f64), backdrop: &Fill) {
    let fill = |colour: &str, x: f64, y: f64, cw: f64, ch: f64| {
        ctx.set_fill_style_str(colour);
        ctx.fill_rect(x, y, cw, ch);
    };
    match backdrop {
        Fill::Solid(colour) => fill(colour, 0.0, 0.0, w, h),
        Fill::Checkerboard => {
            let cell = (w.max(h) / 24.0).max(8.0);
            fill("#f3f3f5", 0.0, 0.0, w, h);
            let (mut y, mut row) = (0.0, 0);
            while y < h {
                let mut x = if row % 2 == 0 { 0.0 } else { cell };
                while x < w {
                    fill("#cfcfd4", x, y, cell, cell);
                    x += 2.0 * cell;
                }
                y += cell;
                row += 1;
            }
        }
    }
}

/// Records `frames` in `order`, calling `progress(i, n)` before each; stops early (`Err`)
/// when `cancelled()` turns true. The video's bytes as a Blob of `options.mime`.
pub async fn record(
    frames: &[web_sys::HtmlImageElement],
    order: &[usize],
    options: RecordOptions<'_>,
    progress: &dyn Fn(usize, usize),
    cancelled: &dyn Fn() -> bool,
) -> Result<web_sys::Blob, String> {
    let failed = |what: &str| format!("the browser could not {what}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| failed("draw"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| failed("draw"))?;
    let (width, height) = options.size;
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| failed("draw"))?;
    let (w, h) = (f64::from(width), f64::from(height));
    let draw = |image: &web_sys::HtmlImageElement| {
        paint_backdrop(&ctx, (w, h), &options.fill);
        let (iw, ih) = (
            f64::from(image.natural_width().max(1)),
            f64::from(image.natural_height().max(1)),
        );
        let scale = (w / iw).min(h / ih);
        let (dw, dh) = (iw * scale, ih * scale);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            image,
            (w - dw) / 2.0,
            (h - dh) / 2.0,
            dw,
            dh,
        );
    };
    let first = order
        .first()
        .and_then(|&i| frames.get(i))
        .ok_or("no frame to record")?;
    draw(first);
    let stream = canvas
        .capture_stream()
        .map_err(|_| failed("capture the canvas"))?;
    let recorder_options = web_sys::MediaRecorderOptions::new();
    recorder_options.set_mime_type(options.mime);
    let recorder = web_sys::MediaRecorder::new_with_media_stream_and_media_recorder_options(
        &stream,
        &recorder_options,
    )
    .map_err(|_| failed("start recording"))?;
    let chunks: Rc<RefCell<Vec<web_sys::Blob>>> = Rc::default();
    let kept = chunks.clone();
    let on_data =
        Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |event: web_sys::BlobEvent| {
            if let Some(blob) = event.data() {
                kept.borrow_mut().push(blob);
            }
        });
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    let stopped = js_sys::Promise::new(&mut |resolve, _| recorder.set_onstop(Some(&resolve)));
    recorder.start().map_err(|_| failed("start recording"))?;
    let mut outcome = Ok(());
    for (at, &index) in order.iter().enumerate() {
        if cancelled() {
            outcome = Err("Spin cancelled.".to_string());
            break;
        }
        progress(at + 1, order.len());
        if let Some(image) = frames.get(index) {
            draw(image);
        }
        TimeoutFuture::new(options.pace_ms).await;
    }
    let _ = recorder.stop();
    let _ = wasm_bindgen_futures::JsFuture::from(stopped).await;
    recorder.set_ondataavailable(None);
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
    outcome?;
    let parts: js_sys::Array = chunks.borrow().iter().collect();
    let type_only = options.mime.split(';').next().unwrap_or(options.mime);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(type_only);
    web_sys::Blob::new_with_blob_sequence_and_options(&parts, &bag)
        .map_err(|_| failed("save the video"))
}
