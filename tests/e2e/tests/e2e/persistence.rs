//! Nothing lost: a reload mid-job brings every card back and the jobs finish; results come back
//! from stored bytes without the CDN; Remove and Clear history delete what is stored; a lost
//! generate answer is reconciled, never resubmitted; an expired CDN link is renewed through the
//! API; without IndexedDB the studio says so and keeps working.

use std::time::Duration;

use angleshot_e2e::fixtures::{mock, polls_after_final, studio_servers};
use angleshot_e2e::{Page, StaticServer, dist_dir, with_browser};
use angleshot_mock::Knobs;
use angleshot_mock::knobs::{Fault, FaultKind};
use serde_json::json;

async fn generate_with_prompt(page: &Page, prompt: &str) {
    page.fill("Prompt", prompt).await;
    page.click_button("Generate").await;
}

async fn result_images(page: &Page) -> usize {
    page.eval("return [...document.querySelectorAll('ul[aria-label=\"Jobs\"] img[data-shows=\"result\"]')].filter(i => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0).length;")
        .await
        .as_u64()
        .unwrap_or(0) as usize
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_mid_job_loses_nothing_and_stored_results_need_no_cdn() {
    // Jobs long enough that five Generates and a reload fit inside one, with room to spare
    // under the full suite's load (five Generates took 7 s there, 3.5 s alone).
    let (site, api) = studio_servers(10_000).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        for i in 1..=5 {
            generate_with_prompt(&page, &format!("view {i}")).await;
        }
        page.wait_list("Jobs", Duration::from_secs(10), |items| {
            items.len() == 5
                && items
                    .iter()
                    .all(|t| t.contains("in-progress") || t.contains("queued"))
        })
        .await;
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        let items = page
            .wait_list("Jobs", Duration::from_secs(5), |items| items.len() == 5)
            .await;
        assert!(
            items.iter().all(|t| !t.contains("success")),
            "still running after the reload: {items:?}"
        );
        page.wait_list("Jobs", Duration::from_secs(20), |items| {
            items.len() == 5 && items.iter().all(|t| t.contains("success"))
        })
        .await;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while result_images(&page).await < 5 {
            assert!(
                std::time::Instant::now() < deadline,
                "results not all shown after the reload"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert_eq!(
            api.generate_posts().len(),
            5,
            "no generate POST was repeated"
        );
        assert_eq!(
            polls_after_final(&api),
            vec![],
            "final jobs were polled again"
        );

        // Reopened later: every result from the stored bytes, nothing asked of the CDN or API.
        api.clear_requests();
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while result_images(&page).await < 5 {
            assert!(
                std::time::Instant::now() < deadline,
                "stored results not shown"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let asked: Vec<String> = api
            .requests()
            .iter()
            .filter(|r| r.server == "cdn" || r.path.contains("/jobs") || r.path.contains("/assets"))
            .map(|r| format!("{} {}", r.method, r.path))
            .collect();
        assert_eq!(asked, Vec::<String>::new(), "results came from the device");

        // Remove deletes one card's stored record and bytes; Clear history deletes the rest.
        page.by_role("listitem", "Job: front, eye level, full view · “view 3”")
            .await;
        page.click_button("Show front, eye level, full view · “view 3”")
            .await;
        page.click_button("Remove").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        let items = page
            .wait_list("Jobs", Duration::from_secs(5), |items| items.len() == 4)
            .await;
        assert!(items.iter().all(|t| !t.contains("view 3")), "{items:?}");
        page.click_button("Clear history").await;
        page.click_button("Yes, clear history").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(page.list_items("Jobs").await.len(), 0, "history cleared");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_generate_answer_is_reconciled_not_resubmitted() {
    let (site, api) = studio_servers(800).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        // The job is created, then the answer is cut: the card finds it and finishes.
        api.set_knobs(|k| {
            k.faults = vec![Fault {
                kind: FaultKind::DropAfter,
                path_contains: Some("/generate/".into()),
                method: Some("POST".into()),
                remaining: Some(1),
                probability: 1.0,
            }]
        });
        generate_with_prompt(&page, "lost answer").await;
        page.wait_newest_success(1).await;
        assert_eq!(api.generate_posts().len(), 1, "never resubmitted");
        assert!(
            api.requests()
                .iter()
                .any(|r| r.method == "GET" && r.path.ends_with("/jobs")),
            "reconciled through GET /jobs"
        );

        // A 5xx before anything was made (a cut before any answer byte would be resent by
        // Chromium itself): nothing was created, and after checking the card says so.
        api.set_knobs(|k| {
            k.faults = vec![Fault {
                kind: FaultKind::Status {
                    status: 502,
                    body: "<html>Bad gateway</html>".into(),
                },
                path_contains: Some("/generate/".into()),
                method: Some("POST".into()),
                remaining: Some(1),
                probability: 1.0,
            }]
        });
        generate_with_prompt(&page, "never made").await;
        let _items = page
            .wait_list("Jobs", Duration::from_secs(15), |items| {
                items.len() == 2 && items[0].contains("No job was created")
            })
            .await;
        // On the stage (the newest job is on it): Retry.
        page.by_role("button", "Retry").await;
        assert_eq!(api.with_store(|s| s.jobs.len()), 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_cdn_link_is_renewed_through_the_api() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs {
        job_duration_ms: 300,
        cdn_expire_next: 1,
        ..Knobs::default()
    })
    .await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        generate_with_prompt(&page, "expired link").await;
        page.wait_newest_success(1).await;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while result_images(&page).await < 1 {
            assert!(
                std::time::Instant::now() < deadline,
                "the result never showed"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let trail: Vec<String> = api
            .requests()
            .iter()
            .filter(|r| r.server == "cdn" || (r.method == "GET" && r.path.contains("/assets/")))
            .map(|r| {
                format!(
                    "{} {} {}",
                    r.server,
                    r.status,
                    r.path.split('/').nth(1).unwrap_or("")
                )
            })
            .collect();
        assert_eq!(trail.len(), 3, "{trail:?}");
        assert!(trail[0].starts_with("cdn 403"), "{trail:?}");
        assert!(
            trail[1].starts_with("api 200"),
            "fresh URL asked of the API: {trail:?}"
        );
        assert!(trail[2].starts_with("cdn 200"), "{trail:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_indexed_db_the_studio_says_so_and_keeps_working() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });" }),
        )
        .await;
        page.open(&site.url()).await;
        let note = page
            .wait_text("status", "History status", |t| !t.is_empty())
            .await;
        assert!(note.contains("jobs stay in this tab only"), "{note}");
        page.ready_with_image(&api).await;
        generate_with_prompt(&page, "in memory").await;
        page.wait_newest_success(1).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_storage_says_so_and_keeps_working_in_memory() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        // Every write to IndexedDB fails as it does when the quota is used up.
        page.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };" }),
        )
        .await;
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.fill("Prompt", "storage full").await;
        page.click_button("Generate").await;
        let note = page
            .wait_text("status", "History status", |t| !t.is_empty())
            .await;
        assert!(note.contains("Storage is full"), "{note}");
        page.wait_newest_success(1).await;
        page.by_role("button", "Download").await;
    })
    .await;
}

/// Jobs still waiting at a reload were never created: a set's angles waiting for a slot go
/// out after the reload through the queue, as if nothing happened — none comes back as "not
/// submitted" or "unknown", and each angle is posted exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn set_angles_waiting_in_the_queue_at_a_reload_are_submitted_after_it() {
    let (site, api) = studio_servers(3_000).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("Angle set: 6 angles").await;
        let limit = page.by_role("spinbutton", "Jobs at once").await;
        limit.clear().await.expect("clear");
        limit.send_keys("1").await.expect("type");
        api.clear_requests();
        page.click_button("Generate angle set").await;
        // One angle posted, five waiting in the local queue.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while api.generate_posts().is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "the set's first angle never went out"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Let the cards' records reach the database.
        tokio::time::sleep(Duration::from_millis(500)).await;
        page.client.refresh().await.expect("reload");
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            let progress = page
                .by_role("status", "Set progress")
                .await
                .text()
                .await
                .unwrap_or_default();
            if progress == "6 of 6 done" {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the set did not finish after the reload: {progress:?}"
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let items = page
            .wait_list("Jobs", Duration::from_secs(5), |items| !items.is_empty())
            .await;
        assert!(
            items
                .iter()
                .all(|i| !i.contains("not submitted") && !i.contains("unknown")),
            "{items:?}"
        );
        let posts = api.generate_posts();
        assert_eq!(posts.len(), 6, "each angle posted once: {posts:?}");
    })
    .await;
}

/// A reload keeps where the artist was: the uploaded input (by its asset id, no new upload),
/// the camera pose, the options and the prompt; Generate works at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_keeps_the_input_the_camera_and_the_prompt() {
    let (site, api) = studio_servers(500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("45° left").await;
        page.fill("Prompt", "keep the red hat").await;
        let uploads_before = api
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/assets"))
            .count();
        page.client.refresh().await.expect("reload");
        page.by_role("img", "Input image: chair.png").await;
        let prompt = page
            .by_role("textbox", "Prompt")
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default();
        assert_eq!(prompt, "keep the red hat");
        api.clear_requests();
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let posts = api.generate_posts();
        assert_eq!(posts.len(), 1, "{posts:?}");
        let body: serde_json::Value = serde_json::from_str(&posts[0].body).unwrap();
        assert_eq!(body["rotateDegrees"], 45, "{body}");
        assert_eq!(body["prompt"], "keep the red hat", "{body}");
        let asset = body["image"].as_str().unwrap_or_default().to_string();
        assert!(asset.starts_with("asset_"), "{body}");
        let uploads_after = api
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/assets"))
            .count();
        assert_eq!(
            (uploads_before, uploads_after),
            (1, 0),
            "no new upload after the reload"
        );
    })
    .await;
}
