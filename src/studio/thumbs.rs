//! Card thumbnails on screen: every card of one input shows the same small image, kept (and
//! saved) as a `data:` URL. Handing that string to each of 200 `<img>`s costs a copy, a parse
//! and a decode per card; one `blob:` URL per distinct thumbnail costs one (0004).
//!
//! ```no_run
//! let src = angleshot::studio::thumbs::display_url("data:image/webp;base64,UklGR...");
//! assert!(src.starts_with("blob:") || src.starts_with("data:"));
//! ```

use std::cell::RefCell;

use base64::Engine as _;

thread_local! {
    /// (`data:` URL, the `blob:` URL showing it). Bounded by the inputs used (a few KB each);
    /// never revoked, as cards of any age may show it. A list: a handful of inputs per
    /// session, and no hash-map code in the wasm.
    static SHOWN: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The URL an `<img>` should show for `thumbnail`: a shared `blob:` URL for a `data:` URL,
/// anything else (or a `data:` URL that cannot be turned into a Blob) as it is.
pub fn display_url(thumbnail: &str) -> String {
    if !thumbnail.starts_with("data:") {
        return thumbnail.to_string();
    }
    let known = SHOWN.with_borrow(|shown| {
        shown
            .iter()
            .find(|(data, _)| data == thumbnail)
            .map(|(_, url)| url.clone())
    });
    if let Some(url) = known {
        return url;
    }
    match blob_url(thumbnail) {
        Some(url) => {
            SHOWN.with_borrow_mut(|shown| shown.push((thumbnail.to_string(), url.clone())));
            url
        }
        None => thumbnail.to_string(),
    }
}

fn blob_url(data_url: &str) -> Option<String> {
    let (header, payload) = data_url.strip_prefix("data:")?.split_once(',')?;
    let mime = header.strip_suffix(";base64")?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .ok()?;
    crate::platform::files::object_url(&bytes, mime)
}
