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

/// The seed model's and the 2511 model's jobs made on another device, under 50 newer jobs of
/// another model: the first page lists none of them, "Load more" finds all three.
fn seed_other_devices_jobs(api: &angleshot_mock::MockServer) -> serde_json::Value {
    use base64::Engine as _;
    let image = base64::engine::general_purpose::STANDARD.encode(angleshot_e2e::fixtures::png());
    let mut jobs = vec![
        serde_json::json!({ "modelId": "model_qwen-edit-multiangle", "ageSecs": 9000,
            "input": { "rotateDegrees": 90, "prompt": "", "moveForward": 0, "verticalTilt": 0 } }),
        serde_json::json!({ "modelId": "model_qwen-edit-multiangle-2511", "ageSecs": 8000,
            "input": { "horizontalAngle": 180, "verticalAngle": 30, "zoom": 5 } }),
        serde_json::json!({ "modelId": "model_qwen-edit-multiangle", "ageSecs": 7000,
            "input": { "rotateDegrees": -45, "verticalTilt": 1 } }),
    ];
    jobs.extend((0..50).map(|n| {
        serde_json::json!({ "modelId": "model_flux", "ageSecs": 100 + n, "input": { "prompt": "a lamp" } })
    }));
    api.seed_elsewhere(serde_json::json!({
        "image": image,
        "assets": ["crate.png", "lamp.png"],
        "jobs": jobs,
    }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_made_elsewhere_are_listed_page_by_page_added_and_their_results_shown() {
    let (site, api) = studio_servers(800).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("90° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let seeded = seed_other_devices_jobs(&api);
        page.click_button("Jobs from your account").await;
        page.wait_text("status", "Account jobs status", |t| {
            t == "None among your newest jobs: Load more looks further back."
        })
        .await;
        page.click_button("Load more").await;
        page.wait_text("status", "Account jobs status", |t| {
            t == "3 multi-angle jobs on your account not on this device."
        })
        .await;
        let listed = page.list_items("Account jobs").await;
        assert_eq!(listed.len(), 3, "{listed:#?}");
        // Newest first, parameters read from metadata.input (the seed model's own words).
        assert!(
            listed[0].starts_with("Qwen Edit Multi-Angle ·"),
            "{listed:#?}"
        );
        assert!(
            listed[1].starts_with("Qwen Edit Multi-Angle 2511 ·"),
            "{listed:#?}"
        );
        assert!(
            listed[2].starts_with("Qwen Edit Multi-Angle ·"),
            "{listed:#?}"
        );
        assert!(listed.iter().all(|l| l.ends_with("success")), "{listed:#?}");

        page.by_role("checkbox", &listed[1])
            .await
            .click()
            .await
            .expect("tick");
        page.click_button("Add selected").await;
        page.wait_text("status", "Account jobs status", |t| {
            t == "Added 1 job to the history."
        })
        .await;
        assert_eq!(page.list_items("Account jobs").await.len(), 2);
        page.click_button("Add all").await;
        page.wait_text("status", "Account jobs status", |t| {
            t == "Added 2 jobs to the history."
        })
        .await;
        assert!(page.list_items("Account jobs").await.is_empty());

        // Four cards, every result fetched by its asset id from the CDN.
        let cards = page
            .wait_list("Jobs", std::time::Duration::from_secs(20), |items| {
                items.len() == 4 && items.iter().all(|i| i.contains("success"))
            })
            .await;
        let results: Vec<String> = seeded["results"]
            .as_array()
            .unwrap()
            .iter()
            .take(3)
            .map(|r| r[0].as_str().unwrap().to_string())
            .collect();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let fetched = api.requests();
            let missing: Vec<&String> = results
                .iter()
                .filter(|id| {
                    !fetched.iter().any(|r| {
                        r.server == "cdn" && r.path.ends_with(id.as_str()) && r.status == 200
                    })
                })
                .collect();
            if missing.is_empty() {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "never fetched {missing:?}; cards {cards:#?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        let shown = page
            .eval("return document.querySelectorAll('.job-list img[data-shows=result]').length")
            .await;
        assert!(
            shown.as_u64().unwrap_or(0) >= 4,
            "result images shown: {shown}"
        );
        // Listing again offers nothing: every account job is a card now.
        page.click_button("Close").await;
        page.click_button("Jobs from your account").await;
        page.click_button("Load more").await;
        page.wait_text("status", "Account jobs status", |t| {
            t == "No multi-angle jobs on your account that this device does not already hold."
        })
        .await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_image_from_the_account_becomes_the_input_by_its_id_with_no_upload() {
    let (site, api) = studio_servers(800).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        use base64::Engine as _;
        let seeded = api.seed_elsewhere(serde_json::json!({
            "image": base64::engine::general_purpose::STANDARD.encode(angleshot_e2e::fixtures::png()),
            "assets": ["crate.png", "lamp.png"],
        }));
        page.click_button("Choose from your account").await;
        page.wait_text("status", "Account images status", |t| {
            t.ends_with("pick one to start from.")
        })
        .await;
        let crate_button = page.by_role("button", "Use crate.png as input").await;
        let thumbnail = page
            .eval("return document.querySelector('#account-images img').getAttribute('src')")
            .await;
        assert!(
            thumbnail
                .as_str()
                .unwrap_or_default()
                .contains("variant=thumbnail"),
            "thumbnails come from the asset's thumbnail.url: {thumbnail}"
        );
        crate_button.click().await.expect("pick");
        page.wait_text("status", "Upload status", |t| {
            t == "Now the input: crate.png (from your account)."
        })
        .await;
        page.click_button("90° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let posts = api.generate_posts();
        assert_eq!(posts.len(), 1);
        assert_eq!(posts[0].json()["image"], seeded["assets"][0]);
        let uploads = api
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == "/v1/assets")
            .count();
        assert_eq!(uploads, 0, "nothing uploaded");
    })
    .await;
}
