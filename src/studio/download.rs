//! Saves a kept image to the artist's disk under a chosen name.
//!
//! ```no_run
//! angleshot::studio::download::save("blob:http://x/1", "chair_rot+45_fwd0_tilt0.png");
//! ```

use wasm_bindgen::JsCast;

/// Clicks a temporary `<a download>` for `url`.
pub fn save(url: &str, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(element) = document.create_element("a") else {
        return;
    };
    let anchor: web_sys::HtmlAnchorElement = element.unchecked_into();
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
}
