//! The demo's "results": the input turned, squeezed and zoomed in a canvas toward the
//! requested camera, and stamped so it is never passed off as model output.

use wasm_bindgen::JsCast;

use crate::api::types::GenerateBody;
use crate::util::math;

/// The input turned toward the requested camera in a canvas, stamped as a demo.
pub(super) async fn illustrate(input_url: &str, body: &GenerateBody) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let image: web_sys::HtmlImageElement = document.create_element("img").ok()?.dyn_into().ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(input_url);
    wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
    let (w, h) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    // At most 768 px long, at least 384 px short (room for the stamp), aspect kept.
    let scale_to = (768.0 / w.max(h).max(1.0))
        .min(1.0)
        .max(384.0 / w.min(h).max(1.0));
    let (cw, ch) = (
        (w * scale_to).round().max(384.0),
        (h * scale_to).round().max(384.0),
    );
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(cw as u32);
    canvas.set_height(ch as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_fill_style_str("#20232b");
    ctx.fill_rect(0.0, 0.0, cw, ch);
    // Turn: squeeze horizontally by cos(angle), mirrored past the side; closer: zoom in;
    // top-down / low angle: squash vertically and shift.
    let angle = f64::from(body.rotate_degrees).to_radians();
    let squeeze = math::cos(angle).abs().max(0.3)
        * if body.rotate_degrees.abs() >= 90 {
            -1.0
        } else {
            1.0
        };
    let zoom =
        (1.0 + f64::from(body.move_forward) * 0.06) * if body.use_wide_angle { 0.85 } else { 1.0 };
    let tilt = f64::from(body.vertical_tilt);
    let skew = -math::sin(angle) * 0.25;
    let _ = ctx.set_transform(
        squeeze * zoom,
        skew * zoom,
        0.0,
        zoom * (1.0 - 0.3 * tilt.abs()),
        cw / 2.0,
        ch / 2.0 + tilt * ch * 0.08,
    );
    let _ =
        ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, -cw / 2.0, -ch / 2.0, cw, ch);
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    // The stamp: never passed off as model output.
    let band = math::clamp(ch * 0.2, 28.0, 90.0);
    ctx.set_fill_style_str("rgba(179, 38, 30, 0.88)");
    ctx.fill_rect(0.0, ch - band, cw, band);
    ctx.set_fill_style_str("#ffffff");
    ctx.set_font(&format!(
        "bold {}px sans-serif",
        math::whole((band * 0.36).min(cw / 21.0))
    ));
    let _ = ctx.fill_text(
        "DEMO — illustration, not model output",
        band * 0.2,
        ch - band * 0.55,
    );
    ctx.set_font(&format!(
        "{}px sans-serif",
        math::whole((band * 0.26).min(cw / 24.0))
    ));
    let _ = ctx.fill_text(
        &format!(
            "rotate {} · forward {} · tilt {}{}",
            body.rotate_degrees,
            body.move_forward,
            body.vertical_tilt,
            if body.use_wide_angle { " · wide" } else { "" }
        ),
        band * 0.2,
        ch - band * 0.15,
    );
    canvas.to_data_url_with_type("image/png").ok()
}
