//! Touches the app keeps: a finger that lands on a handle drags it instead of scrolling the
//! page, while the same finger anywhere else scrolls as usual. CSS `touch-action` cannot say
//! this inside an SVG drawing in every browser, so a non-passive `touchstart` listener
//! cancels the page's scroll for touches that start on a handle.
//!
//! ```no_run
//! # fn demo(drawing: web_sys::Element) {
//! let _kept = angleshot::platform::touch::keep_touches_on(&drawing, "grab");
//! // …dropping `_kept` lets every touch scroll again.
//! # }
//! ```

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The listener, removed when dropped.
pub struct KeptTouches {
    element: web_sys::Element,
    listener: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for KeptTouches {
    fn drop(&mut self) {
        let _ = self.element.remove_event_listener_with_callback(
            "touchstart",
            self.listener.as_ref().unchecked_ref(),
        );
    }
}

/// Touches starting on an element with class `handle_class` inside `element` do not scroll.
pub fn keep_touches_on(
    element: &web_sys::Element,
    handle_class: &'static str,
) -> Option<KeptTouches> {
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let on_handle = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.class_list().contains(handle_class));
        if on_handle {
            ev.prevent_default();
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    element
        .add_event_listener_with_callback_and_add_event_listener_options(
            "touchstart",
            listener.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
    Some(KeptTouches {
        element: element.clone(),
        listener,
    })
}
