//! One polling schedule for every running job, on an injected clock so it is tested natively.
//!
//! Rules: first poll ~1.5 s after submit, then every 3 s; network errors, 5xx and undecodable
//! answers back off exponentially up to 30 s; 429 waits for `Retry-After`/`remainingSeconds`
//! (else backs off); never more than one request in flight per job; final jobs are never
//! polled; nothing is due while the tab is hidden, and everything is due when it shows again.
//!
//! ```
//! use angleshot::domain::poll::{PollOutcome, PollSchedule};
//! let mut schedule = PollSchedule::default();
//! schedule.track("job_1", 0.0);
//! assert!(schedule.take_due(1_000.0).is_empty());
//! assert_eq!(schedule.take_due(1_500.0), vec!["job_1".to_string()]);
//! schedule.finish("job_1", 1_600.0, PollOutcome::Running);
//! assert_eq!(schedule.next_wake(), Some(4_600.0));
//! ```

use crate::api::error::{ApiError, ErrorClass};
use crate::domain::retry::RetryPolicy;

/// Timings of the schedule, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PollPolicy {
    pub first_delay_ms: f64,
    pub interval_ms: f64,
    pub max_backoff_ms: f64,
}

impl PollPolicy {
    /// The retry policy of a failed poll: back off from the interval, and a 429's wait is
    /// never shorter than the interval.
    pub fn retry(&self) -> RetryPolicy {
        RetryPolicy {
            first_ms: self.interval_ms,
            max_backoff_ms: self.max_backoff_ms,
            min_wait_ms: self.interval_ms,
            max_wait_ms: f64::INFINITY,
            max_retries: None,
        }
    }
}

impl Default for PollPolicy {
    fn default() -> Self {
        PollPolicy {
            first_delay_ms: 1_500.0,
            interval_ms: 3_000.0,
            max_backoff_ms: 30_000.0,
        }
    }
}

/// What one poll came back with, as far as scheduling cares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PollOutcome {
    /// The job is still running (any non-final status, unknown ones included).
    Running,
    /// The job reached a final status: never poll it again.
    Final,
    /// A failure worth retrying (network, 5xx, undecodable): back off.
    Transient,
    /// 429: wait this long if the API said, else back off.
    RateLimited { retry_after_secs: Option<f64> },
    /// A failure retrying will not fix (404, other 4xx): stop until the user acts.
    Stop,
}

impl PollOutcome {
    /// How a failed `GET /jobs/{id}` should be scheduled.
    pub fn from_error(error: &ApiError) -> Self {
        match error.class() {
            ErrorClass::RateLimited { retry_after_secs } => {
                PollOutcome::RateLimited { retry_after_secs }
            }
            // A rejected key may be fixed in Settings meanwhile: keep watching, slowly, so the
            // job is not lost.
            ErrorClass::Unreachable
            | ErrorClass::ServerError
            | ErrorClass::Malformed
            | ErrorClass::BadCredentials
            | ErrorClass::Forbidden => PollOutcome::Transient,
            ErrorClass::NotFound | ErrorClass::Rejected => PollOutcome::Stop,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    due_ms: f64,
    in_flight: bool,
    failures: u32,
}

/// The schedule of every job being watched.
#[derive(Debug, Clone, Default)]
pub struct PollSchedule {
    policy: PollPolicy,
    // A list, not a map: a few dozen jobs at most, and one copy of map code less in the wasm.
    // Oldest first.
    jobs: Vec<(String, Entry)>,
    hidden: bool,
}

impl PollSchedule {
    /// An empty schedule with these timings.
    pub fn new(policy: PollPolicy) -> Self {
        PollSchedule {
            policy,
            jobs: Vec::new(),
            hidden: false,
        }
    }

    /// Starts watching a just-submitted job: first poll after the first delay.
    pub fn track(&mut self, job_id: &str, now_ms: f64) {
        self.track_at(job_id, now_ms + self.policy.first_delay_ms);
    }

    /// Starts watching a job found running after a reload: poll at once.
    pub fn resume(&mut self, job_id: &str, now_ms: f64) {
        self.track_at(job_id, now_ms);
    }

    fn track_at(&mut self, job_id: &str, due_ms: f64) {
        if !self.is_tracked(job_id) {
            let entry = Entry {
                due_ms,
                in_flight: false,
                failures: 0,
            };
            self.jobs.push((job_id.to_string(), entry));
        }
    }

    /// Stops watching (final, stopped by the user, or removed).
    pub fn untrack(&mut self, job_id: &str) {
        self.jobs.retain(|(id, _)| id != job_id);
    }

    /// Whether a job is being watched.
    pub fn is_tracked(&self, job_id: &str) -> bool {
        self.jobs.iter().any(|(id, _)| id == job_id)
    }

    /// Jobs due now, marked in flight so they are not handed out twice. Empty while hidden.
    pub fn take_due(&mut self, now_ms: f64) -> Vec<String> {
        if self.hidden {
            return Vec::new();
        }
        self.jobs
            .iter_mut()
            .filter(|(_, e)| !e.in_flight && e.due_ms <= now_ms)
            .map(|(id, e)| {
                e.in_flight = true;
                id.clone()
            })
            .collect()
    }

    /// Records a poll's outcome and schedules the next one.
    pub fn finish(&mut self, job_id: &str, now_ms: f64, outcome: PollOutcome) {
        let policy = self.policy;
        let Some(entry) = self
            .jobs
            .iter_mut()
            .find_map(|(id, e)| (id == job_id).then_some(e))
        else {
            return;
        };
        entry.in_flight = false;
        match outcome {
            PollOutcome::Final | PollOutcome::Stop => {
                self.untrack(job_id);
            }
            PollOutcome::Running => {
                entry.failures = 0;
                entry.due_ms = now_ms + policy.interval_ms;
            }
            PollOutcome::Transient => {
                entry.failures += 1;
                entry.due_ms = now_ms + policy.retry().backoff_ms(entry.failures);
            }
            PollOutcome::RateLimited { retry_after_secs } => {
                entry.failures += 1;
                entry.due_ms = now_ms + policy.retry().wait_ms(entry.failures, retry_after_secs);
            }
        }
    }

    /// Earliest time anything is due (`None` when nothing is waiting, or while hidden).
    pub fn next_wake(&self) -> Option<f64> {
        if self.hidden {
            return None;
        }
        self.jobs
            .iter()
            .map(|(_, e)| e)
            .filter(|e| !e.in_flight)
            .map(|e| e.due_ms)
            .min_by(f64::total_cmp)
    }

    /// Tab hidden: pause. Tab visible again: every waiting job is due at once — except those
    /// told to wait by a 429, whose wait is kept.
    pub fn set_visible(&mut self, visible: bool, now_ms: f64) {
        let was_hidden = self.hidden;
        self.hidden = !visible;
        if visible && was_hidden {
            for entry in self
                .jobs
                .iter_mut()
                .map(|(_, e)| e)
                .filter(|e| !e.in_flight && e.failures == 0)
            {
                entry.due_ms = entry.due_ms.min(now_ms);
            }
        }
    }

    /// How many jobs are watched.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    /// Whether no job is watched.
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }
}

/// `interval × 2^(failures−1)`, capped: 3 s, 6 s, 12 s, 24 s, 30 s, 30 s …
pub fn backoff_ms(policy: &PollPolicy, failures: u32) -> f64 {
    policy.retry().backoff_ms(failures)
}
