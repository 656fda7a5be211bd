//! The one poll loop: one timer for the earliest due poll of every running job, paused while
//! the tab is hidden, and the clock that ticks elapsed times.

use crate::api::{self};
use crate::domain::poll::PollOutcome;
use crate::studio::jobs::JobEntry;
use crate::studio::state::{Studio, now_ms};
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
        self.polls.set_visible(visible, now_ms());
        self.reschedule();
    }

    pub(crate) fn entry(&self, id: u64) -> Option<JobEntry> {
        self.jobs.find(id)
    }

    /// Arms the one timer for the earliest due poll.
    pub(super) fn reschedule(self) {
        self.polls.arm(now_ms(), move || self.tick());
    }

    fn tick(self) {
        for job_id in self.polls.take_due(now_ms()) {
            spawn_local(self.poll(job_id));
        }
        self.reschedule();
    }

    async fn poll(self, job_id: String) {
        let config = match self.jobs.find_job(&job_id) {
            Some(entry) => self.config_for(entry),
            None => self.settings.config(),
        };
        let result = api::get_job(&config, &job_id).await;
        let now = now_ms();
        let outcome = match &result {
            Ok(job) if job.status.is_final() => PollOutcome::Final,
            Ok(_) => PollOutcome::Running,
            Err(err) => PollOutcome::from_error(err),
        };
        self.polls.finish(&job_id, now, outcome);
        if let Some(entry) = self.jobs.find_job(&job_id) {
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
        self.polls.untrack(job_id);
    }

    /// Polls a job at once and then on the usual schedule (after a reload or a reconcile).
    pub(crate) fn resume_polling(self, job_id: &str) {
        self.polls.resume(job_id, now_ms());
        self.reschedule();
    }
}
