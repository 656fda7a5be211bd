//! The studio end to end against the mock: upload once, generate, watch, results out.

use std::time::Duration;

use angleshot_e2e::fixtures::{expected_auth, mock, studio_servers};
use angleshot_e2e::{StaticServer, dist_dir, with_browser};
use angleshot_mock::{Fault, FaultKind, Knobs};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_job_full_flow_then_five_concurrent_jobs_on_one_upload() {
    let (site, api) = studio_servers(2_500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.set_slider("Rotate", 45).await;
        let directive = page.by_role("note", "Camera directive").await.text().await.unwrap();
        assert_eq!(directive, "Rotate the camera 45 degrees to the left.");
        page.click_button("Generate").await;
        let items = page.wait_list("Jobs", Duration::from_secs(20), |items| items.len() == 1 && items[0].contains("success")).await;
        assert!(items[0].contains("45° to the left, eye level, full view"), "{items:?}");
        page.by_role("img", "Result: 45° to the left, eye level, full view").await;
        page.by_role("button", "Download").await;
        page.screenshot("studio-one-job").await;

        let records = api.requests();
        let posts = api.generate_posts();
        assert_eq!(posts.len(), 1);
        let upload_id = records.iter().find(|r| r.path == "/v1/assets" && r.method == "POST").map(|r| r.status);
        assert_eq!(upload_id, Some(200));
        let body = posts[0].json();
        let image = body["image"].as_str().expect("image id").to_string();
        assert_eq!(body, json!({
            "image": image, "prompt": "", "rotateDegrees": 45, "moveForward": 0, "verticalTilt": 0,
            "useWideAngle": false, "aspectRatio": "match_input_image", "loraScale": 1.25, "goFast": false
        }));
        assert!(posts[0].body.contains("\"rotateDegrees\":45,"), "integers on the wire: {}", posts[0].body);
        for r in records.iter().filter(|r| r.server == "api" && r.method != "OPTIONS") {
            assert_eq!(r.header("authorization"), Some(expected_auth().as_str()), "{} {}", r.method, r.path);
        }
        let cdn: Vec<_> = records.iter().filter(|r| r.server == "cdn").collect();
        assert!(!cdn.is_empty(), "the result bytes came from the CDN");
        assert!(cdn.iter().all(|r| r.header("authorization").is_none()), "no Authorization at the CDN");

        // Polling cadence: first poll ≥ ~1.5 s after the POST, then ≥ ~3 s apart; none after success.
        let post_at = posts[0].at_ms;
        let polls: Vec<u64> = records.iter().filter(|r| r.method == "GET" && r.path.starts_with("/v1/jobs/")).map(|r| r.at_ms).collect();
        assert!(!polls.is_empty());
        assert!(polls[0] >= post_at + 1_300, "first poll {} ms after submit", polls[0] - post_at);
        for pair in polls.windows(2) {
            assert!(pair[1] - pair[0] >= 2_800, "polls {} ms apart", pair[1] - pair[0]);
        }

        // A final job is never polled again.
        tokio::time::sleep(Duration::from_secs(4)).await;
        let later = api.requests();
        let polls_later = later.iter().filter(|r| r.method == "GET" && r.path.starts_with("/v1/jobs/")).count();
        assert_eq!(polls_later, polls.len(), "no requests for final jobs");

        // Five more, concurrently, on the same uploaded image.
        api.clear_requests();
        for rotate in [-90, -45, 45, 90, 0] {
            page.set_slider("Rotate", rotate).await;
            if rotate == 0 {
                page.fill("Prompt", "studio light").await;
            }
            page.click_button("Generate").await;
        }
        page.wait_list("Jobs", Duration::from_secs(30), |items| items.len() == 6 && items.iter().all(|i| i.contains("success"))).await;
        let records = api.requests();
        assert_eq!(api.generate_posts().len(), 5);
        assert_eq!(records.iter().filter(|r| r.path == "/v1/assets" && r.method == "POST").count(), 0, "one upload serves every job");
        assert!(api.generate_posts().iter().all(|r| r.json()["image"] == image.as_str()));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failure_shows_error_and_hint_and_errors_lose_no_job() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs {
        job_duration_ms: 1_500,
        fail_next_jobs: 1,
        ..Knobs::default()
    })
    .await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.set_slider("Rotate", -45).await;
        page.click_button("Generate").await;
        let items = page
            .wait_list("Jobs", Duration::from_secs(20), |items| {
                items.iter().any(|i| i.contains("failure"))
            })
            .await;
        assert!(
            items[0].contains("The model could not process this image."),
            "{items:?}"
        );
        assert!(
            items[0].contains("Hint: Try a clearer subject"),
            "{items:?}"
        );

        // Polls hit 429 with Retry-After and a 5xx burst: the job still reaches success.
        api.set_knobs(|k| {
            k.faults = vec![
                Fault::next(
                    FaultKind::RateLimit {
                        retry_after_secs: Some(2),
                        remaining_seconds: None,
                    },
                    "/v1/jobs/",
                    1,
                ),
                Fault::next(
                    FaultKind::Status {
                        status: 503,
                        body: "{\"reason\":\"busy\"}".into(),
                    },
                    "/v1/jobs/",
                    2,
                ),
            ]
        });
        page.click_button("Generate").await;
        page.wait_list("Jobs", Duration::from_secs(40), |items| {
            items.len() == 2 && items[0].contains("success")
        })
        .await;
        let records = api.requests();
        assert_eq!(
            api.generate_posts().len(),
            2,
            "the generate POST is never retried"
        );
        assert!(
            records.iter().any(|r| r.status == 429)
                && records.iter().filter(|r| r.status == 503).count() == 2
        );

        // A key rejected while polling (401): the card says so and keeps the job; the job
        // finishes once the API accepts the key again.
        api.set_knobs(|k| {
            k.faults = vec![Fault::next(
                FaultKind::Status {
                    status: 401,
                    body: r#"{"reason":"Unauthorized"}"#.into(),
                },
                "/v1/jobs/",
                1,
            )]
        });
        page.click_button("Generate").await;
        let items = page
            .wait_list("Jobs", Duration::from_secs(15), |items| {
                items.len() == 3 && items[0].contains("key or secret rejected")
            })
            .await;
        assert!(items[0].contains("job_"), "{items:?}");
        page.wait_list("Jobs", Duration::from_secs(20), |items| {
            items.len() == 3 && items[0].contains("success")
        })
        .await;

        // A 429 on the generate POST itself: nothing was created, so the card says it waits
        // and submits again after Retry-After — one job in the end.
        api.set_knobs(|k| {
            k.latency_ms = 300;
            k.faults = vec![Fault::next(
                FaultKind::RateLimit {
                    retry_after_secs: Some(2),
                    remaining_seconds: None,
                },
                "/generate/",
                1,
            )]
        });
        page.click_button("Generate").await;
        let items = page
            .wait_list("Jobs", Duration::from_secs(5), |items| {
                items.len() == 4 && items[0].contains("Rate limited — submitting again in 2 s")
            })
            .await;
        assert!(items[0].contains("submitting"), "{items:?}");
        let items = page.wait_newest_success_items(4).await;
        assert!(
            !items[0].contains("Rate limited"),
            "the 429 notice goes once the retry went through: {items:?}"
        );
        let posts = api.generate_posts();
        assert_eq!(posts.len(), 5);
        assert_eq!(posts.iter().filter(|r| r.status == 429).count(), 1);
        assert_eq!(api.with_store(|s| s.jobs.len()), 4, "one job per card");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_and_unsure_submits_say_so_and_offer_retry() {
    let (site, api) = studio_servers(1_000).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.set_slider("Rotate", 90).await;
        api.set_knobs(|k| {
            k.faults = vec![Fault::next(
                FaultKind::Status {
                    status: 403,
                    body: r#"{"name":"ModelAccessRestrictedError","reason":"Upgrade your plan"}"#
                        .into(),
                },
                "/generate/",
                1,
            )]
        });
        page.click_button("Generate").await;
        let items = page
            .wait_list("Jobs", Duration::from_secs(10), |items| {
                items.iter().any(|i| i.contains("not submitted"))
            })
            .await;
        assert!(
            items[0].contains("plan or key scope") && items[0].contains("Upgrade your plan"),
            "{items:?}"
        );

        // The answer is lost after the job was made: the app finds it through GET /jobs.
        api.set_knobs(|k| k.faults = vec![Fault::next(FaultKind::DropAfter, "/generate/", 1)]);
        page.click_button("Generate").await;
        page.wait_newest_success(2).await;
        assert_eq!(api.generate_posts().len(), 2, "no automatic resubmission");

        // Lost answer AND the recent-jobs check fails: the card stays unknown, Retry is the
        // artist's call.
        api.set_knobs(|k| {
            let mut listing = Fault::next(
                FaultKind::Status {
                    status: 503,
                    body: "busy".into(),
                },
                "/jobs",
                10,
            );
            listing.method = Some("GET".into());
            k.faults = vec![Fault::next(FaultKind::DropAfter, "/generate/", 1), listing]
        });
        page.click_button("Generate").await;
        let _items = page
            .wait_list("Jobs", Duration::from_secs(15), |items| {
                items.len() == 3
                    && items[0].contains("unknown — check before retrying")
                    && items[0].contains("Could not check your recent jobs")
            })
            .await;
        // On the stage (the newest job is on it): Retry.
        page.by_role("button", "Retry").await;
        assert_eq!(api.generate_posts().len(), 3, "no automatic resubmission");
        api.set_knobs(|k| k.faults.clear());
        page.click_button("Retry").await;
        page.wait_list("Jobs", Duration::from_secs(20), |items| {
            items.len() == 4 && items[0].contains("success")
        })
        .await;
        assert_eq!(api.generate_posts().len(), 4);
    })
    .await;
}
