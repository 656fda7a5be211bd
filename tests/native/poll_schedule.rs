//! The poll schedule's rules, proven on a fake clock (plain numbers, no browser).

use angleshot::api::error::ApiError;
use angleshot::domain::poll::{PollOutcome, PollPolicy, PollSchedule, backoff_ms};

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Runs a job that stays running for `until_ms` on a fake clock ticking every 100 ms and
/// returns the times it was polled.
fn poll_times(
    schedule: &mut PollSchedule,
    until_ms: f64,
    outcome_at: impl Fn(f64) -> PollOutcome,
) -> Vec<f64> {
    let mut times = Vec::new();
    let mut now = 0.0;
    while now <= until_ms {
        for id in schedule.take_due(now) {
            times.push(now);
            schedule.finish(&id, now, outcome_at(now));
        }
        now += 100.0;
    }
    times
}

#[test]
fn first_poll_after_1_5_s_then_every_3_s() {
    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    let times = poll_times(&mut schedule, 12_000.0, |_| PollOutcome::Running);
    assert_eq!(times, [1_500.0, 4_500.0, 7_500.0, 10_500.0]);
}

#[test]
fn final_jobs_are_never_polled_again() {
    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    let times = poll_times(&mut schedule, 30_000.0, |now| {
        if now >= 4_500.0 {
            PollOutcome::Final
        } else {
            PollOutcome::Running
        }
    });
    assert_eq!(times, [1_500.0, 4_500.0]);
    assert!(schedule.is_empty());
    assert_eq!(schedule.next_wake(), None);
}

#[test]
fn network_errors_and_5xx_back_off_exponentially_to_30_s() {
    let policy = PollPolicy::default();
    let waits: Vec<f64> = (1..=7).map(|n| backoff_ms(&policy, n)).collect();
    assert_eq!(
        waits,
        [
            3_000.0, 6_000.0, 12_000.0, 24_000.0, 30_000.0, 30_000.0, 30_000.0
        ]
    );

    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    let times = poll_times(&mut schedule, 80_000.0, |_| PollOutcome::Transient);
    assert_eq!(
        times,
        [1_500.0, 4_500.0, 10_500.0, 22_500.0, 46_500.0, 76_500.0]
    );
}

#[test]
fn a_success_after_errors_returns_to_the_normal_interval() {
    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    let times = poll_times(&mut schedule, 20_000.0, |now| {
        if now < 5_000.0 {
            PollOutcome::Transient
        } else {
            PollOutcome::Running
        }
    });
    // 1.5 s (error) → +3 s = 4.5 (error) → +6 s = 10.5 (ok) → +3 s = 13.5 → 16.5 → 19.5
    assert_eq!(
        times,
        [1_500.0, 4_500.0, 10_500.0, 13_500.0, 16_500.0, 19_500.0]
    );
}

#[test]
fn rate_limits_wait_for_retry_after_or_back_off() {
    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    let told = poll_times(&mut schedule, 20_000.0, |now| {
        if now < 2_000.0 {
            PollOutcome::RateLimited {
                retry_after_secs: Some(10.0),
            }
        } else {
            PollOutcome::Final
        }
    });
    assert_eq!(told, [1_500.0, 11_500.0]);

    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    let untold = poll_times(&mut schedule, 20_000.0, |now| {
        if now < 2_000.0 {
            PollOutcome::RateLimited {
                retry_after_secs: None,
            }
        } else {
            PollOutcome::Final
        }
    });
    assert_eq!(untold, [1_500.0, 4_500.0]);
}

#[test]
fn errors_map_to_outcomes() {
    assert_eq!(
        PollOutcome::from_error(&ApiError::Network {
            message: String::new()
        }),
        PollOutcome::Transient
    );
    assert_eq!(
        PollOutcome::from_error(&ApiError::from_status(503, None, "")),
        PollOutcome::Transient
    );
    assert_eq!(
        PollOutcome::from_error(&ApiError::from_status(429, Some("5"), "")),
        PollOutcome::RateLimited {
            retry_after_secs: Some(5.0)
        }
    );
    assert_eq!(
        PollOutcome::from_error(&ApiError::from_status(401, None, "")),
        PollOutcome::Transient,
        "a key fixed meanwhile resumes the job"
    );
    assert_eq!(
        PollOutcome::from_error(&ApiError::from_status(400, None, "")),
        PollOutcome::Stop
    );
    assert_eq!(
        PollOutcome::from_error(&ApiError::from_status(404, None, "")),
        PollOutcome::Stop
    );
}

#[test]
fn never_more_than_one_request_in_flight_per_job() {
    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    assert_eq!(schedule.take_due(1_500.0), ids(&["job"]));
    // The answer is slow: later ticks must not hand the job out again.
    assert!(schedule.take_due(5_000.0).is_empty());
    assert!(schedule.take_due(60_000.0).is_empty());
    assert_eq!(schedule.next_wake(), None);
    schedule.finish("job", 60_000.0, PollOutcome::Running);
    assert_eq!(schedule.next_wake(), Some(63_000.0));
}

#[test]
fn many_jobs_share_one_schedule() {
    let mut schedule = PollSchedule::default();
    schedule.track("a", 0.0);
    schedule.track("b", 1_000.0);
    schedule.track("a", 999.0); // tracking twice keeps the first schedule
    assert_eq!(schedule.len(), 2);
    assert_eq!(schedule.next_wake(), Some(1_500.0));
    assert_eq!(schedule.take_due(2_500.0), ids(&["a", "b"]));
    schedule.finish("a", 2_600.0, PollOutcome::Final);
    schedule.finish("b", 2_600.0, PollOutcome::Running);
    assert!(!schedule.is_tracked("a"));
    assert_eq!(schedule.next_wake(), Some(5_600.0));
    schedule.finish("ghost", 3_000.0, PollOutcome::Running); // unknown ids are ignored
    assert_eq!(schedule.len(), 1);
}

#[test]
fn hidden_tab_pauses_and_showing_it_polls_at_once() {
    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    schedule.set_visible(false, 100.0);
    assert!(
        schedule.take_due(50_000.0).is_empty(),
        "nothing while hidden"
    );
    assert_eq!(schedule.next_wake(), None);
    schedule.set_visible(true, 50_000.0);
    assert_eq!(schedule.take_due(50_000.0), ids(&["job"]));
    // A job not yet due becomes due immediately when the tab shows again.
    schedule.finish("job", 50_100.0, PollOutcome::Running);
    schedule.set_visible(false, 50_200.0);
    schedule.set_visible(true, 51_000.0);
    assert_eq!(schedule.take_due(51_000.0), ids(&["job"]));
}

#[test]
fn a_rate_limit_wait_survives_the_tab_showing_again() {
    let mut schedule = PollSchedule::default();
    schedule.track("job", 0.0);
    schedule.take_due(1_500.0);
    schedule.finish(
        "job",
        1_500.0,
        PollOutcome::RateLimited {
            retry_after_secs: Some(20.0),
        },
    );
    schedule.set_visible(false, 2_000.0);
    schedule.set_visible(true, 3_000.0);
    assert!(schedule.take_due(3_000.0).is_empty());
    assert_eq!(schedule.next_wake(), Some(21_500.0));
}

#[test]
fn reloaded_running_jobs_resume_at_once_and_stop_ends_watching() {
    let mut schedule = PollSchedule::default();
    schedule.resume("job", 10_000.0);
    assert_eq!(schedule.take_due(10_000.0), ids(&["job"]));
    schedule.finish("job", 10_100.0, PollOutcome::Stop);
    assert!(schedule.is_empty());
    schedule.track("other", 0.0);
    schedule.untrack("other");
    assert!(schedule.take_due(99_999.0).is_empty());
}
