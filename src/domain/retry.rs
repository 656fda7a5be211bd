//! The one retry policy: how long to wait before trying a request again. Polls, the submit
//! queue, a single job's 429 and the look-up of a lost submit all ask it; each names its own
//! timings as a [`RetryPolicy`] value.
//!
//! Rules: a wait the server named (`Retry-After`, `remainingSeconds`) is honoured within the
//! policy's bounds; without one the wait doubles from the first back-off up to a cap; after
//! `max_retries` retries the caller gives up.
//!
//! ```
//! use angleshot::domain::retry::RetryPolicy;
//! let policy = RetryPolicy { first_ms: 2_000.0, max_backoff_ms: 60_000.0,
//!     min_wait_ms: 0.0, max_wait_ms: 60_000.0, max_retries: Some(6) };
//! assert_eq!(policy.wait_ms(1, None), 2_000.0);
//! assert_eq!(policy.wait_ms(3, None), 8_000.0);
//! assert_eq!(policy.wait_ms(3, Some(5.0)), 5_000.0);
//! assert!(policy.allows(6) && !policy.allows(7));
//! ```

/// Timings of one kind of retry, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// The wait before the first retry when the server named none.
    pub first_ms: f64,
    /// Back-offs double up to this.
    pub max_backoff_ms: f64,
    /// A wait the server named is never shorter than this…
    pub min_wait_ms: f64,
    /// …nor longer than this.
    pub max_wait_ms: f64,
    /// Retries before giving up; `None`: never give up.
    pub max_retries: Option<u32>,
}

/// A job's `POST` answered 429 (nothing was created): a single job, or a set's queue.
pub const SUBMIT: RetryPolicy = RetryPolicy {
    first_ms: 2_000.0,
    max_backoff_ms: 60_000.0,
    min_wait_ms: 0.0,
    max_wait_ms: 60_000.0,
    max_retries: Some(6),
};

/// The look-up of a submit whose answer was lost (`GET /jobs`), after a failure: the artist
/// is waiting on the card, so four retries within ~11 s, then the card says so.
pub const LOOKUP: RetryPolicy = RetryPolicy {
    first_ms: 1_000.0,
    max_backoff_ms: 4_000.0,
    min_wait_ms: 0.0,
    max_wait_ms: 30_000.0,
    max_retries: Some(4),
};

impl RetryPolicy {
    /// The back-off before retry number `retry` (1 for the first) when the server named no
    /// wait: `first × 2^(retry−1)`, capped.
    pub fn backoff_ms(&self, retry: u32) -> f64 {
        let exponent = retry.saturating_sub(1).min(30) as i32;
        (self.first_ms * 2f64.powi(exponent)).min(self.max_backoff_ms)
    }

    /// The wait before retry number `retry`: the server's own wait (seconds) within the
    /// policy's bounds, else the back-off. A wait that is not a finite, non-negative number
    /// counts as none.
    pub fn wait_ms(&self, retry: u32, server_wait_secs: Option<f64>) -> f64 {
        match server_wait_secs {
            Some(secs) if secs.is_finite() && secs >= 0.0 => {
                (secs * 1_000.0).max(self.min_wait_ms).min(self.max_wait_ms)
            }
            _ => self.backoff_ms(retry),
        }
    }

    /// Whether retry number `retry` (1 for the first) may still be made.
    pub fn allows(&self, retry: u32) -> bool {
        self.max_retries.is_none_or(|max| retry <= max)
    }
}
