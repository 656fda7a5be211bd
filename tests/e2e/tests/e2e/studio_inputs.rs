//! Settings storage, the host's config.json, image input paths (drop, paste, bad files, a
//! 24 MP photo), and card actions (stop, download name, use as input, unknown statuses).

use std::time::Duration;

use angleshot_e2e::fixtures::{PNG_2X2, mock, png, studio_servers, temp_file};
use angleshot_e2e::{Page, StaticServer, dist_dir, with_browser};
use angleshot_mock::Knobs;
use serde_json::json;

async fn storage(page: &Page) -> serde_json::Value {
    page.eval("return { session: {...sessionStorage}, local: {...localStorage} };")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_lives_in_the_session_unless_remembered_and_forget_clears_both() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs::default()).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        page.click_button("Test connection").await;
        page.wait_text("status", "Connection status", |t| {
            t.starts_with("Connected")
        })
        .await;
        let stored = storage(&page).await;
        assert_eq!(stored["session"]["angleshot.apiSecret"], "test-secret");
        assert!(
            stored["local"].get("angleshot.apiSecret").is_none(),
            "{stored}"
        );
        assert!(
            !page
                .client
                .current_url()
                .await
                .unwrap()
                .as_str()
                .contains("test-secret")
        );

        page.by_role("checkbox", "Remember on this device")
            .await
            .click()
            .await
            .unwrap();
        let stored = storage(&page).await;
        assert_eq!(stored["local"]["angleshot.apiSecret"], "test-secret");
        assert!(
            stored["session"].get("angleshot.apiSecret").is_none(),
            "{stored}"
        );

        // A reload keeps the remembered key.
        page.open(&site.url()).await;
        let secret = page
            .by_role("textbox", "API secret")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(secret.as_deref(), Some("test-secret"));

        // The model's own inputs set the panel's ranges.
        api.set_knobs(|k| k.model_inputs = Some(json!([
            { "name": "rotateDegrees", "type": "number", "min": -45, "max": 45, "default": 0 },
            { "name": "loraScale", "type": "number", "min": 0, "max": 2, "step": 0.25, "default": 1 }
        ])));
        page.click_button("Test connection").await;
        page.wait_text("status", "Connection status", |t| t.starts_with("Connected")).await;
        let rotate = page.by_role("slider", "Rotate").await;
        assert_eq!(rotate.attr("max").await.unwrap().as_deref(), Some("45"));
        assert_eq!(rotate.attr("min").await.unwrap().as_deref(), Some("-45"));
        // What the description leaves out is named; the profile's defaults stay (#20).
        let note = page.wait_text("status", "Model notes", |t| !t.is_empty()).await;
        assert_eq!(note, "The model's description does not list image, prompt, moveForward, verticalTilt, useWideAngle, aspectRatio, goFast: the profile's defaults are used.");
        // Folded under "More options": out of the accessibility tree until it is opened.
        page.click_button("More options").await;
        let lora = page.by_role("spinbutton", "LoRA scale").await;
        assert_eq!(lora.attr("max").await.unwrap().as_deref(), Some("2"));
        assert_eq!(lora.prop("value").await.unwrap().as_deref(), Some("1.25"), "the artist's value is kept when in range");

        page.click_button("Forget key").await;
        let stored = storage(&page).await;
        assert!(
            stored["local"].get("angleshot.apiSecret").is_none()
                && stored["session"].get("angleshot.apiSecret").is_none(),
            "{stored}"
        );
        let key = page
            .by_role("textbox", "API key")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(key.as_deref(), Some(""));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn host_config_json_sets_the_default_base_and_a_device_setting_overrides_it() {
    let api = mock(Knobs::default()).await;
    let dir = std::env::temp_dir().join(format!("angleshot-dist-config-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(dist_dir()).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
    }
    std::fs::write(
        dir.join("config.json"),
        json!({ "apiBase": api.api_base() }).to_string(),
    )
    .unwrap();
    let site = StaticServer::start(&dir, "/").await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let base = page
                .by_role("textbox", "API base URL")
                .await
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default();
            if base == api.api_base() {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "config.json was not applied: {base}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        page.fill("API base URL", "http://127.0.0.1:9/v1").await;
        page.by_role("textbox", "API key")
            .await
            .click()
            .await
            .unwrap(); // blur: the setting is saved
        page.open(&site.url()).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let base = page
            .by_role("textbox", "API base URL")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            base.as_deref(),
            Some("http://127.0.0.1:9/v1"),
            "the device setting wins"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_files_are_refused_and_the_previous_image_is_kept() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs::default()).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        assert!(
            page.body_text().await.contains("Add an input image first."),
            "Generate says why it is disabled"
        );
        page.choose_image("first.png", &png()).await;
        page.by_role("img", "Input image: first.png").await;
        assert!(
            page.body_text()
                .await
                .contains("Enter your API key and secret in Settings.")
        );
        let generate = page.by_role("button", "Generate").await;
        assert_eq!(
            generate.prop("disabled").await.unwrap().as_deref(),
            Some("true")
        );
        let accept = page
            .by_role("button", "Input image")
            .await
            .attr("accept")
            .await
            .unwrap();
        assert_eq!(
            accept.as_deref(),
            Some("image/*"),
            "a tablet offers its camera"
        );
        page.fill_settings(&api).await;
        let picker = page.by_role("button", "Input image").await;
        picker
            .send_keys(&temp_file("good.png", &png()))
            .await
            .unwrap();
        page.wait_uploaded().await;
        let mut truncated = png();
        truncated.truncate(30);
        let mut huge = png();
        huge.resize(50 * 1024 * 1024, 0);
        for (name, bytes, expected) in [
            ("huge.png", huge, "50 MB, too large to open here"),
            ("empty.png", Vec::new(), "is empty"),
            ("notes.txt", b"hello".to_vec(), "is not an image"),
            ("broken.png", truncated, "could not be decoded"),
            (
                "evil.svg",
                b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec(),
                "SVG",
            ),
        ] {
            page.by_role("button", "Input image")
                .await
                .send_keys(&temp_file(name, &bytes))
                .await
                .unwrap();
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            loop {
                let text = page.body_text().await;
                if text.contains(expected) {
                    break;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "{name}: no {expected:?} in {text}"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            page.by_role("img", "Input image: good.png").await;
        }
        let uploads = api
            .requests()
            .into_iter()
            .filter(|r| r.path == "/v1/assets" && r.method == "POST")
            .count();
        assert_eq!(uploads, 1, "bad files never reach the API");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_24_mp_photo_is_shrunk_to_2048_and_a_pasted_image_works() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs::default()).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        let original = page.client.execute_async(angleshot_e2e::fixtures::DROP_24MP_JS, vec![]).await.expect("drop");
        page.wait_uploaded().await;
        let upload = api.requests().into_iter().find(|r| r.path == "/v1/assets").expect("an upload");
        assert!(upload.body_len < 8 * 1024 * 1024, "under 6 MB of image (base64 ~4/3): {}", upload.body_len);
        let (w, h) = api.with_store(|s| s.assets.values().map(|a| (a.width, a.height)).next().unwrap());
        assert_eq!((w, h), (Some(2048), Some(1365)), "long edge 2048, aspect kept (from {original} bytes)");
        let said = page.body_text().await;
        assert!(said.contains("2048×1365") && said.contains("downscaled from 6000×4000"), "the input says it was shrunk: {said}");

        // Paste a PNG anywhere on the page.
        page.client.execute(
            "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
             const dt = new DataTransfer();
             dt.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
             document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));",
            vec![json!(PNG_2X2)],
        ).await.expect("paste");
        page.by_role("img", "Input image: pasted.png").await;
        page.wait_uploaded().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn card_actions_stop_download_use_as_input_and_unknown_statuses() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs {
        job_duration_ms: 60_000,
        unknown_status: Some("dreaming".into()),
        ..Knobs::default()
    })
    .await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        page.choose_image("chair.png", &png()).await;
        page.wait_uploaded().await;
        assert!(page.body_text().await.contains("Nothing would change"));
        // Snapping to trained states by default; "Fine values" allows free integers.
        let spoken = |page: Page| async move {
            page.by_role("slider", "Rotate").await.attr("aria-valuetext").await.unwrap().unwrap_or_default()
        };
        page.set_slider("Rotate", 30).await;
        assert_eq!(spoken(page.clone()).await, "45° — camera to the left");
        page.by_role("checkbox", "Fine values").await.click().await.unwrap();
        page.set_slider("Rotate", 30).await;
        assert_eq!(spoken(page.clone()).await, "30° — camera to the left");
        page.by_role("checkbox", "Fine values").await.click().await.unwrap();
        assert_eq!(spoken(page.clone()).await, "45° — camera to the left", "leaving fine mode snaps");
        page.set_slider("Rotate", 45).await;
        page.set_slider("Move forward", 10).await;
        page.by_role("checkbox", "Wide-angle lens").await.click().await.unwrap();
        page.click_button("Generate").await;
        page.wait_list("Jobs", Duration::from_secs(15), |items| items.len() == 1 && items[0].contains("dreaming")).await;

        page.click_button("Stop watching").await;
        let items = page.wait_list("Jobs", Duration::from_secs(10), |items| items[0].contains("Scenario does not cancel this job type")).await;
        assert!(items[0].contains("stopped"), "{items:?}");
        let polls_after_stop = api.requests().iter().filter(|r| r.path.starts_with("/v1/jobs/") && r.method == "GET").count();
        tokio::time::sleep(Duration::from_secs(4)).await;
        let polls_later = api.requests().iter().filter(|r| r.path.starts_with("/v1/jobs/") && r.method == "GET").count();
        assert_eq!(polls_after_stop, polls_later, "a stopped job is not polled");
        // It is still on Scenario: it can be watched again.
        page.click_button("Resume watching").await;
        page.by_role("button", "Stop watching").await;
        tokio::time::sleep(Duration::from_secs(4)).await;
        let polls_resumed = api.requests().iter().filter(|r| r.path.starts_with("/v1/jobs/") && r.method == "GET").count();
        assert!(polls_resumed > polls_later, "watched again: {polls_later} → {polls_resumed} polls");
        page.click_button("Remove").await;
        page.wait_list("Jobs", Duration::from_secs(5), |items| items.is_empty()).await;

        api.set_knobs(|k| { k.job_duration_ms = 800; k.unknown_status = None; });
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        page.by_role("img", "Result: 45° to the left, eye level, close-up, wide-angle").await;
        page.eval("window.__downloads = []; HTMLAnchorElement.prototype.click = function () { window.__downloads.push([this.download, this.href]); };").await;
        page.click_button("Download").await;
        let downloads = page.eval("return window.__downloads;").await;
        assert_eq!(downloads[0][0], "chair_rot+45_fwd10_tilt0_wide.png");
        assert!(downloads[0][1].as_str().unwrap().starts_with("blob:"), "saved from the kept bytes");

        let uploads_before = api.requests().iter().filter(|r| r.path == "/v1/assets" && r.method == "POST").count();
        page.click_button("Use as input").await;
        page.set_slider("Rotate", -45).await;
        page.click_button("Generate").await;
        page.wait_list("Jobs", Duration::from_secs(15), |items| items.len() == 2 && items[0].contains("success")).await;
        let records = api.requests();
        let posts: Vec<_> = records.iter().filter(|r| r.path.contains("/generate/")).collect();
        let result_id = api.with_store(|s| s.jobs[1].result_asset_ids[0].clone());
        assert_eq!(posts.last().unwrap().json()["image"], result_id.as_str(), "the result is the new input, by asset id");
        assert_eq!(records.iter().filter(|r| r.path == "/v1/assets" && r.method == "POST").count(), uploads_before, "no re-upload");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_failure_is_retryable_cost_is_estimated_and_cors_is_explained() {
    use angleshot_mock::{Fault, FaultKind};
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs::default()).await;
    let blocked = mock(Knobs {
        cors: false,
        ..Knobs::default()
    })
    .await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        api.set_knobs(|k| {
            k.faults = vec![Fault::next(
                FaultKind::Status {
                    status: 500,
                    body: "{\"reason\":\"disk full\"}".into(),
                },
                "/v1/assets",
                1,
            )]
        });
        page.choose_image("chair.png", &png()).await;
        let failed = page
            .wait_text("status", "Upload status", |t| {
                t.starts_with("Upload failed")
            })
            .await;
        assert!(failed.contains("disk full"), "{failed}");
        page.click_button("Retry upload").await;
        page.wait_uploaded().await;

        page.set_slider("Rotate", 90).await;
        page.click_button("Estimate cost").await;
        page.wait_text("status", "Cost estimate", |t| {
            t == "Estimated cost: 5 compute units."
        })
        .await;
        let dry_runs = api
            .requests()
            .into_iter()
            .filter(|r| r.query == "dryRun=true" && r.method == "POST")
            .count();
        assert_eq!(dry_runs, 1);
        assert!(
            api.with_store(|s| s.jobs.is_empty()),
            "a dry run starts no job"
        );

        // Straight at an API that sends no CORS headers: the browser blocks it, the app says why.
        page.fill("API base URL", &blocked.api_base()).await;
        page.choose_image("other.png", &png()).await;
        let message = page
            .wait_text("status", "Upload status", |t| {
                t.starts_with("Upload failed")
            })
            .await;
        assert!(
            message.contains("often CORS") && message.contains("proxy base URL"),
            "{message}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polling_pauses_while_the_tab_is_hidden_and_resumes_at_once() {
    let (site, api) = studio_servers(60_000).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        page.choose_image("chair.png", &png()).await;
        page.wait_uploaded().await;
        page.set_slider("Rotate", 45).await;
        page.click_button("Generate").await;
        page.wait_list("Jobs", Duration::from_secs(10), |items| items.len() == 1 && items[0].contains("queued")).await;
        let polls = || api.requests().iter().filter(|r| r.method == "GET" && r.path.starts_with("/v1/jobs/")).count();
        let set_hidden = |hidden: bool| {
            let page = page.clone();
            async move {
                page.client.execute(
                    "Object.defineProperty(document, 'hidden', { value: arguments[0], configurable: true });
                     document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));",
                    vec![json!(hidden)],
                ).await.expect("visibility");
            }
        };
        set_hidden(true).await;
        let before = polls();
        tokio::time::sleep(Duration::from_millis(6_500)).await;
        assert_eq!(polls(), before, "no polling while hidden");
        set_hidden(false).await;
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert_eq!(polls(), before + 1, "one poll at once when visible again");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_running_status_is_shown_as_the_api_spells_it() {
    let (site, api) = studio_servers(12_000).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.set_slider("Rotate", 90).await;
        let statuses = [
            "pending",
            "warming-up",
            "finalizing",
            "in-progress",
            "a-status-from-the-future",
        ];
        let posted_before = api.generate_posts().len();
        for (i, status) in statuses.iter().enumerate() {
            api.set_knobs(|k| k.unknown_status = Some(status.to_string()));
            page.click_button("Generate").await;
            // The mock reads the knob when the POST arrives: change it only after this job's
            // POST came (under load it can lag the click).
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while api.generate_posts().len() < posted_before + i + 1 {
                assert!(
                    std::time::Instant::now() < deadline,
                    "Generate sent no POST"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        let items = page
            .wait_list("Jobs", Duration::from_secs(15), |items| {
                items.len() == statuses.len()
                    && statuses
                        .iter()
                        .rev()
                        .zip(items)
                        .all(|(s, item)| item.contains(&format!("\n{s} ·")))
            })
            .await;
        // Each stays watched: on the stage, one after the other, with Stop watching.
        for index in 0..items.len() {
            page.eval(&format!("document.querySelectorAll('ul[aria-label=\"Jobs\"] > li button[aria-label^=\"Show\"]')[{index}].click(); return null;")).await;
            page.by_role("button", "Stop watching").await;
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presets_set_the_values_shown_and_sent() {
    let (site, api) = studio_servers(500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        let value = |name: &'static str, attr: &'static str| {
            let page = page.clone();
            async move {
                page.by_role("slider", name)
                    .await
                    .prop(attr)
                    .await
                    .unwrap()
                    .unwrap_or_default()
            }
        };
        let pressed = |name: &'static str| {
            let page = page.clone();
            async move {
                page.attribute("button", name, "aria-pressed")
                    .await
                    .unwrap_or_default()
            }
        };
        // Pose presets are one exclusive group, each the whole pose: Top-down after
        // "90° right" is the front seen from above, not both.
        page.click_button("90° right").await;
        assert_eq!(pressed("90° right").await, "true");
        page.click_button("Top-down").await;
        assert_eq!(pressed("Top-down").await, "true");
        assert_eq!(pressed("90° right").await, "false");
        assert_eq!(pressed("Front").await, "false");
        assert_eq!(value("Rotate", "value").await, "0");
        assert_eq!(value("Vertical tilt", "value").await, "-1");
        page.click_button("90° right").await;
        assert_eq!(pressed("Top-down").await, "false");
        page.set_slider("Vertical tilt", -1).await;
        assert_eq!(
            pressed("90° right").await,
            "false",
            "a moved slider unpresses it"
        );
        // Close-up and the lens are toggles with their own state.
        assert_eq!(pressed("Close-up").await, "false");
        page.click_button("Close-up").await;
        page.click_button("Wide-angle lens").await;
        assert_eq!(pressed("Close-up").await, "true");
        assert_eq!(pressed("Wide-angle lens").await, "true");
        assert_eq!(value("Rotate", "value").await, "-90");
        assert_eq!(value("Vertical tilt", "value").await, "-1");
        assert_eq!(value("Move forward", "value").await, "10");
        let wide = page
            .by_role("checkbox", "Wide-angle lens")
            .await
            .prop("checked")
            .await
            .unwrap();
        assert_eq!(wide.as_deref(), Some("true"));
        assert!(
            api.requests()
                .iter()
                .all(|r| !r.path.contains("/generate/")),
            "presets never generate"
        );
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let body = api.generate_posts()[0].json();
        assert_eq!(
            (
                body["rotateDegrees"].clone(),
                body["verticalTilt"].clone(),
                body["moveForward"].clone(),
                body["useWideAngle"].clone()
            ),
            (json!(-90), json!(-1), json!(10), json!(true))
        );
        page.click_button("Front").await;
        assert_eq!(value("Rotate", "value").await, "0");
        assert_eq!(value("Vertical tilt", "value").await, "0");
        assert_eq!(
            value("Move forward", "value").await,
            "10",
            "Front keeps the distance"
        );
        page.click_button("Close-up").await;
        assert_eq!(value("Move forward", "value").await, "0");
        assert_eq!(pressed("Close-up").await, "false");
    })
    .await;
}

/// Ctrl+Enter generates from anywhere in the studio, even while typing the prompt.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_enter_generates_from_anywhere() {
    use fantoccini::key::Key;
    let (site, api) = studio_servers(500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("45° left").await;
        let prompt = page.by_role("textbox", "Prompt").await;
        prompt.send_keys("keep the hat").await.expect("type");
        prompt
            .send_keys(&format!("{}{}", Key::Control, Key::Enter))
            .await
            .expect("Ctrl+Enter");
        page.wait_newest_success(1).await;
        let body = api.generate_posts()[0].json();
        assert_eq!(
            (body["rotateDegrees"].clone(), body["prompt"].clone()),
            (json!(45), json!("keep the hat"))
        );
        let prompt_text = prompt.prop("value").await.unwrap().unwrap_or_default();
        assert_eq!(
            prompt_text, "keep the hat",
            "no new line typed into the prompt"
        );
    })
    .await;
}
