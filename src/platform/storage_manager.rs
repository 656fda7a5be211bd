//! `navigator.storage`: ask for persistent storage, read whether it was granted, and how much
//! space is used and available. Read through `Reflect`, so a browser without the API (or a
//! method) answers `None` instead of throwing.

use wasm_bindgen::{JsCast, JsValue};

fn storage() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
}

/// Calls `navigator.storage[method]()` and awaits its promise.
async fn call(method: &str) -> Option<JsValue> {
    let storage = storage()?;
    let function: js_sys::Function = js_sys::Reflect::get(&storage, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = function.call0(&storage).ok()?.dyn_into().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// `persist()`: asks the browser to keep this site's data; whether it will.
pub async fn persist() -> Option<bool> {
    call("persist").await?.as_bool()
}

/// `persisted()`: whether the browser keeps this site's data until the artist clears it.
pub async fn persisted() -> Option<bool> {
    call("persisted").await?.as_bool()
}

/// `estimate()`: bytes used and available to this site.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = call("estimate").await?;
    let number = |key: &str| js_sys::Reflect::get(&estimate, &key.into()).ok()?.as_f64();
    Some((number("usage")?, number("quota")?))
}

/// Whether this is Safari (WebKit without Chrome's or Firefox's marks), which deletes a
/// site's storage after seven days without a visit.
pub fn is_safari() -> bool {
    let Some(agent) = web_sys::window().and_then(|w| w.navigator().user_agent().ok()) else {
        return false;
    };
    agent.contains("Safari")
        && !["Chrome", "Chromium", "CriOS", "FxiOS", "Edg", "Android"]
            .iter()
            .any(|mark| agent.contains(mark))
}

/// Calls `on_installed` when the app is installed (`appinstalled`), for as long as the page
/// lives.
pub fn when_installed(on_installed: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_installed);
    let _ =
        window.add_event_listener_with_callback("appinstalled", callback.as_ref().unchecked_ref());
    // The page's own listener, for the page's life.
    callback.forget();
}
