//! The one retry policy: every kind of retry (polls, the submit queue, a single job's 429, the
//! look-up of a lost submit) waits by the same rules, each with its own timings.

use angleshot::domain::poll::PollPolicy;
use angleshot::domain::retry::{self, RetryPolicy};

#[test]
fn without_a_named_wait_the_back_off_doubles_up_to_its_cap() {
    let waits: Vec<f64> = (1..=7).map(|n| retry::SUBMIT.wait_ms(n, None)).collect();
    assert_eq!(
        waits,
        [
            2_000.0, 4_000.0, 8_000.0, 16_000.0, 32_000.0, 60_000.0, 60_000.0
        ]
    );
    let lookups: Vec<f64> = (1..=4).map(|n| retry::LOOKUP.wait_ms(n, None)).collect();
    assert_eq!(lookups, [1_000.0, 2_000.0, 4_000.0, 4_000.0]);
}

#[test]
fn a_wait_the_server_names_is_honoured_within_the_bounds() {
    assert_eq!(retry::SUBMIT.wait_ms(1, Some(7.0)), 7_000.0);
    assert_eq!(retry::SUBMIT.wait_ms(1, Some(600.0)), 60_000.0, "capped");
    assert_eq!(retry::LOOKUP.wait_ms(2, Some(90.0)), 30_000.0, "capped");
    let polls = PollPolicy::default().retry();
    assert_eq!(
        polls.wait_ms(1, Some(1.0)),
        3_000.0,
        "never sooner than the interval"
    );
    assert_eq!(
        polls.wait_ms(1, Some(120.0)),
        120_000.0,
        "a poll waits as long as asked"
    );
}

#[test]
fn a_named_wait_that_is_not_a_number_counts_as_none() {
    for odd in [f64::NAN, f64::INFINITY, -3.0] {
        assert_eq!(retry::SUBMIT.wait_ms(2, Some(odd)), 4_000.0, "{odd}");
    }
}

#[test]
fn retries_stop_after_the_policys_count_and_polls_never_give_up() {
    assert!(retry::SUBMIT.allows(6));
    assert!(!retry::SUBMIT.allows(7));
    assert!(retry::LOOKUP.allows(4));
    assert!(!retry::LOOKUP.allows(5));
    assert!(PollPolicy::default().retry().allows(u32::MAX));
}

#[test]
fn huge_retry_counts_stay_at_the_cap() {
    let policy = RetryPolicy {
        first_ms: 1.0,
        max_backoff_ms: 10.0,
        min_wait_ms: 0.0,
        max_wait_ms: 10.0,
        max_retries: None,
    };
    assert_eq!(policy.backoff_ms(u32::MAX), 10.0);
    assert_eq!(policy.backoff_ms(0), 1.0, "retry 0 reads as the first");
}
