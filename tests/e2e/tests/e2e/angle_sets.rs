//! Angle sets against the mock: the limit in flight holds, a 429 burst delays but loses
//! nothing, one failed cell is retried alone, the turntable and compare follow touch and keys,
//! and the ZIP the browser downloads holds the right files and an `angles.json` matching the
//! mock's records. Then memory: twelve 1024×1024 results, and object URLs revoked on removal.

use std::io::Read;
use std::time::{Duration, Instant};

use angleshot_e2e::fixtures::{download_dir, mock, png_rgb, studio_servers, wait_for_file};
use angleshot_e2e::{StaticServer, dist_dir, with_browser};
use angleshot_mock::knobs::{Fault, FaultKind};
use angleshot_mock::{Knobs, MockServer};
use fantoccini::key::Key;
use serde_json::{Value, json};

const JOB_MS: u64 = 1_500;

/// The largest number of the mock's jobs running (created, not yet final) at one moment.
fn most_in_flight_at_the_mock(api: &MockServer) -> usize {
    api.with_store(|store| {
        let spans: Vec<(u64, u64)> = store
            .jobs
            .iter()
            .map(|j| (j.created_ms, j.created_ms + j.duration_ms))
            .collect();
        spans
            .iter()
            .map(|(start, _)| {
                spans
                    .iter()
                    .filter(|(s, e)| s <= start && start < e)
                    .count()
            })
            .max()
            .unwrap_or(0)
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_six_angle_set_under_a_limit_and_429s_retries_one_cell_scrubs_and_zips() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs {
        job_duration_ms: JOB_MS,
        ..Knobs::default()
    })
    .await;
    let downloads = download_dir("zip");
    with_browser(|page| async move {
        page.save_downloads_in(&downloads).await;
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        // A 429 burst on the generate POSTs (with and without Retry-After), and the first job
        // the mock creates fails.
        api.set_knobs(|k| {
            k.fail_next_jobs = 1;
            k.failure_error = "GPU fell over".into();
            k.faults = vec![
                Fault {
                    kind: FaultKind::RateLimit { retry_after_secs: Some(1), remaining_seconds: None },
                    path_contains: Some("/generate/".into()),
                    method: Some("POST".into()),
                    remaining: Some(2),
                    probability: 1.0,
                },
                Fault {
                    kind: FaultKind::RateLimit { retry_after_secs: None, remaining_seconds: None },
                    path_contains: Some("/generate/".into()),
                    method: Some("POST".into()),
                    remaining: Some(1),
                    probability: 1.0,
                },
            ];
        });
        api.clear_requests();
        page.click_button("Generate angle set").await;
        page.wait_set_progress("5 of 6 done · 1 failed").await;

        let posts = api.generate_posts();
        let created: Vec<_> = posts.iter().filter(|r| r.status == 200).collect();
        let limited = posts.iter().filter(|r| r.status == 429).count();
        assert_eq!(limited, 3, "the burst hit the set");
        assert_eq!(created.len(), 6, "each angle created exactly once despite the 429s");
        assert!(most_in_flight_at_the_mock(&api) <= 4, "never more than 4 in flight");

        // The failed cell alone is retried.
        let failed = page
            .eval("return [...document.querySelectorAll('[aria-label=\"Contact sheet\"] > li')].filter(li => [...li.querySelectorAll('button')].some(b => b.textContent.trim() === 'Retry')).map(li => li.getAttribute('aria-label'));")
            .await;
        assert_eq!(failed.as_array().map(Vec::len), Some(1), "one failed cell: {failed}");
        let failed_label = failed[0].as_str().unwrap_or_default().to_string();
        page.click_button(&format!("Retry {failed_label}")).await;
        page.wait_set_progress("6 of 6 done").await;
        assert_eq!(
            api.generate_posts().iter().filter(|r| r.status == 200).count(),
            7,
            "one more job for the retried cell, nothing else"
        );
        assert!(most_in_flight_at_the_mock(&api) <= 4);
        let sheet = page.list_items("Contact sheet").await;
        assert_eq!(sheet.len(), 7, "six results and the original: {sheet:?}");
        assert!(sheet[2].contains("original"), "the original sits at 0°: {sheet:?}");

        // Turntable: starts on the original; keys and a horizontal swipe scrub it, through the
        // eye-level views only (90° right … 90° left; the tilted ones stay on the sheet).
        assert_eq!(page.slider_state("Turntable").await.1, "original (front)");
        let turntable = page.by_role("slider", "Turntable").await;
        turntable.send_keys(&Key::Right.to_string()).await.expect("key");
        assert_eq!(page.slider_state("Turntable").await.1, "45° left");
        turntable.send_keys(&Key::End.to_string()).await.expect("key");
        assert_eq!(page.slider_state("Turntable").await.1, "90° left", "the ring ends at the last orbit view");
        assert_eq!(turntable.attr("aria-valuemax").await.ok().flatten().as_deref(), Some("4"), "five views on the ring");
        let (x, y) = page.centre_of(&turntable).await;
        page.touch_drag((x, y), (x - 130.0, y)).await;
        assert_eq!(page.slider_state("Turntable").await.1, "45° right", "3 frames back");
        // It plays in a loop and pauses.
        page.click_button("Play turntable").await;
        tokio::time::sleep(Duration::from_millis(1300)).await;
        page.click_button("Pause turntable").await;
        let after_play = page.slider_state("Turntable").await.1;
        assert_ne!(after_play, "45° right", "playing turned it");
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(page.slider_state("Turntable").await.1, after_play, "paused");
        page.by_role("button", "Play turntable").await;
        assert!(page.body_text().await.contains("Drag to turn"));
        turntable.send_keys(&Key::Home.to_string()).await.expect("key");
        for _ in 0..3 {
            turntable.send_keys(&Key::Right.to_string()).await.expect("key");
        }
        assert_eq!(page.slider_state("Turntable").await.1, "45° left");

        // Compare: keys step the split, a drag to the left edge shows only the result.
        let compare = page.by_role("slider", "Compare").await;
        assert_eq!(page.slider_state("Compare").await.0, "50");
        compare.send_keys(&Key::Left.to_string()).await.expect("key");
        assert_eq!(page.slider_state("Compare").await.0, "45");
        let (cx, cy) = page.centre_of(&compare).await;
        page.touch_drag((cx, cy), (cx - 2000.0_f64.min(cx - 1.0), cy)).await;
        let (split, text) = page.slider_state("Compare").await;
        assert!(split.parse::<f64>().unwrap_or(99.0) <= 2.0, "split {split}");
        assert!(text.ends_with("45° left"), "compares with the turntable's frame: {text}");

        // The ZIP, from the browser's own download.
        page.click_button("Download set (ZIP)").await;
        let path = wait_for_file(&downloads, "chair_angle-set.zip");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let bytes = std::fs::read(&path).expect("zip");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("test-secret") && !text.contains("test-key"), "no secrets in the ZIP");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
        let names: Vec<String> = zip.file_names().map(str::to_string).collect();
        assert_eq!(
            names,
            [
                "chair_01_90-right.png", "chair_02_45-right.png", "chair_03_front.png",
                "chair_04_45-left.png", "chair_05_90-left.png", "chair_06_top-down.png",
                "chair_07_low-angle.png", "angles.json"
            ],
            "in orbit order, with the source's name and no +"
        );
        let mut json = String::new();
        zip.by_name("angles.json").expect("sidecar").read_to_string(&mut json).expect("utf-8");
        let manifest: Value = serde_json::from_str(&json).expect("angles.json parses");
        let files = manifest["files"].as_array().expect("files");
        assert_eq!(files.len(), 7);
        api.with_store(|store| {
            for entry in files.iter().filter(|f| f["role"] == "result") {
                let job = store
                    .jobs
                    .iter()
                    .find(|j| Some(j.id.as_str()) == entry["jobId"].as_str())
                    .unwrap_or_else(|| panic!("{} is not a mock job", entry["jobId"]));
                assert_eq!(entry["parameters"], job.input, "parameters as the mock received them");
                assert_eq!(entry["resultAssetIds"], json!(job.result_asset_ids));
                assert!(job.failure.is_none(), "only successful jobs are exported");
                let stem = entry["file"].as_str().unwrap_or_default();
                let rotate = job.input["rotateDegrees"].as_i64().unwrap_or(99);
                let tilt = job.input["verticalTilt"].as_i64().unwrap_or(99);
                let expected = angleshot::domain::profile::multiangle::set_file_label(rotate as i32, tilt as i32);
                assert!(stem.ends_with(&format!("_{expected}.png")), "{stem} names {expected}");
            }
        });
        let original = files.iter().find(|f| f["role"] == "original").expect("original");
        assert_eq!(original["file"], "chair_03_front.png");
        // Each image's pixel size (the mock's results are the 2×2 input).
        for entry in files {
            assert_eq!((&entry["width"], &entry["height"]), (&json!(2), &json!(2)), "{entry}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twelve_results_at_1024_keep_the_heap_small_and_removal_revokes_their_urls() {
    let (site, api) = studio_servers(600).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        let image = png_rgb(1024, 1024, |x, y| [(x / 4) as u8, (y / 4) as u8, ((x ^ y) & 0xFF) as u8]);
        page.choose_image("statue.png", &image).await;
        page.wait_uploaded().await;
        page.click_button("Angle set: 6 angles").await;
        // Tick every offered angle but one: twelve.
        for label in ["front", "45° right · top-down", "45° left · top-down", "90° right · top-down",
                      "90° left · top-down", "45° right · low angle"] {
            page.by_role("checkbox", label).await.click().await.expect("tick");
        }
        page.wait_text("button", "Angle set: 12 angles", |_| true).await;
        let limit = page.by_role("spinbutton", "Jobs at once").await;
        limit.clear().await.expect("clear");
        limit.send_keys("6").await.expect("type");
        page.click_button("Generate angle set").await;
        page.wait_set_progress("12 of 12 done").await;
        // A cell shows its image once the result's bytes are in (a moment after "done").
        let deadline = Instant::now() + Duration::from_secs(15);
        let urls = loop {
            let urls = page
                .eval("return [...document.querySelectorAll('[aria-label=\"Contact sheet\"] img')].map(i => i.src).filter(s => s.startsWith('blob:'));")
                .await;
            if urls.as_array().map(Vec::len) == Some(12) || Instant::now() > deadline {
                break urls;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        assert_eq!(urls.as_array().map(Vec::len), Some(12), "{urls}");
        page.cdp("HeapProfiler.collectGarbage", json!({})).await;
        let heap = page.cdp("Runtime.getHeapUsage", json!({})).await;
        let used_mb = heap["usedSize"].as_f64().unwrap_or(f64::NAN) / 1024.0 / 1024.0;
        println!("JS heap with twelve 1024×1024 results shown: {used_mb:.2} MB");
        assert!(used_mb < 30.0, "JS heap {used_mb:.1} MB");

        page.click_button("Remove set").await;
        let readable = page
            .client
            .execute_async(
                "const [urls, done] = arguments; Promise.all(urls.map(u => fetch(u).then(() => true, () => false))).then(done);",
                vec![urls.clone()],
            )
            .await
            .expect("fetch old URLs");
        assert_eq!(readable, json!(vec![false; 12]), "every object URL revoked");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chaining_ninety_twice_reads_one_eighty_and_reuses_the_asset() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("90° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        page.click_button("Use as input").await;
        // The result is the new input, in view and announced; the camera starts again at front.
        let said = page
            .wait_text("status", "Upload status", |t| t.starts_with("Now the input"))
            .await;
        assert!(said.contains("90° left from the original"), "{said}");
        // Measured before anything else is looked up (finding by role scrolls to it).
        let place = page
            .eval("return [document.getElementById('input-panel').getBoundingClientRect().top, innerHeight];")
            .await;
        let (top, height) = (place[0].as_f64().unwrap_or(-1.0), place[1].as_f64().unwrap_or(0.0));
        assert!(
            top >= 0.0 && top < height / 2.0,
            "the input panel is in view: its top at {top} of {height}"
        );
        let gizmo = page.by_role("slider", "Camera orbit").await;
        assert_eq!(
            gizmo.attr("aria-valuetext").await.unwrap().as_deref(),
            Some("front, eye level, full view")
        );
        page.click_button("90° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(2).await;
        let cards = page.list_items("Jobs").await;
        assert!(
            cards[0].contains("180° (back) from the original"),
            "{cards:?}"
        );
        let posts = api.generate_posts();
        let first_result = api.with_store(|s| s.jobs[0].result_asset_ids[0].clone());
        assert_eq!(
            posts[1].json()["image"],
            first_result.as_str(),
            "the result's asset, not a re-upload"
        );
        let uploads = api
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/assets"))
            .count();
        assert_eq!(uploads, 1);
    })
    .await;
}

/// Every cell of a finished set has Download and Use as input, and the cell on the turntable
/// is marked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_cell_can_be_downloaded_or_used_and_the_shown_one_is_marked() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("Generate angle set").await;
        page.wait_set_progress("6 of 6 done").await;
        let current = |name: &'static str| {
            let page = page.clone();
            async move { page.attribute("listitem", name, "aria-current").await }
        };
        assert_eq!(current("original (front)").await.as_deref(), Some("true"), "starts on the original");
        page.click_button("Show 45° left").await;
        assert_eq!(current("45° left").await.as_deref(), Some("true"));
        assert_eq!(current("original (front)").await, None);
        page.eval("window.__downloads = []; HTMLAnchorElement.prototype.click = function () { window.__downloads.push(this.download); };").await;
        page.click_button("Download 45° left").await;
        let downloads = page.eval("return window.__downloads;").await;
        assert_eq!(downloads, json!(["chair_rot+45_fwd0_tilt0.png"]));
        page.click_button("Use 90° right as input").await;
        let said = page
            .wait_text("status", "Upload status", |t| t.starts_with("Now the input"))
            .await;
        assert!(said.contains("90° right from the original"), "{said}");
    })
    .await;
}
