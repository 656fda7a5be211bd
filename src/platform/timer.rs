//! Timers: a one-shot for a moment on the wall clock, as the poll loop and the submit queue
//! arm theirs, and a repeating one.
//!
//! ```no_run
//! let now = js_sys::Date::now();
//! let _timer = angleshot::platform::timer::timeout_at(now + 1_500.0, now, || {});
//! ```

use gloo_timers::callback::Timeout;

/// The longest single wait: a later moment is reached by the wake-up arming again.
const LONGEST_WAIT_MS: f64 = 60_000.0;

/// A timeout that runs `wake` at `at_ms` (at once if that has passed); dropping it cancels it.
pub fn timeout_at(at_ms: f64, now_ms: f64, wake: impl FnOnce() + 'static) -> Timeout {
    let delay = (at_ms - now_ms).clamp(0.0, LONGEST_WAIT_MS) as u32;
    Timeout::new(delay, wake)
}

/// Runs `tick` every `every_ms` until the returned handle is dropped (the turntable's play).
pub fn repeat(every_ms: u32, tick: impl FnMut() + 'static) -> gloo_timers::callback::Interval {
    gloo_timers::callback::Interval::new(every_ms, tick)
}
