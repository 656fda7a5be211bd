//! Component tests in headless Chromium (wasm-bindgen-test): the shell mounts with its
//! labelled controls, index.html's static copy of the first screen is that screen as mounted,
//! and "Test connection" reports failures without panicking; 200 cards removed or cleared
//! leave none of their reactive nodes behind. Also what only the browser build does: JSON
//! read in the wasm as serde_json reads it.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use angleshot::app::App;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts the app into a fresh container and returns it with the handle that keeps it alive.
/// Starts from a clean device (no remembered settings), as a first visit would.
fn mount_now() -> (HtmlElement, impl Drop) {
    if let Some(window) = web_sys::window() {
        for storage in [window.local_storage(), window.session_storage()]
            .into_iter()
            .flatten()
            .flatten()
        {
            let _ = storage.clear();
        }
    }
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    (container, handle)
}

/// [`mount_now`], then waits until what is below the first screen (Settings among it) has
/// been built after the first paint.
async fn mount() -> (HtmlElement, impl Drop) {
    let (root, handle) = mount_now();
    wait_for_settings(&root).await;
    (root, handle)
}

fn has_settings(root: &HtmlElement) -> bool {
    root.query_selector("[aria-label=\"Connection status\"]")
        .ok()
        .flatten()
        .is_some()
}

/// Waits up to 3 s for Settings (built after the first paint); whether it came.
async fn wait_for_settings(root: &HtmlElement) -> bool {
    for _ in 0..300 {
        if has_settings(root) {
            return true;
        }
        TimeoutFuture::new(10).await;
    }
    has_settings(root)
}

/// The input whose `<label>` reads `text`.
fn input_labelled(root: &HtmlElement, text: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let label: HtmlElement = labels.item(i).unwrap().unchecked_into();
        if label.text_content().unwrap_or_default().trim() == text {
            let id = label.get_attribute("for").expect("label has for=");
            return root
                .query_selector(&format!("#{id}"))
                .unwrap()
                .expect("labelled input exists")
                .unchecked_into();
        }
    }
    panic!("no label {text:?}");
}

fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?}"))
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

async fn status_text(root: &HtmlElement, wait: Duration) -> String {
    let status = root
        .query_selector("[aria-label=\"Connection status\"]")
        .unwrap()
        .expect("a status region");
    let mut waited = 0;
    loop {
        let text = status.text_content().unwrap_or_default();
        if (!text.is_empty() && text != "Testing…") || waited >= wait.as_millis() as u32 {
            return text;
        }
        TimeoutFuture::new(50).await;
        waited += 50;
    }
}

#[wasm_bindgen_test]
async fn shell_shows_labelled_settings_with_the_default_base() {
    let (root, _handle) = mount().await;
    TimeoutFuture::new(0).await; // let the first render effects run
    assert_eq!(
        input_labelled(&root, "API base URL").value(),
        "https://api.cloud.scenario.com/v1"
    );
    assert_eq!(input_labelled(&root, "API key").type_(), "password");
    assert_eq!(input_labelled(&root, "API secret").type_(), "password");
    button(&root, "Test connection");
    assert_eq!(
        root.query_selector("[aria-label=\"Connection status\"]")
            .unwrap()
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("Connection status")
    );
}

#[wasm_bindgen_test]
async fn the_first_screen_comes_at_once_and_the_rest_after_its_paint() {
    let (root, _handle) = mount_now();
    // At once: the image input, the gizmo and Generate.
    button(&root, "Generate");
    assert!(
        root.query_selector("[role=slider][aria-label=\"Camera orbit\"]")
            .unwrap()
            .is_some()
    );
    assert!(
        !has_settings(&root),
        "Settings is below the first screen: built after the first paint"
    );
    assert!(wait_for_settings(&root).await, "Settings never came");
    // Everything below the first screen came with it.
    input_labelled(&root, "Vertical tilt");
    input_labelled(&root, "Prompt");
    input_labelled(&root, "Aspect ratio");
    button(&root, "Test connection");
}

/// How many times the page has fetched `config.json` since [`count_config_fetches`].
fn config_fetches() -> f64 {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__configFetches".into()).ok())
        .and_then(|n| n.as_f64())
        .unwrap_or(f64::NAN)
}

/// Wraps `window.fetch` (once per page) to count requests for `config.json` from now on.
fn count_config_fetches() {
    let install = js_sys::Function::new_no_args(
        "window.__configFetches = 0;
         if (!window.__fetchBeforeCount) {
           window.__fetchBeforeCount = window.fetch;
           window.fetch = function (input, init) {
             const url = typeof input === 'string' ? input : input.url;
             if (String(url).endsWith('config.json')) window.__configFetches++;
             return window.__fetchBeforeCount.call(this, input, init);
           };
         }",
    );
    install.call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

#[wasm_bindgen_test]
async fn startup_io_waits_for_the_first_paint() {
    count_config_fetches();
    let (root, _handle) = mount_now();
    // Let every task the mount spawned take its first step (they run as microtasks).
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::from(0)))
        .await
        .unwrap();
    TimeoutFuture::new(0).await;
    assert_eq!(
        config_fetches(),
        0.0,
        "config.json was fetched before the first screen was painted"
    );
    assert!(wait_for_settings(&root).await, "Settings never came");
    for _ in 0..100 {
        if config_fetches() >= 1.0 {
            break;
        }
        TimeoutFuture::new(10).await;
    }
    assert_eq!(config_fetches(), 1.0, "config.json once, after the paint");
}

#[wasm_bindgen_test]
async fn an_empty_base_url_is_reported_not_sent() {
    let (root, _handle) = mount().await;
    type_into(&input_labelled(&root, "API base URL"), "  ");
    button(&root, "Test connection").click();
    let text = status_text(&root, Duration::from_secs(5)).await;
    assert!(text.contains("the API base URL is empty"), "{text}");
}

#[wasm_bindgen_test]
async fn an_unreachable_api_gets_the_cors_or_network_advice() {
    let (root, _handle) = mount().await;
    // Port 9 (discard) on loopback: nothing listens, the fetch fails with no status.
    type_into(
        &input_labelled(&root, "API base URL"),
        "http://127.0.0.1:9/v1",
    );
    type_into(&input_labelled(&root, "API key"), "k");
    type_into(&input_labelled(&root, "API secret"), "s");
    button(&root, "Test connection").click();
    let text = status_text(&root, Duration::from_secs(10)).await;
    assert!(text.contains("could not reach the API"), "{text}");
    assert!(text.contains("proxy base URL"), "{text}");
}

#[wasm_bindgen_test]
async fn a_plain_http_base_is_refused_with_a_warning() {
    let (root, _handle) = mount().await;
    type_into(
        &input_labelled(&root, "API base URL"),
        "http://api.example.com/v1",
    );
    TimeoutFuture::new(0).await;
    let warning = root
        .query_selector("[aria-label=\"API base warning\"]")
        .unwrap()
        .expect("warning element")
        .text_content()
        .unwrap_or_default();
    assert!(warning.contains("unencrypted"), "{warning}");
    type_into(&input_labelled(&root, "API key"), "k");
    type_into(&input_labelled(&root, "API secret"), "s");
    button(&root, "Test connection").click();
    let text = status_text(&root, Duration::from_secs(5)).await;
    assert!(text.contains("unencrypted"), "refused, not sent: {text}");
}

#[wasm_bindgen_test]
fn the_panic_banner_says_something_broke_and_shows_the_message_as_text() {
    angleshot::platform::panic_banner::show("boom <img src=x onerror=alert(1)>");
    let banner = document()
        .get_element_by_id("panic-banner")
        .expect("banner shown");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("Something broke — reload"), "{text}");
    assert!(
        text.contains("boom <img src=x onerror=alert(1)>"),
        "the message, as text: {text}"
    );
    assert!(
        banner.query_selector("img").unwrap().is_none(),
        "never parsed as HTML"
    );
    let reload = banner
        .query_selector("button")
        .unwrap()
        .expect("a Reload button");
    assert_eq!(reload.text_content().as_deref(), Some("Reload"));
    // Shown once, however many panics follow.
    angleshot::platform::panic_banner::show("second");
    assert_eq!(
        document()
            .query_selector_all("#panic-banner")
            .unwrap()
            .length(),
        1
    );
    banner.remove();
}

/// In the browser the JSON reader hands numbers with a fraction or exponent to `parseFloat`:
/// it must still read every kind of JSON exactly as serde_json does, and refuse what
/// serde_json refuses.
#[wasm_bindgen_test]
fn json_parse_in_the_browser_reads_what_serde_json_reads() {
    let samples = [
        r#"{"job":{"jobId":"job_1","status":"in-progress","progress":0.25,"n":3,"neg":-7}}"#,
        r#"[1, -2, 1.5, 1e300, -0.001, 9007199254740992, 123456789012, true, false, null]"#,
        r#"{"nested":{"list":[{"a":[]},{}],"text":"caf\u00e9 \"quoted\" \n 😀"},"dup":1,"dup":2}"#,
        r#"  "just a string"  "#,
        "17",
        "{}",
    ];
    for text in samples {
        let ours = angleshot::util::json::parse(text).expect("valid JSON parses");
        let serde: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        assert_eq!(ours, serde, "{text}");
    }
    assert_eq!(
        angleshot::util::json::parse("3.0"),
        Ok(serde_json::json!(3.0))
    );
    assert_eq!(
        angleshot::util::json::parse("-1.5e-3"),
        Ok(serde_json::json!(-0.0015))
    );
    assert!(angleshot::util::json::parse("1e400").is_err());
    for bad in ["", "not json", "{\"a\":}", "[1,]", "NaN", "{'a':1}", "1 2"] {
        let refused = angleshot::util::json::parse(bad);
        assert!(refused.is_err(), "{bad:?} was read as {refused:?}");
        assert!(
            serde_json::from_str::<serde_json::Value>(bad).is_err(),
            "{bad:?}"
        );
    }
}

/// A 2×2 PNG as a data URL, for an input that needs no decoding.
const TINY_PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";

/// 200 cards made on the demo backend, each then removed (or all cleared): every card's
/// signals are disposed and no card keeps a reactive owner (its saving effect went with it).
#[wasm_bindgen_test]
async fn removing_or_clearing_200_cards_leaves_none_of_their_reactive_nodes() {
    use angleshot::studio::image::PreparedImage;
    use angleshot::studio::state::Studio;
    use leptos::prelude::*;

    // Mounting sets up the executor the studio's tasks run on; this studio is our own.
    let (_root, _handle) = mount_now();
    let owner = Owner::new();
    owner.set();
    let studio = Studio::new();
    studio.start_demo();
    studio.input.choose(Ok(PreparedImage {
        name: "chair.png".into(),
        data_url: TINY_PNG.into(),
        mime_type: "image/png".into(),
        width: 2,
        height: 2,
        bytes: 70,
        thumbnail: TINY_PNG.into(),
        downscaled_from: None,
    }));
    for _ in 0..100 {
        if studio
            .input
            .image()
            .with_untracked(|i| i.as_ref().is_some_and(|i| i.asset_id.is_some()))
        {
            break;
        }
        TimeoutFuture::new(10).await;
    }
    studio
        .camera
        .apply_preset(angleshot::domain::presets::Preset::Left45);
    for clear in [false, true] {
        for _ in 0..200 {
            studio.generate();
        }
        let entries = studio.jobs.list().get_untracked();
        assert_eq!(entries.len(), 200, "200 cards made");
        assert_eq!(studio.jobs.owners().count(), 200);
        TimeoutFuture::new(50).await; // their submits go out
        if clear {
            studio.clear_history();
        } else {
            for entry in &entries {
                studio.remove(entry.id);
            }
        }
        TimeoutFuture::new(50).await; // disposal is a task later
        assert_eq!(
            studio.jobs.owners().count(),
            0,
            "no card keeps an owner (clear: {clear})"
        );
        let alive = entries
            .iter()
            .filter(|e| !e.card.is_disposed() || !e.thumbnail.is_disposed())
            .count();
        assert_eq!(
            alive, 0,
            "cards whose signals outlived them (clear: {clear})"
        );
    }
    // The demo's answers to submits already on their way find nothing to write to.
    TimeoutFuture::new(300).await;
    assert!(studio.jobs.list().with_untracked(Vec::is_empty));
}
