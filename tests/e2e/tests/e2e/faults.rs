//! Recovery under faults, and hostile answers. Twenty jobs while the mock answers 20 % 5xx,
//! 429 bursts with and without Retry-After, 2 s latency and dropped connections: every card
//! ends in its true state, no generate POST is duplicated, no final job is polled again. Then
//! malformed, mistyped and script-carrying answers: shown as text, never run, never a panic.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use angleshot_e2e::fixtures::{polls_after_final, studio_servers};
use angleshot_e2e::{artifacts_dir, with_browser};
use angleshot_mock::knobs::{Fault, FaultKind};

const JOBS: usize = 20;

fn fault(
    kind: FaultKind,
    path: &str,
    method: &str,
    remaining: Option<u32>,
    probability: f64,
) -> Fault {
    Fault {
        kind,
        path_contains: Some(path.into()),
        method: Some(method.into()),
        remaining,
        probability,
    }
}

/// Whether a card's text shows a state that can no longer change by itself.
fn settled(card: &str) -> bool {
    [
        "success",
        "failure",
        "canceled",
        "not submitted",
        "unknown — check before retrying",
    ]
    .iter()
    .any(|s| card.contains(s))
        && !card.contains("Checking your recent jobs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_jobs_under_faults_all_end_true_without_duplicates() {
    let (site, api) = studio_servers(3_000).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        api.set_knobs(|k| {
            k.seed = 7;
            k.error_rate_5xx = 0.2;
            k.faults = vec![
                fault(FaultKind::Latency { ms: 2_000 }, "/v1/", "GET", None, 0.15),
                fault(FaultKind::Latency { ms: 2_000 }, "/generate/", "POST", None, 0.2),
                fault(FaultKind::RateLimit { retry_after_secs: Some(1), remaining_seconds: None }, "/generate/", "POST", Some(3), 0.4),
                fault(FaultKind::RateLimit { retry_after_secs: None, remaining_seconds: Some(1) }, "/jobs/", "GET", Some(4), 0.3),
                fault(FaultKind::RateLimit { retry_after_secs: None, remaining_seconds: None }, "/generate/", "POST", Some(2), 0.4),
                fault(FaultKind::DropAfter, "/generate/", "POST", Some(2), 0.3),
                fault(FaultKind::DropAfter, "/jobs/", "GET", Some(4), 0.2),
            ];
        });
        api.clear_requests();
        let started = Instant::now();
        for i in 1..=JOBS {
            page.fill("Prompt", &format!("fault job {i:02}")).await;
            page.click_button("Generate").await;
        }
        // The list renders its newest cards first, the rest near the end of the page.
        page.scroll_list_until("Jobs", JOBS).await;
        let cards = page
            .wait_list("Jobs", Duration::from_secs(150), |items| {
                items.len() == JOBS && items.iter().all(|c| settled(c))
            })
            .await;
        let took = started.elapsed();

        // Every card against the mock's truth.
        let jobs: HashMap<String, (String, usize)> = api.with_store(|store| {
            let mut by_prompt: HashMap<String, (String, usize)> = HashMap::new();
            for job in &store.jobs {
                let prompt = job.input["prompt"].as_str().unwrap_or_default().to_string();
                let entry = by_prompt.entry(prompt).or_insert((job.id.clone(), 0));
                entry.1 += 1;
            }
            by_prompt
        });
        let mut created = 0;
        for card in &cards {
            let prompt = card
                .split('“')
                .nth(1)
                .and_then(|rest| rest.split('”').next())
                .unwrap_or_default()
                .to_string();
            match jobs.get(&prompt) {
                Some((job_id, copies)) => {
                    created += 1;
                    assert_eq!(*copies, 1, "{prompt}: duplicate jobs at the mock");
                    assert!(card.contains(job_id.as_str()) && card.contains("success"), "{prompt} exists as {job_id}: {card}");
                }
                None => assert!(
                    card.contains("not submitted") || card.contains("unknown"),
                    "{prompt} was never created, the card must not claim otherwise: {card}"
                ),
            }
        }
        let late = polls_after_final(&api);
        assert_eq!(late, vec![], "final jobs polled again");

        let records = api.requests();
        let posts = api.generate_posts();
        let figures = format!(
            "fault suite: {JOBS} jobs in {:.1} s; {} created at the mock, {} cards honest about not being created; \
             {} API requests ({} generate POSTs: {} answered 429, {} 5xx, {} cut), injected: {} × 429, {} × 5xx, {} dropped; \
             duplicate jobs 0; polls of final jobs after their final answer 0",
            took.as_secs_f64(),
            created,
            JOBS - created,
            records.iter().filter(|r| r.server == "api" && r.method != "OPTIONS").count(),
            posts.len(),
            posts.iter().filter(|r| r.status == 429).count(),
            posts.iter().filter(|r| r.status >= 500).count(),
            posts.iter().filter(|r| r.status == 0).count(),
            records.iter().filter(|r| r.status == 429).count(),
            records.iter().filter(|r| r.status >= 500).count(),
            records.iter().filter(|r| r.status == 0).count(),
        );
        println!("{figures}");
        let _ = std::fs::write(artifacts_dir().join("fault-suite.txt"), &figures);
        assert!(created >= JOBS / 2, "most jobs get through: {figures}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_answers_are_shown_as_text_never_run() {
    let (site, api) = studio_servers(1_500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.eval("window.__alerts = 0; window.alert = () => { window.__alerts++; };").await;
        page.ready_with_image(&api).await;
        let script = "<img src=x onerror=alert(1)>";
        api.set_knobs(|k| {
            k.fail_next_jobs = 1;
            k.failure_error = script.into();
            k.failure_hint = Some(format!("{script} hint"));
            // Polls answered with malformed JSON, then with wrong types: noticed, polled on.
            k.faults = vec![
                fault(FaultKind::Malformed, "/jobs/", "GET", Some(1), 1.0),
                fault(FaultKind::Status { status: 200, body: r#"{"job":{"jobId":5,"status":["x"],"progress":"lots"}}"#.into() }, "/jobs/", "GET", Some(1), 1.0),
            ];
        });
        page.fill("Prompt", "hostile").await;
        page.click_button("Generate").await;
        let cards = page
            .wait_list("Jobs", Duration::from_secs(40), |items| items.len() == 1 && items[0].contains("failure"))
            .await;
        assert!(cards[0].contains(script), "the message shown as text: {cards:?}");
        assert!(cards[0].contains(&format!("{script} hint")), "{cards:?}");

        // A generate answer without `job` (nothing was made) and one with a script in a 5xx
        // reason: each card says what happened, in text.
        api.set_knobs(|k| {
            k.faults = vec![fault(FaultKind::Status { status: 200, body: "{}".into() }, "/generate/", "POST", Some(1), 1.0)]
        });
        page.fill("Prompt", "missing job").await;
        page.click_button("Generate").await;
        page.wait_list("Jobs", Duration::from_secs(20), |items| items.len() == 2 && items[0].contains("No job was created")).await;
        api.set_knobs(|k| {
            k.faults = vec![fault(FaultKind::Status { status: 400, body: format!(r#"{{"reason":"{script}"}}"#) }, "/generate/", "POST", Some(1), 1.0)]
        });
        page.fill("Prompt", "script reason").await;
        page.click_button("Generate").await;
        let cards = page
            .wait_list("Jobs", Duration::from_secs(20), |items| items.len() == 3 && items[0].contains("not submitted"))
            .await;
        assert!(cards[0].contains(script), "{cards:?}");

        // A malformed answer to a generate POST that did create the job: reconciled.
        api.set_knobs(|k| k.faults = vec![fault(FaultKind::Malformed, "/generate/", "POST", Some(1), 1.0)]);
        page.fill("Prompt", "garbled answer").await;
        page.click_button("Generate").await;
        page.wait_newest_success(4).await;
        assert_eq!(api.with_store(|s| s.jobs.len()), 2, "one job per created card");
        let dom = page
            .eval("return [document.querySelectorAll('img[src=\"x\"]').length, window.__alerts, !!document.getElementById('panic-banner')];")
            .await;
        assert_eq!(dom, serde_json::json!([0, 0, false]), "nothing ran, nothing panicked");
    })
    .await;
}
