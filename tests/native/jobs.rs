//! Job card life: statuses, progress, failures, stop, and what a failed submit means.

use angleshot::api::error::ApiError;
use angleshot::api::types::{FromJson, GenerateBody, Job, JobStatus};
use angleshot::domain::jobs::{CardAction, JobCard, Phase};

fn job(json: &str) -> Job {
    Job::from_json(&serde_json::from_str(json).unwrap()).unwrap()
}

fn card() -> JobCard {
    JobCard::new(
        7,
        GenerateBody::with_defaults("asset_1"),
        "chair.png",
        1_000.0,
    )
}

#[test]
fn runs_through_statuses_to_success() {
    let mut c = card();
    c.submitted(&job(r#"{"jobId":"job_1","status":"queued"}"#));
    assert_eq!(c.job_id.as_deref(), Some("job_1"));
    assert!(c.is_watching());
    assert!(!c.apply(
        &job(r#"{"jobId":"job_1","status":"in-progress","progress":0.4}"#),
        3_000.0
    ));
    assert_eq!(
        (c.status_text().as_str(), c.progress),
        ("in-progress", Some(0.4))
    );
    assert!(!c.apply(&job(r#"{"jobId":"job_1","status":"in-progress"}"#), 4_000.0));
    assert_eq!(
        c.progress,
        Some(0.4),
        "a missing progress keeps the last one"
    );
    assert!(c.apply(
        &job(r#"{"jobId":"job_1","status":"success","metadata":{"assetIds":["asset_9"]}}"#),
        9_000.0
    ));
    assert_eq!(c.phase, Phase::Done);
    assert_eq!(c.result_asset_ids, ["asset_9".to_string()]);
    assert_eq!(c.elapsed_secs(60_000.0), 8, "elapsed freezes when finished");
    assert!(!c.can_retry());
}

#[test]
fn failure_shows_error_and_hint_and_offers_retry() {
    let mut c = card();
    c.submitted(&job(r#"{"jobId":"job_1","status":"queued"}"#));
    assert!(c.apply(&job(r#"{"jobId":"job_1","status":"failure","metadata":{"error":"bad image","hint":"use a PNG"}}"#), 2_000.0));
    assert_eq!(
        (c.error.as_deref(), c.hint.as_deref()),
        (Some("bad image"), Some("use a PNG"))
    );
    assert_eq!(c.status_text(), "failure");
    assert!(c.can_retry());
}

#[test]
fn all_eight_statuses_and_unknown_ones_are_shown_verbatim() {
    for s in [
        "pending",
        "queued",
        "warming-up",
        "in-progress",
        "finalizing",
        "success",
        "failure",
        "canceled",
        "teleporting",
    ] {
        let mut c = card();
        c.submitted(&job(&format!(r#"{{"jobId":"j","status":"{s}"}}"#)));
        assert_eq!(c.status_text(), s);
        assert_eq!(c.is_watching(), !JobStatus::from_wire(s).is_final(), "{s}");
    }
}

#[test]
fn ambiguous_submit_failures_are_unsure_and_refusals_are_not() {
    for err in [
        ApiError::Network {
            message: "Failed to fetch".into(),
        },
        ApiError::from_status(502, None, ""),
        ApiError::Decode {
            status: 200,
            message: "eof".into(),
            raw: "{".into(),
        },
    ] {
        let mut c = card();
        c.submit_failed(&err, 2_000.0);
        assert_eq!(c.phase, Phase::Unsure, "{err:?}");
        assert!(c.status_text().contains("check before retrying"));
        assert!(c.can_retry());
    }
    for err in [
        ApiError::from_status(400, None, r#"{"reason":"image is required"}"#),
        ApiError::from_status(429, Some("3"), ""),
    ] {
        let mut c = card();
        c.submit_failed(&err, 2_000.0);
        assert_eq!(c.phase, Phase::Refused, "{err:?}");
        assert_eq!(c.status_text(), "not submitted");
    }
}

#[test]
fn stopping_freezes_the_card_and_later_polls_change_nothing() {
    let mut c = card();
    c.submitted(&job(r#"{"jobId":"job_1","status":"in-progress"}"#));
    c.stop(Some("Cannot cancel this type of job."), 5_000.0);
    assert_eq!(c.status_text(), "stopped");
    assert!(!c.is_watching());
    assert!(!c.apply(&job(r#"{"jobId":"job_1","status":"success"}"#), 6_000.0));
    assert_eq!(c.status_text(), "stopped");
    assert!(c.can_retry());
}

#[test]
fn poll_errors_are_notices_cleared_by_the_next_answer() {
    let mut c = card();
    c.submitted(&job(r#"{"jobId":"job_1","status":"queued"}"#));
    c.poll_failed(&ApiError::from_status(429, Some("5"), ""));
    assert!(c.notice.as_deref().unwrap().contains("5 s"));
    assert!(c.is_watching(), "a failed poll loses nothing");
    c.apply(&job(r#"{"jobId":"job_1","status":"queued"}"#), 3_000.0);
    assert_eq!(c.notice, None);
}

#[test]
fn a_finished_cards_status_line_does_not_read_the_clock() {
    let mut c = card();
    c.submitted(&job(r#"{"jobId":"job_1","status":"queued"}"#));
    let read = std::cell::Cell::new(0);
    let clock = || {
        read.set(read.get() + 1);
        6_000.0
    };
    assert_eq!(c.status_line(clock), "queued · 5 s · job_1");
    assert_eq!(read.get(), 1, "a running card follows the clock");
    assert!(c.apply(
        &job(r#"{"jobId":"job_1","status":"success","metadata":{"assetIds":["a"]}}"#),
        9_000.0
    ));
    assert_eq!(c.status_line(clock), "success · 8 s · job_1");
    assert_eq!(
        read.get(),
        1,
        "a finished card never reads it (so it need not re-render each second)"
    );
}

#[test]
fn a_card_offers_the_actions_of_its_state_and_their_keys_read_back() {
    let mut c = card();
    assert!(c.shows_progress(), "submitting");
    assert_eq!(c.actions(), []);
    c.submitted(&job(r#"{"jobId":"job_1","status":"queued"}"#));
    assert_eq!(c.actions(), [CardAction::StopWatching]);
    assert!(c.apply(&job(r#"{"jobId":"job_1","status":"failure"}"#), 2_000.0));
    assert!(!c.shows_progress(), "a finished card has no bar");
    assert_eq!(c.actions(), [CardAction::Retry]);
    for action in CardAction::ALL {
        assert_eq!(CardAction::from_key(action.key()), Some(action));
    }
    assert_eq!(CardAction::from_key("format-disk"), None);
}

#[test]
fn a_stopped_job_can_be_watched_again_once() {
    let mut c = card();
    assert!(!c.resume(), "nothing to resume while submitting");
    c.submitted(&job(r#"{"jobId":"job_1","status":"in-progress"}"#));
    c.stop(Some("Stopped watching."), 3_000.0);
    assert_eq!(c.actions(), [CardAction::ResumeWatching, CardAction::Retry]);
    assert!(c.resume());
    assert!(c.is_watching() && c.finished_ms.is_none() && c.notice.is_none());
    assert_eq!(c.actions(), [CardAction::StopWatching]);
    assert!(!c.resume(), "already watched");
    let mut demo = card();
    demo.submitted(&job(r#"{"jobId":"job_2","status":"queued"}"#));
    demo.orphaned_demo_job(1.0);
    assert!(
        !demo.resume(),
        "a demo job from a closed page cannot be watched"
    );
}
