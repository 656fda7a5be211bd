//! "Below the first screen, a moment later": children that are built only once the first
//! screen has been painted, so the image, the camera and Generate appear (and work) sooner on
//! a slow tablet. Building a view in Leptos compiles its wasm functions on first use; what is
//! not on the first screen need not be compiled before it.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::components::after_first_paint::AfterFirstPaint;
//! let page = view! {
//!     <h1>"Shown at once"</h1>
//!     <AfterFirstPaint><p>"Built after the first paint"</p></AfterFirstPaint>
//! };
//! ```

use leptos::prelude::*;

use crate::platform::paint::after_next_paint;

/// Builds its children after the first screen has been painted.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    after_next_paint(move || {
        ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
