//! Saves a kept image to the artist's disk under a chosen name.
//!
//! ```no_run
//! angleshot::platform::files::save("blob:http://x/1", "chair_rot+45_fwd0_tilt0.png");
//! ```

use wasm_bindgen::JsCast;

/// A Blob of `bytes` of type `mime`.
pub fn blob(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// An object URL for `bytes` of type `mime` (the caller revokes it when done with it).
pub fn object_url(bytes: &[u8], mime: &str) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(&blob(bytes, mime)?).ok()
}

/// The file just picked in the file input `event` came from, if any; the input is emptied so
/// picking the same file again still fires.
pub fn picked_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
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

/// A copy in page memory of the image `shown_url` shows, under a new object URL. A Blob read
/// back from IndexedDB holds on to its stored file (and its space) until every URL of it is
/// revoked and it is collected: "Free up space" shows such copies instead.
pub async fn copy_in_memory(shown_url: &str, mime: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(shown_url))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?)
        .await
        .ok()?;
    object_url(&js_sys::Uint8Array::new(&buffer).to_vec(), mime)
}
