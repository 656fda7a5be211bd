//! #21 against the mock: what the account tells the studio. A 429 that names the account's
//! limit (`details.actionLimit`) lowers "Jobs at once" for the session and says so, so the
//! studio stops hitting it.

use angleshot_e2e::fixtures::studio_servers;
use angleshot_e2e::with_browser;
use angleshot_mock::knobs::{Fault, FaultKind};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_naming_the_accounts_limit_lowers_jobs_at_once_for_the_session() {
    let (site, api) = studio_servers(1_500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        api.set_knobs(|k| {
            k.faults = vec![Fault {
                kind: FaultKind::ActionLimit { limit: 2 },
                path_contains: Some("/generate/".into()),
                method: Some("POST".into()),
                remaining: Some(1),
                probability: 1.0,
            }];
        });
        api.clear_requests();
        page.click_button("Generate angle set").await;
        page.wait_set_progress("6 of 6 done").await;
        // Under the set editor, where "Jobs at once" is set.
        page.click_button("Angle set: 6 angles").await;
        let note = page
            .wait_text("status", "Jobs at once note", |t| !t.is_empty())
            .await;
        assert_eq!(
            note,
            "Scenario allows 2 at once for this account: lowered to 2 for this session."
        );
        let limit = page
            .by_role("spinbutton", "Jobs at once")
            .await
            .prop("value")
            .await
            .ok()
            .flatten();
        assert_eq!(limit.as_deref(), Some("2"));

        let posts = api.generate_posts();
        let refused_at = posts
            .iter()
            .find(|r| r.status == 429)
            .map(|r| r.at_ms)
            .expect("the 429");
        assert_eq!(
            posts.iter().filter(|r| r.status == 200).count(),
            6,
            "each angle created once"
        );
        // Every job started after the 429 found at most two in flight, itself included. The
        // jobs' spans on the requests' clock: each created by its accepted POST, in order.
        let created: Vec<u64> = posts.iter().filter(|r| r.status == 200).map(|r| r.at_ms).collect();
        let spans: Vec<(u64, u64)> = api.with_store(|store| {
            let mut jobs: Vec<_> = store.jobs.iter().map(|j| (j.created_ms, j.duration_ms)).collect();
            jobs.sort();
            created.iter().zip(jobs).map(|(at, (_, took))| (*at, at + took)).collect()
        });
        // The first four POSTs left together, before any answer; every later one was sent
        // once the 429 had been read.
        let first_batch_end = posts.iter().take(4).map(|r| r.at_ms).max().unwrap_or(0);
        assert!(refused_at <= first_batch_end, "the 429 was in the first batch");
        let after: Vec<u64> = spans.iter().map(|s| s.0).filter(|start| *start > first_batch_end).collect();
        assert!(!after.is_empty(), "some jobs started after the 429");
        for start in after {
            let in_flight = spans.iter().filter(|(s, e)| *s <= start && start < *e).count();
            assert!(in_flight <= 2, "{in_flight} jobs in flight at {start} ms, after the 429 at {refused_at} ms: {spans:?}");
        }
    })
    .await;
}

/// #21 point 1: when the first result is kept the studio asks the browser to keep the
/// history, and Settings says what it answered and how much space the history uses.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_say_whether_the_browser_keeps_the_history() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("45° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        // Headless Chromium does not grant persistence to a site of no engagement.
        let at_risk = page
            .wait_text("status", "Storage on this device", |t| t.contains("Using "))
            .await;
        assert!(at_risk.starts_with("The browser may clear this when space runs low: install the app or export a backup."), "{at_risk}");

        page.cdp(
            "Browser.grantPermissions",
            serde_json::json!({ "permissions": ["durableStorage"], "origin": site.origin() }),
        )
        .await;
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        page.click_button("90° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(2).await;
        let kept = page
            .wait_text("status", "Storage on this device", |t| t.starts_with("Kept"))
            .await;
        assert!(kept.starts_with("Kept until you clear it. Using "), "{kept}");
    })
    .await;
}
