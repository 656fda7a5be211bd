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

/// A tab hidden after the start gets no animation frames: this timeout runs the action there
/// instead. Long enough not to beat a slow first frame: a ×4-throttled cold load paints its
/// first screen 150–250 ms after the mount, and the action (the rest of the studio) then
/// came before the paint it was meant to follow.
const NO_FRAME_FALLBACK: Duration = Duration::from_millis(1_000);

/// Runs `action` once, right after the browser has painted the next frame; at once (after a
/// zero timeout) in a hidden tab, and after [`NO_FRAME_FALLBACK`] when no frame comes.
pub fn after_next_paint(action: impl FnOnce() + 'static) {
    // Two routes to one action: whichever comes first takes it.
    let pending: Rc<Cell<Option<Box<dyn FnOnce()>>>> = Rc::new(Cell::new(Some(Box::new(action))));
    let run = move || {
        if let Some(action) = pending.take() {
            action();
        }
    };
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if hidden {
        set_timeout(run, Duration::ZERO);
        return;
    }
    let after_paint = run.clone();
    // An animation frame callback runs just before the paint; a zero timeout queued from it
    // runs just after.
    request_animation_frame(move || set_timeout(after_paint, Duration::ZERO));
    set_timeout(run, NO_FRAME_FALLBACK);
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
