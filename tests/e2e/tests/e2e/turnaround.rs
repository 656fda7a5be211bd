//! #20 against the mock: the 2511 model beside the seed's. A turnaround is priced by dry runs,
//! then sent as eight jobs with exactly the 2511's fields and one seed; its set goes round by
//! azimuth and plays round; its sprite sheet and atlas download at the grid's size and sit in
//! its ZIP; a 2-output job shows both takes; each card names its model after a reload.

use std::io::Read;
use std::time::{Duration, Instant};

use angleshot::domain::profile::{multiangle, multiangle_2511};
use angleshot_e2e::fixtures::{download_dir, png_rgb, studio_servers, wait_for_file};
use angleshot_e2e::pixels::decode_png;
use angleshot_e2e::{Page, with_browser};
use fantoccini::key::Key;
use serde_json::{Value, json};

const MODEL_2511: &str = "Qwen Edit Multi-Angle 2511";

/// How many pictures in the "Takes" list have loaded.
async fn takes_shown(page: &Page) -> usize {
    page.eval("return [...document.querySelectorAll('ul[aria-label=\"Takes\"] img')].filter(i => i.complete && i.naturalWidth > 0).length;")
        .await
        .as_u64()
        .unwrap_or(0) as usize
}

async fn wait_takes(page: &Page, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while takes_shown(page).await != count {
        assert!(
            Instant::now() < deadline,
            "{} takes shown, wanted {count}",
            takes_shown(page).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_2511_turnaround_its_sprite_sheet_two_takes_and_models_after_a_reload() {
    let (site, api) = studio_servers(300).await;
    let downloads = download_dir("turnaround");
    with_browser(|page| async move {
        page.save_downloads_in(&downloads).await;
        page.open(&site.url()).await;
        page.fill_settings(&api).await;
        page.choose_image("hero.png", &png_rgb(64, 48, |x, y| [(x * 4) as u8, (y * 5) as u8, 90])).await;
        page.wait_uploaded().await;

        // A seed-model job first, to find its model after the reload.
        page.click_button("45° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;

        // The 2511 panel, by its names.
        page.choose("Model", MODEL_2511).await;
        for (role, name) in [("slider", "Horizontal angle"), ("slider", "Vertical angle"), ("slider", "Zoom"), ("spinbutton", "Outputs"), ("textbox", "Seed")] {
            page.by_role(role, name).await;
        }
        page.eval("document.querySelectorAll('details.more').forEach(d => d.open = true);").await;
        for (role, name) in [("spinbutton", "LoRA scale"), ("spinbutton", "Steps"), ("spinbutton", "Guidance"), ("combobox", "Acceleration")] {
            page.by_role(role, name).await;
        }
        // The whole ring is live: ← four times from the front is behind, in the LoRA's words.
        let gizmo = page.by_role("slider", "Camera orbit").await;
        assert_eq!(page.eval("return document.querySelector('.out-of-reach-label') === null;").await, json!(true), "no part of the ring out of reach");
        assert_eq!(page.eval("return document.querySelectorAll('svg.gizmo circle.orbit.middle').length;").await, json!(1), "a third ring: the medium shot");
        gizmo.send_keys(&Key::Home.to_string()).await.expect("key");
        for _ in 0..4 {
            gizmo.send_keys(&Key::Left.to_string()).await.expect("key");
        }
        assert_eq!(gizmo.attr("aria-valuenow").await.ok().flatten().as_deref(), Some("180"));
        assert_eq!(page.attribute("slider", "Horizontal angle", "aria-valuetext").await.as_deref(), Some("180° — back view"));
        gizmo.send_keys(&Key::Home.to_string()).await.expect("key");

        // A priced turnaround, confirmed.
        page.fill("Seed", "1234").await;
        api.clear_requests();
        page.click_button("Generate turnaround").await;
        let cost = page.wait_text("status", "Turnaround cost", |t| t.starts_with("Estimated cost")).await;
        assert_eq!(cost, "Estimated cost: 8 jobs, 40 compute units.");
        assert!(api.generate_posts().is_empty(), "nothing runs before the artist confirms");
        let dry_runs = api.requests().into_iter().filter(|r| r.method == "POST" && r.query.contains("dryRun=true")).count();
        assert_eq!(dry_runs, 8, "one dry run per job");
        page.click_button("Confirm turnaround").await;
        page.wait_set_progress("8 of 8 done").await;

        let posts = api.generate_posts();
        assert_eq!(posts.len(), 8);
        let bodies: Vec<Value> = posts
            .iter()
            .map(|r| {
                assert!(r.path.ends_with("/generate/custom/model_qwen-edit-multiangle-2511"), "{}", r.path);
                assert_eq!(r.status, 200, "the mock took the body: {}", r.body);
                serde_json::from_str(&r.body).expect("a JSON body")
            })
            .collect();
        let mut angles: Vec<i64> = bodies.iter().map(|b| b["horizontalAngle"].as_i64().expect("an integer angle")).collect();
        angles.sort();
        assert_eq!(angles, [0, 45, 90, 135, 180, 225, 270, 315]);
        for body in &bodies {
            assert_eq!(body["seed"], 1234, "one seed for all: {body}");
            assert_eq!(body["images"].as_array().map(Vec::len), Some(1), "images is a one-element array: {body}");
            assert!(body["images"][0].as_str().is_some_and(|id| id.starts_with("asset")), "{body}");
            assert_eq!((&body["verticalAngle"], &body["zoom"]), (&bodies[0]["verticalAngle"], &bodies[0]["zoom"]));
            assert!(body["verticalAngle"].is_i64() && body["zoom"].is_i64(), "{body}");
            // Fields only the seed model has: never in a 2511 body.
            let seed_only = multiangle::INPUTS.iter().filter(|f| !multiangle_2511::INPUTS.contains(f));
            for field in seed_only {
                assert!(body.get(field).is_none(), "no seed-model {field}: {body}");
            }
        }
        let (elevation, zoom) = (bodies[0]["verticalAngle"].as_i64().unwrap_or(0), bodies[0]["zoom"].as_i64().unwrap_or(0));

        // The contact sheet goes round by azimuth; the turntable plays round.
        let sheet = page.eval("return [...document.querySelectorAll('[aria-label=\"Contact sheet\"] > li')].map(li => li.getAttribute('aria-label'));").await;
        assert_eq!(
            sheet,
            json!(["original (front view)", "front view", "front-right quarter view", "right side view", "back-right quarter view", "back view", "back-left quarter view", "left side view", "front-left quarter view"]),
        );
        let turn = page.by_role("slider", "Turntable").await;
        turn.send_keys(&Key::End.to_string()).await.expect("key");
        assert_eq!(page.slider_state("Turntable").await, ("8".to_string(), "front-left quarter view".to_string()));
        page.click_button("Play turntable").await;
        tokio::time::sleep(Duration::from_millis(700)).await;
        page.click_button("Pause turntable").await;
        let (place, _) = page.slider_state("Turntable").await;
        assert!(place == "0" || place == "1", "past the last frame it goes on to the first, not back: {place}");
        assert!(page.body_text().await.contains("seed 1234"), "the set shows its seed");

        // The sprite sheet at 4×2, and its atlas.
        page.choose("Sheet layout", "4×2").await;
        page.click_button("Download sprite sheet").await;
        let png = std::fs::read(wait_for_file(&downloads, "hero_sheet_4x2.png")).expect("sheet");
        let sheet = decode_png(&png).expect("a PNG");
        assert_eq!((sheet.width, sheet.height), (4 * 64, 2 * 48), "eight 64×48 cells in 4×2");
        let atlas: Value = serde_json::from_slice(&std::fs::read(wait_for_file(&downloads, "hero_sheet_4x2.json")).expect("atlas")).expect("JSON");
        assert_eq!(atlas["meta"]["size"], json!({ "w": 256, "h": 96 }));
        assert_eq!(atlas["meta"]["image"], "hero_sheet_4x2.png");
        let frames = atlas["frames"].as_object().expect("frames");
        assert_eq!(frames.len(), 8);
        let back = format!("az180_el{elevation:+}_zoom{zoom}.png");
        assert_eq!(frames[&back]["frame"], json!({ "x": 0, "y": 48, "w": 64, "h": 48 }), "{back} starts the second row: {atlas}");

        // The set's ZIP holds the sheet too, and every entry names the 2511 model.
        page.click_button("Download set (ZIP)").await;
        let zip_bytes = std::fs::read(wait_for_file(&downloads, "hero_turnaround.zip")).expect("zip");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).expect("a ZIP");
        let names: Vec<String> = zip.file_names().map(str::to_string).collect();
        assert!(names.contains(&"hero_sheet_4x2.png".to_string()) && names.contains(&"hero_sheet_4x2.json".to_string()), "{names:?}");
        assert!(names.contains(&format!("hero_06_{}", back)), "frames named by pose: {names:?}");
        let mut manifest = String::new();
        zip.by_name("angles.json").expect("sidecar").read_to_string(&mut manifest).expect("utf-8");
        let manifest: Value = serde_json::from_str(&manifest).expect("angles.json");
        assert_eq!(manifest["model"], "model_qwen-edit-multiangle-2511");
        for entry in manifest["files"].as_array().expect("files").iter().filter(|f| f["role"] == "result") {
            assert_eq!(entry["model"], "model_qwen-edit-multiangle-2511");
            assert_eq!(entry["parameters"]["seed"], 1234);
        }

        // Two takes of one camera.
        page.fill_number("Outputs", "2").await;
        api.clear_requests();
        page.click_button("Generate").await;
        wait_takes(&page, 2).await;
        let posts = api.generate_posts();
        let body: Value = serde_json::from_str(&posts[0].body).expect("JSON");
        assert_eq!(body["numOutputs"], 2, "{body}");
        page.by_role("button", "Download take 2").await;
        // Use as input keeps the model: the next job is the 2511's, on that take's asset.
        let take_2 = api
            .with_store(|s| s.jobs.last().and_then(|j| j.result_asset_ids.get(1).cloned()))
            .expect("a second take at the mock");
        page.click_button("Use take 2 as input").await;
        page.wait_text("status", "Upload status", |t| t.starts_with("Now the input")).await;
        let chosen = page.by_role("combobox", "Model").await.prop("value").await.ok().flatten();
        assert_eq!(chosen.as_deref(), Some("model_qwen-edit-multiangle-2511"), "Use as input keeps the model");
        api.clear_requests();
        page.click_button("45° right").await;
        page.click_button("Generate").await;
        wait_takes(&page, 2).await;
        let posts = api.generate_posts();
        assert!(posts[0].path.ends_with("model_qwen-edit-multiangle-2511"), "{}", posts[0].path);
        let body: Value = serde_json::from_str(&posts[0].body).expect("JSON");
        assert_eq!(body["images"], json!([take_2]), "chained from the take, no upload: {body}");

        // After a reload each card names its model; the later take is fetched again.
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        let model_of_stage = |page: Page| async move {
            page.wait_text("note", "Model of this job", |t| !t.is_empty()).await
        };
        wait_takes(&page, 2).await;
        assert_eq!(model_of_stage(page.clone()).await, MODEL_2511);
        page.eval("const picks = document.querySelectorAll('ul[aria-label=\"Jobs\"] button[data-pick]'); picks[picks.length - 1].click();").await;
        let deadline = Instant::now() + Duration::from_secs(5);
        while model_of_stage(page.clone()).await != "Qwen Edit Multi-Angle" {
            assert!(Instant::now() < deadline, "the oldest (seed-model) job never showed its model");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
}

/// Bad input from the API: a description without an input the profile sends is named in
/// the panel (the profile's defaults stay), and a job that sends back fewer takes than
/// asked says so and keeps what came.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_description_missing_an_input_and_a_job_short_of_takes_are_said() {
    let (site, api) = studio_servers(300).await;
    let mut inputs =
        angleshot_mock::models::MockModel::Multiangle2511.description()["inputs"].clone();
    if let Some(list) = inputs.as_array_mut() {
        list.retain(|input| input["name"] != "zoom");
    }
    api.set_knobs(|k| {
        k.model_inputs = Some(inputs);
        k.max_outputs = Some(1);
    });
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.choose("Model", MODEL_2511).await;
        let note = page
            .wait_text("status", "Model notes", |t| !t.is_empty())
            .await;
        assert_eq!(
            note,
            "The model's description does not list zoom: the profile's defaults are used."
        );
        page.by_role("slider", "Zoom").await;
        page.fill_number("Outputs", "2").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while !page
            .body_text()
            .await
            .contains("1 of 2 takes came back; the model sent no more.")
        {
            assert!(
                Instant::now() < deadline,
                "the card never said it was short of takes: {}",
                page.body_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        wait_takes(&page, 1).await;
    })
    .await;
}
