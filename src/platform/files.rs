//! Saves a kept image to the artist's disk under a chosen name.
//!
//! ```no_run
//! angleshot::platform::files::save("blob:http://x/1", "chair_rot+45_fwd0_tilt0.png");
//! ```

use wasm_bindgen::JsCast;

/// An object URL for `bytes` of type `mime` (the caller revokes it when done with it).
pub fn object_url(bytes: &[u8], mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

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
