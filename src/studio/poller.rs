//! The one poll loop: one timer for the earliest due poll of every running job, paused while
//! the tab is hidden, and the clock that ticks elapsed times.

use crate::api::{self};
use crate::domain::poll::{PollOutcome, PollSchedule};
use crate::studio::state::{JobEntry, Studio, now_ms};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Studio {
    /// The tab was hidden or shown: pause polling, or poll at once.
    pub fn visibility_changed(self, visible: bool) {
        if !visible {
            // Hidden is the last moment a page is sure to get (a reload, a tab closed, a
            // tablet's app switch): keep where the artist was.
            self.save_draft();
        }
        self.schedule
            .update_value(|s| s.set_visible(visible, now_ms()));
        self.reschedule();
    }

    pub(crate) fn entry(&self, id: u64) -> Option<JobEntry> {
        self.jobs
            .with_untracked(|jobs| jobs.iter().find(|e| e.id == id).copied())
    }

    fn entry_for_job(&self, job_id: &str) -> Option<JobEntry> {
        self.jobs.with_untracked(|jobs| {
            jobs.iter()
                .find(|e| {
                    e.card
                        .with_untracked(|c| c.job_id.as_deref() == Some(job_id))
                })
                .copied()
        })
    }

    /// Arms the one timer for the earliest due poll.
    pub(super) fn reschedule(self) {
        let wake = self.schedule.with_value(PollSchedule::next_wake);
        let timeout = wake.map(|at| {
            let delay = (at - now_ms()).clamp(0.0, 60_000.0) as u32;
            Timeout::new(delay, move || self.tick())
        });
        // Replacing the stored timeout drops (cancels) the previous one.
        self.timer.set_value(timeout);
    }

    fn tick(self) {
        let due = self
            .schedule
            .try_update_value(|s| s.take_due(now_ms()))
            .unwrap_or_default();
        for job_id in due {
            spawn_local(self.poll(job_id));
        }
        self.reschedule();
    }

    async fn poll(self, job_id: String) {
        let config = match self.entry_for_job(&job_id) {
            Some(entry) => self.config_for(entry),
            None => self.config(),
        };
        let result = api::get_job(&config, &job_id).await;
        let now = now_ms();
        let outcome = match &result {
            Ok(job) if job.status.is_final() => PollOutcome::Final,
            Ok(_) => PollOutcome::Running,
            Err(err) => PollOutcome::from_error(err),
        };
        self.schedule
            .update_value(|s| s.finish(&job_id, now, outcome));
        if let Some(entry) = self.entry_for_job(&job_id) {
            match &result {
                Ok(job) => {
                    let became_final = entry
                        .card
                        .try_update(|c| c.apply(job, now))
                        .unwrap_or(false);
                    if became_final {
                        self.on_final(entry);
                    }
                }
                Err(err) => {
                    entry.card.update(|c| c.poll_failed(err));
                    if outcome == PollOutcome::Stop {
                        let message = err.user_message();
                        entry.card.update(|c| c.stop(Some(&message), now));
                        self.release(entry);
                    }
                }
            }
        }
        self.reschedule();
    }

    /// Stops polling a job.
    pub(crate) fn forget_polling(&self, job_id: &str) {
        self.schedule.update_value(|s| s.untrack(job_id));
    }

    /// Polls a job at once and then on the usual schedule (after a reload or a reconcile).
    pub(crate) fn resume_polling(self, job_id: &str) {
        self.schedule.update_value(|s| s.resume(job_id, now_ms()));
        self.reschedule();
    }

    /// Ticks `now` every second while any card shows a running time.
    pub(super) fn start_clock(self) {
        if self.clock.with_value(Option::is_some) {
            return;
        }
        let interval = gloo_timers::callback::Interval::new(1_000, move || self.now.set(now_ms()));
        self.clock.set_value(Some(interval));
    }
}
