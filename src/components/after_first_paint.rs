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

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

/// A hidden tab gets no animation frames: this timeout builds the rest there instead.
const HIDDEN_TAB_FALLBACK: Duration = Duration::from_millis(250);

/// Runs `action` once, right after the browser has painted the next frame (or after
/// [`HIDDEN_TAB_FALLBACK`] when no frame comes).
pub fn after_next_paint(action: impl FnOnce() + 'static) {
    // Two routes to one action: whichever comes first takes it.
    let pending: Rc<Cell<Option<Box<dyn FnOnce()>>>> = Rc::new(Cell::new(Some(Box::new(action))));
    let run = move || {
        if let Some(action) = pending.take() {
            action();
        }
    };
    let after_paint = run.clone();
    // An animation frame callback runs just before the paint; a zero timeout queued from it
    // runs just after.
    request_animation_frame(move || set_timeout(after_paint, Duration::ZERO));
    set_timeout(run, HIDDEN_TAB_FALLBACK);
}

/// Builds its children after the first screen has been painted.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    after_next_paint(move || {
        ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
