//! First open without a key: "Try the demo" runs the whole studio on the simulated backend —
//! upload, a job through the real statuses, a labelled illustration as the result, an angle
//! set — and the page asks nothing of any server but its own files.

use std::time::Duration;

use angleshot_e2e::fixtures::png_rgb;
use angleshot_e2e::{Page, StaticServer, dist_dir, with_browser};

/// Every resource the page asked for that is not its own origin's (nor `data:` / `blob:`).
async fn foreign_requests(page: &Page, origin: &str) -> Vec<String> {
    let urls = page
        .eval("return performance.getEntriesByType('resource').map(e => e.name);")
        .await;
    urls.as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u.as_str())
        .filter(|u| !u.starts_with(origin) && !u.starts_with("data:") && !u.starts_with("blob:"))
        .map(str::to_string)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_works_without_a_key_and_without_the_network() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let origin = site.origin();
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.click_button("Try the demo").await;
        page.wait_text("status", "Demo mode", |t| t.contains("DEMO")).await;
        let image = png_rgb(64, 48, |x, y| [(x * 4) as u8, (y * 5) as u8, 128]);
        page.choose_image("robot.png", &image).await;
        page.wait_uploaded().await;
        page.click_button("45° left").await;
        page.click_button("Generate").await;
        let seen = page
            .wait_list("Jobs", Duration::from_secs(5), |items| items.len() == 1 && (items[0].contains("queued") || items[0].contains("in-progress")))
            .await;
        assert!(seen[0].contains("job_demo"), "{seen:?}");
        page.wait_newest_success(1).await;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let shown = page
                .eval("const i = document.querySelector('img[alt^=\"Result:\"]'); return i && i.complete && i.naturalWidth > 0 ? i.src.slice(0, 5) : null;")
                .await;
            if shown.as_str().is_some_and(|s| s == "blob:") {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the illustration never showed: {shown}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        page.eval("document.querySelector('img[alt^=\"Result:\"]').scrollIntoView({block: 'center'});").await;
        page.screenshot("demo-result").await;

        // An angle set on the demo too.
        page.click_button("Generate angle set").await;
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while page.by_role("status", "Set progress").await.text().await.unwrap_or_default() != "6 of 6 done" {
            assert!(std::time::Instant::now() < deadline, "the demo set did not finish");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        // The 2511 model on the demo too: its body passes the demo's check of the model's
        // inputs, and the camera goes all the way round to the back.
        page.choose("Model", "Qwen Edit Multi-Angle 2511").await;
        let gizmo = page.by_role("slider", "Camera orbit").await;
        gizmo.send_keys(&fantoccini::key::Key::Home.to_string()).await.expect("key");
        for _ in 0..4 {
            gizmo.send_keys(&fantoccini::key::Key::Left.to_string()).await.expect("key");
        }
        page.click_button("Generate").await;
        // The newest list item is the set; the job goes on the stage.
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            let shown = page
                .eval("const i = document.querySelector('img[alt^=\"Result: back view\"]'); return i && i.complete && i.naturalWidth > 0;")
                .await;
            if shown == serde_json::json!(true) {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the demo's back view never showed: {}", page.body_text().await);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(page.wait_text("note", "Model of this job", |t| !t.is_empty()).await, "Qwen Edit Multi-Angle 2511");
        page.screenshot("demo-2511-back-view").await;

        // Nothing but the page's own files went over the network.
        let foreign = foreign_requests(&page, &origin).await;
        assert_eq!(foreign, Vec::<String>::new(), "demo requests left the page");

        page.click_button("Leave demo").await;
        page.by_role("button", "Try the demo").await;
    })
    .await;
}

/// A reload mid-job leaves the demo (it is never remembered): the demo job comes back saying
/// it cannot be watched any more, and nothing asks the real API about it — no request
/// leaves the page, no "could not reach the API", no timer polling forever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_job_stays_in_the_demo_after_a_reload() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let origin = site.origin();
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.click_button("Try the demo").await;
        let image = png_rgb(32, 24, |x, y| [(x * 8) as u8, (y * 9) as u8, 90]);
        page.choose_image("robot.png", &image).await;
        page.wait_uploaded().await;
        page.click_button("45° left").await;
        page.click_button("Generate").await;
        page.wait_list("Jobs", Duration::from_secs(5), |items| {
            items.len() == 1 && items[0].contains("job_demo")
        })
        .await;
        page.client.refresh().await.expect("reload");
        let items = page
            .wait_list("Jobs", Duration::from_secs(10), |items| {
                items.len() == 1 && items[0].contains("cannot be watched any more")
            })
            .await;
        // Long enough for a first poll (1.5 s) and its back-off to have gone out.
        tokio::time::sleep(Duration::from_secs(4)).await;
        let items_after = page
            .wait_list("Jobs", Duration::from_secs(2), |items| items.len() == 1)
            .await;
        assert!(
            !items_after[0].contains("could not reach"),
            "a demo job was polled at the real API: {items_after:?} (was {items:?})"
        );
        let foreign = foreign_requests(&page, &origin).await;
        assert_eq!(
            foreign,
            Vec::<String>::new(),
            "after the reload, requests left the page"
        );
    })
    .await;
}
