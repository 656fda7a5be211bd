//! "Right after the next paint": the timer that lets the first screen show before anything
//! else is built, fetched or compiled.
//!
//! ```no_run
//! angleshot::platform::paint::after_next_paint(|| angleshot::platform::perf_mark("painted"));
//! ```

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// A tab hidden after the start gets no animation frames: this timeout runs the action there
/// instead. Long enough not to beat a slow first frame on a tablet (docs/decisions/0004).
const NO_FRAME_FALLBACK: Duration = Duration::from_millis(1_000);

type Action = Box<dyn FnOnce()>;

thread_local! {
    /// Set for the build's snapshot of the first screen: nothing after the first paint runs.
    static HELD: Cell<bool> = const { Cell::new(false) };
}

/// From now on no [`after_next_paint`] action runs: the page stays its first screen (the
/// build's snapshot of it, `static_first_screen::SNAPSHOT_HASH`).
pub fn hold() {
    HELD.with(|held| held.set(true));
}

/// Runs `action` once, right after the browser has painted the next frame; at once (after a
/// zero timeout) in a hidden tab, and after [`NO_FRAME_FALLBACK`] when no frame comes.
pub fn after_next_paint(action: impl FnOnce() + 'static) {
    if HELD.with(Cell::get) {
        return;
    }
    // Two routes to one action: whichever comes first takes it.
    let pending: Rc<Cell<Option<Action>>> = Rc::new(Cell::new(Some(Box::new(action))));
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
