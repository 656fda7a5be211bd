//! The queue that feeds a set's jobs to the API: at most `limit` in flight (submitted and not
//! yet final), paused after a 429 for its `Retry-After` (or a doubling back-off), the refused
//! job first in line again. Plain state; the studio calls it and arms one timer.
//!
//! ```
//! use angleshot::domain::submit_queue::SubmitQueue;
//! let mut queue = SubmitQueue::new(2);
//! for id in 1..=3 { queue.enqueue(id); }
//! assert_eq!(queue.next(0.0), Some(1));
//! assert_eq!(queue.next(0.0), Some(2));
//! assert_eq!(queue.next(0.0), None); // two in flight
//! queue.finished(1);
//! assert_eq!(queue.next(0.0), Some(3));
//! ```

use std::collections::VecDeque;

/// First back-off after a 429 without `Retry-After`.
pub const FIRST_BACKOFF_MS: f64 = 2_000.0;
/// Longest back-off.
pub const MAX_BACKOFF_MS: f64 = 60_000.0;

/// Jobs waiting for a slot and jobs holding one, by the studio's local ids.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmitQueue {
    limit: usize,
    waiting: VecDeque<u64>,
    // A list: at most 16 ids, and no set code in the wasm for it.
    in_flight: Vec<u64>,
    paused_until_ms: f64,
    backoff_ms: f64,
}

impl Default for SubmitQueue {
    fn default() -> Self {
        SubmitQueue::new(crate::domain::angle_set::DEFAULT_CONCURRENCY)
    }
}

impl SubmitQueue {
    /// A queue with at most `limit` (at least 1) in flight.
    pub fn new(limit: usize) -> Self {
        SubmitQueue {
            limit: limit.max(1),
            waiting: VecDeque::new(),
            in_flight: Vec::new(),
            paused_until_ms: 0.0,
            backoff_ms: FIRST_BACKOFF_MS,
        }
    }

    /// The limit now.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Changes the limit (1..=16); jobs in flight keep their slots.
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit.clamp(1, 16);
    }

    /// Puts a job at the back of the line.
    pub fn enqueue(&mut self, id: u64) {
        if !self.waiting.contains(&id) && !self.in_flight.contains(&id) {
            self.waiting.push_back(id);
        }
    }

    /// The next job to submit now, if a slot is free and no 429 pause holds; it then holds a slot.
    pub fn next(&mut self, now_ms: f64) -> Option<u64> {
        if self.in_flight.len() >= self.limit || now_ms < self.paused_until_ms {
            return None;
        }
        let id = self.waiting.pop_front()?;
        if !self.in_flight.contains(&id) {
            self.in_flight.push(id);
        }
        Some(id)
    }

    /// The API took the job: the back-off starts over.
    pub fn accepted(&mut self) {
        self.backoff_ms = FIRST_BACKOFF_MS;
    }

    /// The job ended (final status, refused, unsure, stopped or removed): its slot is free.
    /// Also drops it from the line if it was still waiting.
    pub fn finished(&mut self, id: u64) {
        self.in_flight.retain(|f| *f != id);
        self.waiting.retain(|w| *w != id);
    }

    /// The API answered 429 to this job's submit: it goes first in line again and the whole
    /// queue waits `retry_after_secs` (or the doubling back-off when the API gave none).
    pub fn rate_limited(&mut self, id: u64, retry_after_secs: Option<f64>, now_ms: f64) {
        self.in_flight.retain(|f| *f != id);
        if !self.waiting.contains(&id) {
            self.waiting.push_front(id);
        }
        let wait = match retry_after_secs {
            Some(secs) if secs.is_finite() && secs >= 0.0 => (secs * 1000.0).min(MAX_BACKOFF_MS),
            _ => {
                let wait = self.backoff_ms;
                self.backoff_ms = (self.backoff_ms * 2.0).min(MAX_BACKOFF_MS);
                wait
            }
        };
        self.paused_until_ms = self.paused_until_ms.max(now_ms + wait);
    }

    /// When the studio should call [`SubmitQueue::next`] again because a pause ends; `None`
    /// when nothing waits or only a free slot (a job ending) can unblock it.
    pub fn wake_at(&self) -> Option<f64> {
        (!self.waiting.is_empty() && self.in_flight.len() < self.limit)
            .then_some(self.paused_until_ms)
    }

    /// Jobs in flight now.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Jobs waiting for a slot.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    /// Whether this job is waiting for a slot.
    pub fn is_waiting(&self, id: u64) -> bool {
        self.waiting.contains(&id)
    }
}
