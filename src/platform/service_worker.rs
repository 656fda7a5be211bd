//! Installable and offline: registers `sw.js` (written per build by `scripts/sw.py`), which
//! keeps the app shell so an installed Angleshot reopens without a network. API and CDN
//! requests never pass through its cache.
//!
//! ```no_run
//! angleshot::platform::service_worker::register_service_worker(); // once, after mounting
//! ```

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Registers the service worker where the browser allows one (secure contexts: HTTPS or
/// loopback); elsewhere, or on any error, the app simply runs online.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !window.is_secure_context() {
        return;
    }
    let container = Reflect::get(&window, &JsValue::from_str("navigator"))
        .and_then(|navigator| Reflect::get(&navigator, &JsValue::from_str("serviceWorker")));
    let Ok(container) = container else { return };
    if container.is_undefined() || container.is_null() {
        return;
    }
    let Ok(register) = Reflect::get(&container, &JsValue::from_str("register")) else {
        return;
    };
    if let Ok(register) = register.dyn_into::<Function>() {
        // A rejected registration only means no offline copy; keep the promise from going
        // unhandled.
        if let Ok(promise) = register.call1(&container, &JsValue::from_str("sw.js"))
            && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
        {
            let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}
