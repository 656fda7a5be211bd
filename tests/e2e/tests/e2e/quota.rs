//! #21 point 2 against the mock: a full storage quota (Chromium's
//! `Storage.overrideQuotaForOrigin`) never loses a result. Past the quota a card is kept
//! without its bytes and says until when its link works, its image still shows; after a
//! reload every record that fit is back; "Free up space" lets new results be kept again.

use std::time::Duration;

use angleshot_e2e::fixtures::{png_rgb, studio_servers};
use angleshot_e2e::with_browser;
use base64::Engine as _;

const NOT_KEPT: &str = "Not kept on this device — the link works until ";

/// Results of about 270 KB each: noise does not compress.
fn large_result() -> String {
    let noise = |x: u32, y: u32| {
        let n =
            (x.wrapping_mul(73_856_093) ^ y.wrapping_mul(19_349_663)).wrapping_mul(2_654_435_761);
        [(n >> 24) as u8, (n >> 16) as u8, (n >> 8) as u8]
    };
    base64::engine::general_purpose::STANDARD.encode(png_rgb(300, 300, noise))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_past_the_quota_are_kept_without_their_bytes_and_free_up_space_makes_room() {
    let (site, api) = studio_servers(600).await;
    api.set_knobs(|k| k.result_png_base64 = Some(large_result()));
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        let usage = page
            .eval("return navigator.storage.estimate().then(e => e.usage)")
            .await
            .as_f64()
            .unwrap_or(0.0);
        // Room for two results and the records, not for four.
        let quota = usage + 700_000.0;
        page.cdp(
            "Storage.overrideQuotaForOrigin",
            serde_json::json!({ "origin": site.origin(), "quotaSize": quota }),
        )
        .await;
        for (done, preset) in ["90° left", "45° left", "45° right", "90° right"]
            .iter()
            .enumerate()
        {
            page.click_button(preset).await;
            page.click_button("Generate").await;
            page.wait_newest_success(done + 1).await;
        }
        page.wait_list("Jobs", Duration::from_secs(20), |items| {
            items.len() == 4 && items.iter().filter(|i| i.contains(NOT_KEPT)).count() >= 1
        })
        .await;
        // Every write refused or done (the last ones may still be under way at first).
        tokio::time::sleep(Duration::from_secs(2)).await;
        let cards = page.list_items("Jobs").await;
        let not_kept = cards.iter().filter(|i| i.contains(NOT_KEPT)).count();
        assert!(
            (1..4).contains(&not_kept),
            "some kept, some not: {cards:#?}"
        );
        let shown = "return document.querySelectorAll('.job-list img[data-shows=result]').length";
        assert_eq!(
            page.eval(shown).await.as_u64(),
            Some(4),
            "every result still shows"
        );
        page.click_button("Top-down").await;
        assert!(
            page.body_text().await.contains("Storage is full"),
            "the history status says why"
        );

        // Reload: every record is back, the kept from the device, the rest from the account.
        page.open(&site.url()).await;
        let after = page
            .wait_list("Jobs", Duration::from_secs(20), |items| {
                items.len() == 4 && items.iter().all(|i| i.contains("success"))
            })
            .await;
        assert_eq!(
            after.iter().filter(|i| i.contains(NOT_KEPT)).count(),
            not_kept,
            "{after:#?}"
        );
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        while page.eval(shown).await.as_u64() != Some(4) {
            assert!(
                std::time::Instant::now() < deadline,
                "the results never all showed again"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        page.click_button("Free up space").await;
        page.click_button("Yes, free up space").await;
        page.wait_text("status", "History status", |t| {
            t.starts_with("Freed the stored images of ")
        })
        .await;
        // A Blob read back from IndexedDB keeps its file until it is collected: collect now
        // rather than wait for the browser to.
        // Under load the browser takes a while to give the space back: wait until a result
        // fits again (collecting each time) before generating one.
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            page.cdp("HeapProfiler.collectGarbage", serde_json::json!({}))
                .await;
            let used = page
                .eval("return navigator.storage.estimate().then(e => e.usage)")
                .await
                .as_f64()
                .unwrap_or(f64::MAX);
            if used + 300_000.0 < quota {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "Free up space never gave the space back: {used} of {quota}"
            );
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        page.click_button("Top-down").await;
        page.click_button("Generate").await;
        page.wait_newest_success(5).await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        let newest = page.list_items("Jobs").await;
        assert!(
            !newest[0].contains("Not kept on this device"),
            "a new result is kept again: {newest:#?}"
        );
        let status = page.wait_text("status", "History status", |_| true).await;
        assert!(!status.contains("Storage is full"), "{status}");
    })
    .await;
}
