//! "More when you get near": runs an action each time an element comes within a screen's
//! height of the viewport (how the job list grows while the artist scrolls down).
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::platform::viewport::when_near_viewport;
//! let more = NodeRef::<leptos::html::Button>::new();
//! let shown = RwSignal::new(30_usize);
//! when_near_viewport(more, move || {
//!     shown.try_update(|n| *n += 30);
//! });
//! ```

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// How far ahead of the viewport the element counts as near.
const AHEAD: &str = "0px 0px 100% 0px";

/// Calls `on_near` whenever the element behind `target` (re)enters the band of one screen
/// below the viewport, and again while it stays there after the action. Each time the element
/// is mounted it is observed afresh; the observer of an element that left the page is
/// disconnected.
pub fn when_near_viewport<E>(target: NodeRef<E>, on_near: impl Fn() + Clone + 'static)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let Some(element) = target.get() else { return };
        let Some(element) = element.dyn_ref::<web_sys::Element>().cloned() else {
            return;
        };
        let on_near = on_near.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                for entry in entries.iter() {
                    let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                        continue;
                    };
                    if entry.is_intersecting() {
                        on_near();
                        // Observing again reports the state after the page grew: still near
                        // (a few short rows added) runs the action again.
                        let target = entry.target();
                        observer.unobserve(&target);
                        observer.observe(&target);
                    }
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(AHEAD);
        // The observer keeps the callback alive for as long as it may call it.
        let callback = callback.into_js_value();
        if let Ok(observer) =
            web_sys::IntersectionObserver::new_with_options(callback.unchecked_ref(), &options)
        {
            observer.observe(&element);
            // Runs when the effect runs again (a new element) or its owner goes.
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
    });
}
