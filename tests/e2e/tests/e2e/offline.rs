//! Installable and offline: a manifest with the icons browsers ask for, and a service worker
//! that keeps the app shell, so with the static server down a reload still shows the studio,
//! which then says the API cannot be reached. API requests are never in its cache, and a new
//! build's service worker replaces the cached shell.

use std::time::{Duration, Instant};

use angleshot_e2e::fixtures::studio_servers;
use angleshot_e2e::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shell_reopens_offline_and_the_api_is_never_cached() {
    let (site, api) = studio_servers(300).await;
    let url = site.url();
    with_browser(|page| async move {
        page.open(&url).await;
        let manifest = page
            .client
            .execute_async(
                "const done = arguments[0]; fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(done, e => done(String(e)));",
                vec![],
            )
            .await
            .expect("manifest");
        assert_eq!(manifest["display"], "standalone", "{manifest}");
        let sizes: Vec<&str> = manifest["icons"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["sizes"].as_str())
            .collect();
        assert!(sizes.contains(&"192x192") && sizes.contains(&"512x512"), "{manifest}");

        // Wait until the service worker controls the page (it claims it once active).
        let deadline = Instant::now() + Duration::from_secs(15);
        while page.eval("return !!navigator.serviceWorker.controller;").await != true {
            assert!(Instant::now() < deadline, "no service worker took control");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        page.ready_with_image(&api).await;
        page.fill("Prompt", "before going offline").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let cached = page
            .client
            .execute_async(
                "const done = arguments[0]; (async () => { const out = []; for (const k of await caches.keys()) { const c = await caches.open(k); for (const r of await c.keys()) out.push(r.url); } return out; })().then(done, e => done([String(e)]));",
                vec![],
            )
            .await
            .expect("cache listing");
        let cached: Vec<String> = cached
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert!(cached.iter().any(|u| u.ends_with(".wasm")), "the shell is cached: {cached:?}");
        assert!(
            cached.iter().all(|u| u.starts_with(&url) && !u.contains("/v1/")),
            "only the shell, never the API or CDN: {cached:?}"
        );

        // The host and the API go away; the studio still opens and says what is wrong.
        drop(site);
        drop(api);
        tokio::time::sleep(Duration::from_millis(300)).await;
        page.client.refresh().await.expect("reload offline");
        page.wait_for_role("heading", "Angleshot").await;
        assert_eq!(
            page.list_items("Jobs").await.len(),
            1,
            "the history is there offline too"
        );
        page.click_button("Test connection").await;
        page.wait_text("status", "Connection status", |t| t.contains("could not reach the API"))
            .await;
    })
    .await;
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("copy target");
    for entry in std::fs::read_dir(from).expect("dist").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

async fn cache_names(page: &angleshot_e2e::Page) -> Vec<String> {
    page.client
        .execute_async(
            "const done = arguments[0]; caches.keys().then(done, () => done([]));",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_build_replaces_the_cached_shell() {
    let copy = std::env::temp_dir().join(format!("angleshot-dist-copy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(&angleshot_e2e::dist_dir(), &copy);
    let site = angleshot_e2e::StaticServer::start(&copy, "/").await;
    let sw_path = copy.join("sw.js");
    with_browser(|page| async move {
        page.open(&site.url()).await;
        let deadline = Instant::now() + Duration::from_secs(15);
        let first = loop {
            let names = cache_names(&page).await;
            if names.len() == 1 {
                break names[0].clone();
            }
            assert!(Instant::now() < deadline, "no shell cache: {names:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        // "Deploy" a new build: its sw.js names another cache version.
        let sw = std::fs::read_to_string(&sw_path).expect("sw.js");
        let old_version = first.trim_start_matches("angleshot-shell-");
        std::fs::write(&sw_path, sw.replace(old_version, "0000000000new001")).expect("new sw.js");
        page.client.refresh().await.expect("reload");
        page.wait_for_role("heading", "Angleshot").await;
        page.eval("navigator.serviceWorker.getRegistration().then(r => r && r.update());")
            .await;
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let names = cache_names(&page).await;
            if names == ["angleshot-shell-0000000000new001"] {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the old shell was not replaced: {names:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await;
    let _ = std::fs::remove_dir_all(&copy);
}
