//! The submit-queue store: a set's jobs wait here for a slot ("Jobs at once") and sit out a
//! 429's pause, by the rules of `domain::submit_queue`. It owns the queue, its wake-up timer
//! and the limit; the studio's `pump_queue` asks it what may go now.
//!
//! ```no_run
//! use angleshot::studio::queue::QueueStore;
//! let queue = QueueStore::new();
//! queue.set_limit(2);
//! queue.enqueue(&[1, 2, 3]);
//! assert_eq!(queue.next_ready(0.0), Some(1));
//! ```

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::domain::angle_set::DEFAULT_CONCURRENCY;
use crate::domain::submit_queue::SubmitQueue;

/// The most jobs at once the artist may ask for.
const MAX_AT_ONCE: usize = 16;

/// See the module docs.
#[derive(Clone, Copy)]
pub struct QueueStore {
    queue: StoredValue<SubmitQueue>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    limit: RwSignal<usize>,
    /// Why the limit is what it is, when the API set it.
    limit_note: RwSignal<Option<String>>,
}

impl Default for QueueStore {
    fn default() -> Self {
        Self::new()
    }
}

impl QueueStore {
    /// An empty queue at the default limit.
    pub fn new() -> Self {
        QueueStore {
            queue: StoredValue::new(SubmitQueue::default()),
            timer: StoredValue::new_local(None),
            limit: RwSignal::new(DEFAULT_CONCURRENCY),
            limit_note: RwSignal::new(None),
        }
    }

    /// Why "Jobs at once" is what it is, when a 429 set it (reactive).
    pub fn limit_note(&self) -> ReadSignal<Option<String>> {
        self.limit_note.read_only()
    }

    /// A 429 named the account's limit: "Jobs at once" goes down to it for this session
    /// (never up), and says so. Returns whether it went down.
    pub fn lower_to_api_limit(&self, limit: usize) -> bool {
        let limit = limit.clamp(1, MAX_AT_ONCE);
        if limit >= self.limit.get_untracked() {
            return false;
        }
        self.limit.set(limit);
        self.limit_note.set(Some(format!(
            "Scenario allows {limit} at once for this account: lowered to {limit} for this session."
        )));
        true
    }

    /// "Jobs at once" (reactive).
    pub fn limit(&self) -> ReadSignal<usize> {
        self.limit.read_only()
    }

    /// "Jobs at once", kept within 1..=16.
    pub fn set_limit(&self, limit: usize) {
        self.limit.set(limit.clamp(1, MAX_AT_ONCE));
        // The artist's own choice now, not the API's.
        self.limit_note.set(None);
    }

    /// Jobs join the end of the queue.
    pub fn enqueue(&self, ids: &[u64]) {
        self.queue.update_value(|q| {
            for id in ids {
                q.enqueue(*id);
            }
        });
    }

    /// The next job that may be submitted now, taking its slot.
    pub fn next_ready(&self, now_ms: f64) -> Option<u64> {
        let limit = self.limit.get_untracked();
        self.queue
            .try_update_value(|q| {
                q.set_limit(limit);
                q.next(now_ms)
            })
            .flatten()
    }

    /// A job's POST was accepted: the pause after a 429 is over.
    pub fn accepted(&self) {
        self.queue.update_value(SubmitQueue::accepted);
    }

    /// A job ended, was removed or never went: its slot is free.
    pub fn finished(&self, id: u64) {
        self.queue.update_value(|q| q.finished(id));
    }

    /// A job was refused with a 429: it waits again, and the queue pauses.
    pub fn rate_limited(&self, id: u64, retry_after_secs: Option<f64>, now_ms: f64) {
        self.queue
            .update_value(|q| q.rate_limited(id, retry_after_secs, now_ms));
    }

    /// Arms `wake` for the end of the current pause (or disarms it when nothing waits).
    pub fn wake_when_ready(&self, now_ms: f64, wake: impl FnOnce() + 'static) {
        let wake_at = self.queue.with_value(SubmitQueue::wake_at);
        let timer = wake_at.map(|at| crate::platform::timer::timeout_at(at, now_ms, wake));
        self.timer.set_value(timer);
    }
}
