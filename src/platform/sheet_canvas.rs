//! Draws a sprite sheet in a canvas: each frame (an image this page holds) where its layout
//! says, on transparency, and hands back the PNG's bytes.

use base64::Engine;
use wasm_bindgen::JsCast;

/// An image of this page (`blob:` or `data:` URL), loaded and decoded.
pub async fn load_image(url: &str) -> Option<web_sys::HtmlImageElement> {
    let document = web_sys::window()?.document()?;
    let image: web_sys::HtmlImageElement = document.create_element("img").ok()?.dyn_into().ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(url);
    wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
    Some(image)
}

/// Where one image goes on the sheet: x, y, width, height.
pub type Placement = [f64; 4];

/// The sheet's PNG, `width`×`height`: each image drawn at its placement.
pub fn draw_sheet(
    (width, height): (u32, u32),
    frames: &[(web_sys::HtmlImageElement, Placement)],
) -> Option<Vec<u8>> {
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    for (image, [x, y, w, h]) in frames {
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(image, *x, *y, *w, *h);
    }
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    let (_, data) = url.split_once(',')?;
    base64::engine::general_purpose::STANDARD.decode(data).ok()
}
