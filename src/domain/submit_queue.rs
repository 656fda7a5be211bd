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

use crate::domain::retry;

/// First back-off after a 429 without `Retry-After`.
pub const FIRST_BACKOFF_MS: f64 = retry::SUBMIT.first_ms;
/// Longest back-off.
pub const MAX_BACKOFF_MS: f64 = retry::SUBMIT.max_backoff_ms;

/// Jobs waiting for a slot and jobs holding one, by the studio's local ids.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmitQueue {
    limit: usize,
    waiting: VecDeque<u64>,
    // A list: at most 16 ids, and no set code in the wasm for it.
    in_flight: Vec<u64>,
    paused_until_ms: f64,
    /// 429s since the API last took a job.
    refusals: u32,
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
            refusals: 0,
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
        self.refusals = 0;
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
        let named = retry_after_secs.filter(|s| s.is_finite() && *s >= 0.0);
        if named.is_none() {
            self.refusals += 1;
        }
        let wait = retry::SUBMIT.wait_ms(self.refusals.max(1), named);
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
