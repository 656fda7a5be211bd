//! A long history stays quick: the list renders its newest cards first and the rest as the
//! artist scrolls (or asks with "Show older jobs"), every card of one input shows one shared
//! thumbnail URL, and a reopened history gets its result images back from the device.

use std::time::Duration;

use angleshot_e2e::fixtures::studio_servers;
use angleshot_e2e::{Page, with_browser};

/// More cards than two screens of the 1024×768 test window hold.
const JOBS: usize = 60;
/// `FIRST_ROWS` in `src/components/job_list.rs`.
const FIRST_ROWS: usize = 24;

/// The distinct `src` of the running tiles' input thumbnails.
async fn thumbnail_sources(page: &Page) -> Vec<String> {
    let sources = page
        .eval("return [...new Set([...document.querySelectorAll('[aria-label=\"Jobs\"] img[data-shows=\"input\"]')].map(i => i.getAttribute('src')))];")
        .await;
    sources
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect()
}

/// Waits until all `JOBS` tiles show their result (its bytes are in the page, not only its
/// status read "success").
async fn wait_every_result_shown(page: &Page) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let results = page
            .eval("return [...document.querySelectorAll('[aria-label=\"Jobs\"] img[data-shows=\"result\"]')].length;")
            .await
            .as_u64()
            .unwrap_or(0) as usize;
        if results == JOBS {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{results} of {JOBS} tiles show their result"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Cards rendered once the list has settled, checked against the "Show older jobs" button.
async fn settled_partial_list(page: &Page) -> usize {
    page.wait_list("Jobs", Duration::from_secs(10), |items| {
        items.len() >= FIRST_ROWS
    })
    .await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    let shown = page.list_items("Jobs").await.len();
    assert!(
        (FIRST_ROWS..JOBS).contains(&shown),
        "the first screen, not the whole history: {shown} of {JOBS} cards rendered"
    );
    // Read without scrolling to it (finding by role scrolls, which would show more).
    let button = page
        .eval("const b = [...document.querySelectorAll('button')].find(b => b.textContent.startsWith('Show older jobs')); return b ? b.textContent : null;")
        .await;
    assert_eq!(
        button.as_str(),
        Some(format!("Show older jobs ({})", JOBS - shown).as_str())
    );
    shown
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_history_renders_its_first_screen_then_the_rest_on_scroll() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.fill("Prompt", "many").await;
        page.eval(&format!(
            "const g = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Generate'); for (let i = 0; i < {JOBS}; i++) g.click(); return null;"
        ))
        .await;

        // While they run, every tile shows the input's one shared thumbnail URL.
        page.wait_list("Jobs", Duration::from_secs(10), |items| items.len() >= FIRST_ROWS)
            .await;
        let sources = thumbnail_sources(&page).await;
        assert_eq!(sources.len(), 1, "one thumbnail URL for one input: {sources:?}");
        assert!(sources[0].starts_with("blob:"), "{sources:?}");
        // The newest first; the rest as the end of the list comes near.
        settled_partial_list(&page).await;
        page.scroll_list_until("Jobs", JOBS).await;
        page.wait_list("Jobs", Duration::from_secs(60), |items| {
            items.len() == JOBS && items.iter().all(|c| c.contains("success"))
        })
        .await;
        wait_every_result_shown(&page).await;
        // Each card's record and result bytes are written as they change.
        tokio::time::sleep(Duration::from_millis(1_000)).await;

        // Reopened: the first screen, with results from the device; the rest by the button.
        api.clear_requests();
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        page.eval("window.scrollTo(0, 0); return null;").await;
        let shown = settled_partial_list(&page).await;
        page.wait_list("Jobs", Duration::from_secs(10), |items| {
            items.len() >= shown && items.iter().all(|c| c.contains("success"))
        })
        .await;
        // The button, pressed where it is (scrolling to it would show more by itself).
        page.eval("[...document.querySelectorAll('button')].find(b => b.textContent.startsWith('Show older jobs')).click(); return null;")
            .await;
        page.wait_list("Jobs", Duration::from_secs(5), |items| items.len() > shown)
            .await;
        page.scroll_list_until("Jobs", JOBS).await;
        page.wait_list("Jobs", Duration::from_secs(10), |items| {
            items.len() == JOBS && items.iter().all(|c| c.contains("success"))
        })
        .await;
        // Every tile shows its result, from the device.
        wait_every_result_shown(&page).await;
        let asked: Vec<String> = api
            .requests()
            .iter()
            .filter(|r| r.server == "cdn" || r.path.contains("/assets"))
            .map(|r| format!("{} {}", r.method, r.path))
            .collect();
        assert_eq!(asked, Vec::<String>::new(), "results came from the device");
    })
    .await;
}
