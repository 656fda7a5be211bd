//! The poll-loop store: the schedule of every running job's next look (`domain::poll`) and
//! the one timer armed for the earliest, and the clock that ticks elapsed times. The studio's
//! `poller.rs` does the looking; this store only keeps time.
//!
//! ```no_run
//! use angleshot::studio::poll_loop::PollLoop;
//! let polls = PollLoop::new();
//! polls.track("job_1", 0.0);
//! polls.arm(0.0, || {}); // wakes when job_1 is due
//! ```

use gloo_timers::callback::{Interval, Timeout};
use leptos::prelude::*;

use crate::domain::poll::{PollOutcome, PollSchedule};

/// See the module docs.
#[derive(Clone, Copy)]
pub struct PollLoop {
    schedule: StoredValue<PollSchedule>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    /// Wall clock in ms, ticking each second once a job has started (for elapsed times).
    now: RwSignal<f64>,
    clock: StoredValue<Option<Interval>, LocalStorage>,
}

impl Default for PollLoop {
    fn default() -> Self {
        Self::new()
    }
}

impl PollLoop {
    /// Nothing watched; the clock stopped.
    pub fn new() -> Self {
        PollLoop {
            schedule: StoredValue::new(PollSchedule::default()),
            timer: StoredValue::new_local(None),
            now: RwSignal::new(js_sys::Date::now()),
            clock: StoredValue::new_local(None),
        }
    }

    /// Starts watching a job just submitted (first look after the usual delay).
    pub fn track(&self, job_id: &str, now_ms: f64) {
        self.schedule.update_value(|s| s.track(job_id, now_ms));
    }

    /// Looks at a job at once, then on the usual schedule (after a reload or a reconcile).
    pub fn resume(&self, job_id: &str, now_ms: f64) {
        self.schedule.update_value(|s| s.resume(job_id, now_ms));
    }

    /// Stops watching a job.
    pub fn untrack(&self, job_id: &str) {
        self.schedule.update_value(|s| s.untrack(job_id));
    }

    /// The tab was hidden (pause) or shown (look at once).
    pub fn set_visible(&self, visible: bool, now_ms: f64) {
        self.schedule
            .update_value(|s| s.set_visible(visible, now_ms));
    }

    /// The jobs due now; each is out of the schedule until [`PollLoop::finish`].
    pub fn take_due(&self, now_ms: f64) -> Vec<String> {
        self.schedule
            .try_update_value(|s| s.take_due(now_ms))
            .unwrap_or_default()
    }

    /// A look at `job_id` ended with `outcome`: when to look again follows from it.
    pub fn finish(&self, job_id: &str, now_ms: f64, outcome: PollOutcome) {
        self.schedule
            .update_value(|s| s.finish(job_id, now_ms, outcome));
    }

    /// Arms the one timer for the earliest due look; replacing it cancels the one before.
    pub fn arm(&self, now_ms: f64, wake: impl FnOnce() + 'static) {
        let wake_at = self.schedule.with_value(PollSchedule::next_wake);
        let timer = wake_at.map(|at| crate::platform::timer::timeout_at(at, now_ms, wake));
        self.timer.set_value(timer);
    }

    /// The wall clock, ticking each second once started (reactive).
    pub fn now(&self) -> ReadSignal<f64> {
        self.now.read_only()
    }

    /// Starts the clock (once).
    pub fn start_clock(&self) {
        if self.clock.with_value(Option::is_some) {
            return;
        }
        let now = self.now;
        let interval = Interval::new(1_000, move || now.set(js_sys::Date::now()));
        self.clock.set_value(Some(interval));
    }
}
