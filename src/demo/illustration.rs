//! The demo's "results": the input turned, squeezed and zoomed in a canvas toward the
//! requested camera, and stamped so it is never passed off as model output.

use wasm_bindgen::JsCast;

use serde_json::Value;

use crate::util::math;

/// What a body asks of the picture, in one set of terms for both models.
struct Look {
    /// The camera's turn, positive to the artist's left, −180..180.
    turn: i32,
    /// 0 the widest framing .. 10 the closest.
    closer: i32,
    /// −1 from above .. 1 from below.
    tilt: f64,
    wide: bool,
    /// The parameters, stamped on the picture.
    stamp: String,
}

/// The look a (checked) generate body asks for: the 2511 model's when it has a
/// `horizontalAngle` (growing to the artist's right), else the seed model's.
fn look_of(body: &Value) -> Look {
    let number = |key: &str| body.get(key).and_then(Value::as_f64).unwrap_or(0.0) as i32;
    if body.get("horizontalAngle").is_some() {
        let (horizontal, vertical, zoom) = (
            number("horizontalAngle"),
            number("verticalAngle"),
            number("zoom"),
        );
        Look {
            turn: math::fold_degrees(-horizontal),
            closer: zoom,
            tilt: -f64::from(vertical) / 60.0,
            wide: false,
            stamp: format!("horizontal {horizontal} · vertical {vertical} · zoom {zoom}"),
        }
    } else {
        let wide = body.get("useWideAngle").and_then(Value::as_bool) == Some(true);
        let (rotate, forward, tilt) = (
            number("rotateDegrees"),
            number("moveForward"),
            number("verticalTilt"),
        );
        Look {
            turn: rotate,
            closer: forward,
            tilt: f64::from(tilt),
            wide,
            stamp: format!(
                "rotate {rotate} · forward {forward} · tilt {tilt}{}",
                if wide { " · wide" } else { "" }
            ),
        }
    }
}

/// The input turned toward the requested camera in a canvas, stamped as a demo.
pub(super) async fn illustrate(input_url: &str, body: &Value) -> Option<String> {
    let look = look_of(body);
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
    let angle = f64::from(look.turn).to_radians();
    let from_behind = look.turn.abs() > 90;
    let squeeze = math::cos(angle).abs().max(0.3) * if look.turn.abs() >= 90 { -1.0 } else { 1.0 };
    let zoom = (1.0 + f64::from(look.closer) * 0.06) * if look.wide { 0.85 } else { 1.0 };
    let tilt = look.tilt;
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
    // From behind, the subject's front is hidden: shaded, so a back view is visibly not the
    // front mirrored.
    if from_behind {
        ctx.set_fill_style_str("rgba(10, 12, 20, 0.55)");
        ctx.fill_rect(0.0, 0.0, cw, ch);
    }
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
        // Small enough for the whole line to fit: the 2511 stamp is the longer.
        math::whole((band * 0.26).min(cw * 1.8 / look.stamp.chars().count().max(1) as f64))
    ));
    let _ = ctx.fill_text(&look.stamp, band * 0.2, ch - band * 0.15);
    canvas.to_data_url_with_type("image/png").ok()
}
