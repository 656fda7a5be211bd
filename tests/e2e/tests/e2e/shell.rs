//! The built app in real Chromium against the mock: it mounts, works under a sub-path, and
//! "Test connection" reaches the mock with Basic auth and reports each outcome plainly; the
//! first screen shows (as index.html's static copy) before the wasm has arrived, and its
//! image input already takes a picture then.

use std::time::{Duration, Instant};

use angleshot_e2e::fixtures::{mock, png};
use angleshot_e2e::{Page, ServeOptions, StaticServer, dist_dir, with_browser};
use angleshot_mock::Knobs;
use base64::Engine as _;

async fn connect(page: &Page, base: &str, key: &str, secret: &str) -> String {
    page.fill("API base URL", base).await;
    page.fill("API key", key).await;
    page.fill("API secret", secret).await;
    page.click_button("Test connection").await;
    page.wait_text("status", "Connection status", |t| {
        !t.is_empty() && t != "Testing…"
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_connection_reaches_the_mock_with_basic_auth() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs::default()).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        let report = connect(&page, &api.api_base(), "test-key", "test-secret").await;
        assert_eq!(report, "Connected: Qwen Edit Multi-Angle (9 inputs).");
        let requests: Vec<_> = api
            .requests()
            .into_iter()
            .filter(|r| r.method == "GET")
            .collect();
        assert_eq!(requests.len(), 1, "{requests:?}");
        assert_eq!(requests[0].path, "/v1/models/model_qwen-edit-multiangle");
        let expected = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("test-key:test-secret")
        );
        assert_eq!(requests[0].header("authorization"), Some(expected.as_str()));
        page.screenshot("shell-connected").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dist_works_under_a_sub_path() {
    let site = StaticServer::start(&dist_dir(), "/tools/angleshot/").await;
    let api = mock(Knobs::default()).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        assert!(site.url().ends_with("/tools/angleshot/"));
        let report = connect(&page, &api.api_base(), "test-key", "test-secret").await;
        assert!(report.starts_with("Connected"), "{report}");
        // Nothing was requested from the server's root: every asset URL is relative.
        let root_hits = page.eval("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.startsWith(location.origin) && !n.includes('/tools/angleshot/'))").await;
        assert_eq!(root_hits, serde_json::json!([]));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_key_cors_and_outage_each_get_their_plain_message() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    let api = mock(Knobs::default()).await;
    let no_cors = mock(Knobs {
        cors: false,
        ..Knobs::default()
    })
    .await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        // An empty field is named, and nothing is sent without it.
        let empty = connect(&page, &api.api_base(), "test-key", "").await;
        assert_eq!(empty, "Not tested: the API secret is empty. Enter it in Settings first.");
        assert!(api.requests().is_empty(), "nothing sent");
        let rejected = connect(&page, &api.api_base(), "test-key", "wrong").await;
        assert!(rejected.contains("key or secret rejected"), "{rejected}");

        let blocked = connect(&page, &no_cors.api_base(), "test-key", "test-secret").await;
        assert!(blocked.contains("could not reach the API (often CORS)"), "{blocked}");
        assert!(blocked.contains("proxy base URL"), "{blocked}");

        api.set_knobs(|k| k.faults = vec![angleshot_mock::Fault::next(
            angleshot_mock::FaultKind::Status { status: 403, body: r#"{"name":"ModelAccessRestrictedError","reason":"Upgrade to use this model"}"#.into() },
            "/models/", 1)]);
        let forbidden = connect(&page, &api.api_base(), "test-key", "test-secret").await;
        assert!(forbidden.contains("plan or key scope"), "{forbidden}");
        assert!(forbidden.contains("Upgrade to use this model"), "{forbidden}");
    })
    .await;
}

/// Before the wasm has arrived the page already shows the first screen (index.html's static
/// copy: Generate with its reason), inert but for its image input (below), so nothing finds a
/// control that would not answer; once the app runs, its own screen has replaced the copy and
/// each control is there once. Without JavaScript the page says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_screen_shows_before_the_wasm_and_the_app_replaces_it() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    with_browser(|page| async move {
        // With scripts off the page says what it needs, above the (inert) copy.
        page.cdp(
            "Emulation.setScriptExecutionDisabled",
            serde_json::json!({ "value": true }),
        )
        .await;
        page.client.goto(&site.url()).await.expect("navigate");
        let text = page.body_text().await;
        assert!(
            text.starts_with("Angleshot runs in your browser and needs JavaScript"),
            "{text}"
        );
        page.cdp(
            "Emulation.setScriptExecutionDisabled",
            serde_json::json!({ "value": false }),
        )
        .await;

        page.block_wasm(true).await;
        page.client.goto(&site.url()).await.expect("navigate");
        let before = page
            .eval(
                r#"const copy = document.getElementById('static-first-screen');
                   const generate = copy && [...copy.querySelectorAll('button')].find(b => b.textContent === 'Generate');
                   return { inert: !!generate && !!generate.closest('[inert]'),
                            generateShown: !!generate && generate.getClientRects().length > 0,
                            reason: (document.getElementById('generate-reason') || {}).textContent || null };"#,
            )
            .await;
        assert_eq!(
            before,
            serde_json::json!({ "inert": true, "generateShown": true, "reason": "Add an input image first." }),
            "without the wasm"
        );
        assert!(
            page.try_by_role("button", "Generate").await.is_none(),
            "the copy's Generate is not a control"
        );

        page.block_wasm(false).await;
        page.open(&site.url()).await;
        page.by_role("button", "Generate").await;
        let after = page
            .eval(
                r#"return { copy: !!document.getElementById('static-first-screen'),
                            generates: [...document.querySelectorAll('button')].filter(b => b.textContent === 'Generate').length,
                            headings: [...document.querySelectorAll('h1')].length };"#,
            )
            .await;
        assert_eq!(
            after,
            serde_json::json!({ "copy": false, "generates": 1, "headings": 1 }),
            "with the app running"
        );
    })
    .await;
}

/// The built page's painted copy is the app's first screen exactly as it mounts it now (the
/// build wrote it from the app: `tools/first-screen`), so the swap shows no change. Both are
/// read as Chromium parses them: the page is minified, the mounted screen is not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_built_copy_is_the_first_screen_the_app_mounts() {
    let site = StaticServer::start(&dist_dir(), "/").await;
    with_browser(|page| async move {
        page.block_wasm(true).await;
        page.client.goto(&site.url()).await.expect("navigate");
        let copy = page
            .eval("return document.getElementById('static-first-screen').innerHTML;")
            .await;
        // The early-input script moved `inert` from the wrapper onto all but the image input.
        let copy = copy
            .as_str()
            .unwrap_or_default()
            .replace(" inert=\"\"", "")
            .trim()
            .to_string();
        assert!(
            copy.contains(">Generate<") && copy.contains("Camera orbit"),
            "the built page has a copy: {copy}"
        );
        page.block_wasm(false).await;
        let mounted = angleshot_e2e::first_screen::capture(&page, &site.url()).await;
        assert!(
            copy == mounted.trim(),
            "dist/index.html's copy differs from the mounted first screen (did the build's \
             first-screen hook run?)\ncopy:\n{copy}\nmounted:\n{mounted}"
        );
    })
    .await;
}

/// Starts loading `url` and returns at once, without waiting for the page's load event (which
/// waits for the preloaded wasm); then waits until the new document at `url` has been parsed
/// (not the one it leaves, which may be at the same address).
async fn start_loading(page: &Page, url: &str) {
    page.client
        .execute(
            "window.e2eLeft = true; location.href = arguments[0]; return null;",
            vec![url.into()],
        )
        .await
        .expect("navigate");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let parsed = page
            .client
            .execute(
                "return !window.e2eLeft && location.href === arguments[0] && document.readyState !== 'loading';",
                vec![url.into()],
            )
            .await
            .ok();
        if parsed == Some(serde_json::json!(true)) {
            return;
        }
        assert!(Instant::now() < deadline, "{url} never loaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// How a test hands the page a file, as a person would.
#[derive(Clone, Copy)]
enum Give {
    /// Dragged from the desktop and dropped.
    Drop,
    /// Copied elsewhere and pasted.
    Paste,
}

/// Gives a PNG named `name` to the element `selector` finds; returns whether the page left it
/// to the browser (for a drop: open the file in the app's place) rather than taking it.
async fn give_png(page: &Page, how: Give, selector: &str, name: &str) -> bool {
    let bytes = base64::engine::general_purpose::STANDARD.encode(png());
    let how = match how {
        Give::Drop => "drop",
        Give::Paste => "paste",
    };
    page.client
        .execute(
            r#"const [how, selector, name, b64] = arguments;
               const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
               const data = new DataTransfer();
               data.items.add(new File([bytes], name, { type: 'image/png' }));
               const target = document.querySelector(selector);
               if (how === 'paste') {
                 const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data });
                 target.dispatchEvent(paste);
                 return !paste.defaultPrevented;
               }
               const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
               target.dispatchEvent(over);
               const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
               target.dispatchEvent(drop);
               return !over.defaultPrevented || !drop.defaultPrevented;"#,
            vec![how.into(), selector.into(), name.into(), bytes.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("give {name} to {selector}: {e}"))
        .as_bool()
        .unwrap_or(true)
}

/// While the wasm is still on its way (a slow network), the copy's image input already
/// answers: a picture chosen through its picker, pasted, or dropped on the page, is kept (the
/// copy says so) and becomes the app's input once it runs; the rest of the copy stays inert.
/// Once the app runs, a picture dropped outside the drop zone is its input too, not a page
/// that replaces the app.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_picture_given_before_the_app_runs_is_kept_for_it() {
    let slow = ServeOptions {
        wasm_delay: Duration::from_secs(5),
    };
    let site = StaticServer::start_with(&dist_dir(), "/", slow).await;
    with_browser(|page| async move {
        // Every load a first visit: the wasm neither from the HTTP cache nor the app's worker.
        page.cdp("Network.enable", serde_json::json!({})).await;
        page.cdp(
            "Network.setCacheDisabled",
            serde_json::json!({ "cacheDisabled": true }),
        )
        .await;
        page.cdp(
            "Network.setBypassServiceWorker",
            serde_json::json!({ "bypass": true }),
        )
        .await;
        // Chosen through the copy's picker, as on a tablet.
        start_loading(&page, &site.url()).await;
        assert!(
            page.try_by_role("button", "Generate").await.is_none(),
            "the copy's Generate is no control"
        );
        assert!(
            page.try_by_role("button", "Input image").await.is_some(),
            "the copy's picker answers before the app"
        );
        page.choose_image("early.png", &png()).await;
        // Said in the copy's upload status (a live region), while the copy is still there.
        let kept = page
            .wait_text("status", "Upload status", |t| !t.is_empty())
            .await;
        assert_eq!(
            kept,
            "Kept \u{201c}early.png\u{201d}: it opens as soon as Angleshot has loaded."
        );
        assert_eq!(
            page.eval("return !!document.getElementById('static-first-screen');")
                .await,
            serde_json::json!(true),
            "the app has not started yet"
        );
        page.by_role("button", "Generate").await;
        page.by_role("img", "Input image: early.png").await;

        // Pasted (on the copy: the app has not started).
        start_loading(&page, &site.url()).await;
        assert!(!give_png(&page, Give::Paste, "#static-first-screen", "pasted.png").await);
        page.by_role("button", "Generate").await;
        page.by_role("img", "Input image: pasted.png").await;

        // Dropped anywhere on the copy.
        start_loading(&page, &site.url()).await;
        assert!(
            !give_png(&page, Give::Drop, "#static-first-screen h1", "dropped.png").await,
            "the browser would have opened the dropped file"
        );
        page.by_role("button", "Generate").await;
        page.by_role("img", "Input image: dropped.png").await;

        // The app running: a drop beside the drop zone is taken, the page stays.
        assert!(!give_png(&page, Give::Drop, "h1", "beside.png").await);
        page.by_role("img", "Input image: beside.png").await;
        // And its own drop zone still takes its drops.
        assert!(!give_png(&page, Give::Drop, ".dropzone", "zone.png").await);
        page.by_role("img", "Input image: zone.png").await;
    })
    .await;
}

/// The wasm-bindgen glue in `dist/` opens with V8's explicit compile hint, so Chrome compiles
/// its functions while the file streams in rather than one by one on the main thread while
/// the first screen is built (scripts/compile_hint.py adds it; see
/// docs/decisions/0002-wasm-bindgen-output-as-it-comes.md). The hint works only as the file's
/// first line.
#[test]
fn the_glue_opens_with_the_compile_hint() {
    let glue: Vec<_> = std::fs::read_dir(dist_dir())
        .expect("dist/ is built")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("angleshot-") && name.ends_with(".js")
        })
        .collect();
    assert_eq!(glue.len(), 1, "one glue file in dist/: {glue:?}");
    let js = std::fs::read_to_string(&glue[0]).expect("the glue reads");
    assert!(
        js.starts_with("//# allFunctionsCalledOnLoad\n"),
        "the glue begins {:?}",
        js.chars().take(60).collect::<String>()
    );
}

/// The host's `config.json` ships in `dist/` with the default base, so no visitor's load asks
/// for a file that is not there (a 404 in every console and every host's error log).
#[test]
fn dist_ships_the_hosts_config_json_with_the_default_base() {
    let text = std::fs::read_to_string(dist_dir().join("config.json"))
        .expect("dist/config.json is shipped");
    let config: serde_json::Value = serde_json::from_str(&text).expect("config.json is JSON");
    assert_eq!(
        config["apiBase"], "https://api.cloud.scenario.com/v1",
        "the shipped base is Scenario's own"
    );
}
