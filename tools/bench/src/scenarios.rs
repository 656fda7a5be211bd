//! The measured scenarios. Each appends its figures (with budgets) to `metrics`.

use std::time::{Duration, Instant};

use angleshot_e2e::Page;
use angleshot_mock::MockServer;
use serde_json::{Value, json};

use crate::budgets::Metric;

/// Installed in every new document before the app runs: collects long tasks (> 50 ms) and
/// the paints of the Generate button's text (Element Timing).
const PAGE_OBSERVERS: &str = r#"
window.__longTasks = [];
try {
  new PerformanceObserver(list => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
} catch (e) {}
// When the text of an element marked `elementtiming="generate"` is painted: index.html's
// static copy of the Generate button first, then the app's own.
window.__generatePaints = [];
try {
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (e.identifier === 'generate') window.__generatePaints.push(e.renderTime || e.loadTime); })
    .observe({ type: 'element', buffered: true });
} catch (e) {}
"#;

const COLD_LOADS: usize = 5;
const KB: f64 = 1024.0;

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

async fn throttle(page: &Page, rate: u32) {
    page.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
        .await;
}

/// Long tasks seen since the last call (count, longest ms), then forgets them.
async fn take_long_tasks(page: &Page) -> (usize, f64) {
    let tasks = page
        .eval("const t = window.__longTasks || []; window.__longTasks = []; return t;")
        .await;
    let durations: Vec<f64> = tasks
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    (
        durations.len(),
        durations.iter().copied().fold(0.0, f64::max),
    )
}

/// Collects long tasks and the Generate button's paints in every page from now on.
pub async fn observe_pages(page: &Page) {
    page.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PAGE_OBSERVERS }),
    )
    .await;
}

/// Milliseconds from navigation start to the page's first contentful paint: the first screen
/// on the glass (index.html's static copy of it, or the app's when there is no copy).
async fn first_paint(page: &Page) -> Option<f64> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let at = page
            .eval("const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null;")
            .await
            .as_f64();
        if at.is_some() || Instant::now() > deadline {
            return at;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Milliseconds from navigation start to the paint of the app's own Generate button (the
/// first one painted after its mount: before, only index.html's static copy was on screen).
async fn app_generate_painted(page: &Page) -> Option<f64> {
    let mounted = mark_at(page, "angleshot-mounted").await?;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let at = page
            .eval(&format!(
                "return (window.__generatePaints || []).filter(t => t >= {mounted}).sort((a, b) => a - b)[0] ?? null;"
            ))
            .await
            .as_f64();
        if at.is_some() || Instant::now() > deadline {
            return at;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Milliseconds from navigation start to the app's performance mark `name`, if it is set.
async fn mark_at(page: &Page, name: &str) -> Option<f64> {
    page.eval(&format!(
        "const m = performance.getEntriesByName('{name}')[0]; return m ? m.startTime : null;"
    ))
    .await
    .as_f64()
}

/// Waits for the app's performance mark `name`; milliseconds from navigation start to it.
async fn wait_mark(page: &Page, name: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(ms) = mark_at(page, name).await {
            return ms;
        }
        assert!(Instant::now() < deadline, "the app never set {name}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Milliseconds from navigation start to the first screen (image, camera, Generate) mounted.
async fn wait_mounted(page: &Page) -> f64 {
    wait_mark(page, "angleshot-mounted").await
}

/// Milliseconds from navigation start to the whole studio built (what is below the first
/// screen comes after the first paint). Scenarios that use those controls wait for this.
async fn wait_complete(page: &Page) -> f64 {
    wait_mark(page, "angleshot-complete").await
}

/// Which cold load: nothing of the app on the device, or its service worker and shell cache
/// kept from an earlier visit (the HTTP cache is emptied either way).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Visit {
    First,
    Returning,
}

async fn cold_navigate(page: &Page, url: &str, visit: Visit) -> f64 {
    page.cdp("Network.clearBrowserCache", json!({})).await;
    if visit == Visit::First {
        let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
        page.cdp(
            "Storage.clearDataForOrigin",
            json!({ "origin": origin, "storageTypes": "service_workers,cache_storage" }),
        )
        .await;
    }
    page.client.goto("about:blank").await.expect("blank page");
    page.client.goto(url).await.expect("navigate");
    wait_mounted(page).await
}

/// Two builds compared on one machine in one period: cold loads at CPU ×`rate` of `urls[0]`
/// and `urls[1]` in turn, `loads` of each; prints each build's medians (to the first screen
/// painted, to its DOM built, to the wasm's `main`). For deciding a change whose effect is
/// smaller than the ±30 ms the ×4 figure drifts between runs: alternating load by load
/// cancels the drift.
pub async fn compare_cold_loads(page: &Page, urls: [&str; 2], loads: usize, rate: u32) {
    page.cdp("Network.enable", json!({})).await;
    page.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    throttle(page, rate).await;
    let mut first_screen = [Vec::new(), Vec::new()];
    let mut before_main = [Vec::new(), Vec::new()];
    let mut painted = [Vec::new(), Vec::new()];
    let mut app_painted = [Vec::new(), Vec::new()];
    for _ in 0..loads {
        for (build, url) in urls.iter().enumerate() {
            first_screen[build].push(cold_navigate(page, url, Visit::First).await);
            before_main[build].push(mark_at(page, "angleshot-started").await.unwrap_or(f64::NAN));
            painted[build].push(first_paint(page).await.unwrap_or(f64::NAN));
            app_painted[build].push(app_generate_painted(page).await.unwrap_or(f64::NAN));
            wait_complete(page).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    }
    throttle(page, 1).await;
    for (build, url) in urls.iter().enumerate() {
        println!(
            "{url}: first screen painted {:.1} ms, the app's Generate painted {:.1} ms, its DOM built {:.1} ms, wasm main {:.1} ms (medians of {loads} at ×{rate}); first painted at {:?}",
            median(&mut painted[build].clone()),
            median(&mut app_painted[build]),
            median(&mut first_screen[build]),
            median(&mut before_main[build]),
            painted[build]
                .iter()
                .map(|ms| ms.round())
                .collect::<Vec<_>>(),
        );
    }
}

/// 1, 2 and the heap: bytes and requests to interactive, median cold load at ×1 and ×4,
/// JS heap after load, long tasks while loading.
pub async fn cold_load(page: &Page, url: &str, metrics: &mut Vec<Metric>) {
    page.cdp("Network.enable", json!({})).await;
    page.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;

    // Transfer: one cold load at ×1.
    throttle(page, 1).await;
    // Everything the first screen needs is asked for before its DOM is built; what comes
    // later (config.json and the history after the paint, the browser's manifest and favicon)
    // is not needed to use it. The paint's timestamp is no cut-off: it is the frame's
    // presentation, later than the tasks that run right after the paint.
    let interactive = cold_navigate(page, url, Visit::First).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let transfer = page
        .eval(&format!(
            r#"const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                 .filter(e => e.startTime <= {interactive} && new URL(e.name).origin === location.origin);
               return {{ bytes: all.reduce((s, e) => s + e.transferSize, 0),
                        body: all.reduce((s, e) => s + e.encodedBodySize, 0),
                        decoded: all.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
                        requests: all.length,
                        names: all.map(e => new URL(e.name).pathname + ' ' + e.transferSize) }};"#
        ))
        .await;
    println!("loaded to interactive: {}", transfer["names"]);
    metrics.push(Metric::budget(
        "1. transfer to interactive (compressed, with headers)",
        transfer["bytes"].as_f64().unwrap_or(f64::NAN) / KB,
        "KB",
        // 197 KB plus issue #18's 15 KB allowance for dropping the hand-made JSON reader and
        // glue post-processor (docs/decisions/0001, 0002).
        212.0,
    ));
    metrics.push(Metric::info(
        "1. … uncompressed",
        transfer["decoded"].as_f64().unwrap_or(f64::NAN) / KB,
        "KB",
    ));
    metrics.push(Metric::budget(
        "1. requests to interactive",
        transfer["requests"].as_f64().unwrap_or(f64::NAN),
        "",
        6.0,
    ));

    for rate in [1u32, 4] {
        throttle(page, rate).await;
        take_long_tasks(page).await;
        let mut times = Vec::new();
        let mut painted = Vec::new();
        let mut app_painted = Vec::new();
        let mut before_main = Vec::new();
        let mut takes_picture = Vec::new();
        let mut whole = Vec::new();
        let mut long_tasks = 0;
        for _ in 0..COLD_LOADS {
            times.push(cold_navigate(page, url, Visit::First).await);
            let first_painted = first_paint(page).await.unwrap_or(f64::NAN);
            painted.push(first_painted);
            app_painted.push(app_generate_painted(page).await.unwrap_or(f64::NAN));
            before_main.push(mark_at(page, "angleshot-started").await.unwrap_or(f64::NAN));
            // The copy's picker is live once index.html's script has run and the copy is shown.
            let early_input = mark_at(page, "angleshot-early-input").await;
            takes_picture.push(early_input.map_or(f64::NAN, |at| at.max(first_painted)));
            whole.push(wait_complete(page).await);
            tokio::time::sleep(Duration::from_millis(300)).await;
            long_tasks += take_long_tasks(page).await.0;
        }
        if rate == 4 && std::env::var("BENCH_PROFILE").as_deref() == Ok("load") {
            page.cdp("Profiler.enable", json!({})).await;
            page.cdp("Profiler.setSamplingInterval", json!({ "interval": 100 }))
                .await;
            page.cdp("Profiler.start", json!({})).await;
            let ms = cold_navigate(page, url, Visit::First).await;
            let profile = page.cdp("Profiler.stop", json!({})).await;
            println!("profiled cold load at ×4: {ms:.0} ms");
            let timeline = page
                .eval("const n = performance.getEntriesByType('navigation')[0]; return [['html', n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd], ...performance.getEntriesByType('resource').map(e => [e.name.split('/').pop().slice(0, 24), Math.round(e.startTime), Math.round(e.responseEnd)]), ...performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)])];")
                .await;
            println!("timeline: {timeline}");
            print_profile(&profile["profile"]);
            // The whole profile too, for DevTools (Performance → Load profile) or a script.
            let out = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../target/bench/cold-load-x4.cpuprofile");
            let _ = std::fs::create_dir_all(out.parent().unwrap_or(&out));
            match std::fs::write(&out, profile["profile"].to_string()) {
                Ok(()) => println!("profile: {}", out.display()),
                Err(e) => eprintln!("bench: cannot write {}: {e}", out.display()),
            }
        }
        println!(
            "cold loads at ×{rate}: first painted {painted:?} ms, the app's Generate painted {app_painted:?} ms (DOM built {times:?}, wasm main started at {before_main:?})"
        );
        let marks = page
            .eval("return performance.getEntriesByType('mark').map(m => m.name + ' ' + Math.round(m.startTime));")
            .await;
        println!("marks of the last load at ×{rate}: {marks}");
        metrics.push(Metric::info(
            &format!(
                "2. navigation → first screen painted (Generate visible; index.html's static copy), median of {COLD_LOADS}, CPU ×{rate}"
            ),
            median(&mut painted),
            "ms",
        ));
        metrics.push(Metric::info(
            &format!(
                "2. navigation → the page takes a picture (the copy's image input), median of {COLD_LOADS}, CPU ×{rate}"
            ),
            median(&mut takes_picture),
            "ms",
        ));
        // The budget is on the app's own Generate: of the copy only the image input answers.
        let budget = if rate == 4 { 300.0 } else { f64::INFINITY };
        metrics.push(Metric {
            limit: if budget.is_finite() {
                crate::budgets::Limit::AtMost(budget)
            } else {
                crate::budgets::Limit::None
            },
            ..Metric::info(
                &format!(
                    "2. navigation → the app's Generate painted (the page answers), median of {COLD_LOADS}, CPU ×{rate}"
                ),
                median(&mut app_painted),
                "ms",
            )
        });
        metrics.push(Metric::info(
            &format!("2. … of which its DOM built (mark angleshot-mounted), ×{rate}"),
            median(&mut times),
            "ms",
        ));
        metrics.push(Metric::info(
            &format!("2. … of which before the wasm's main, ×{rate}"),
            median(&mut before_main),
            "ms",
        ));
        metrics.push(Metric::info(
            &format!("2. … whole studio built (below the first screen: after its paint), ×{rate}"),
            median(&mut whole),
            "ms",
        ));
        metrics.push(Metric::info(
            &format!("7. long tasks during the {COLD_LOADS} loads at ×{rate}"),
            long_tasks as f64,
            "",
        ));
        if rate == 4 {
            // A returning artist: the service worker (installed by the last load) answers.
            page.client
                .goto(url)
                .await
                .expect("install the service worker");
            wait_mounted(page).await;
            tokio::time::sleep(Duration::from_millis(1_500)).await;
            let mut returning = Vec::new();
            let mut returning_app = Vec::new();
            for _ in 0..COLD_LOADS {
                cold_navigate(page, url, Visit::Returning).await;
                returning.push(first_paint(page).await.unwrap_or(f64::NAN));
                returning_app.push(app_generate_painted(page).await.unwrap_or(f64::NAN));
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            take_long_tasks(page).await;
            println!(
                "returning visits at ×4: first painted {returning:?} ms, the app's Generate painted {returning_app:?} ms"
            );
            metrics.push(Metric::info(
                &format!("2. … returning visit (service worker) to first paint, median of {COLD_LOADS}, ×4"),
                median(&mut returning),
                "ms",
            ));
            metrics.push(Metric::info(
                &format!(
                    "2. … returning visit to the app's Generate painted, median of {COLD_LOADS}, ×4"
                ),
                median(&mut returning_app),
                "ms",
            ));
            tokio::time::sleep(Duration::from_millis(500)).await;
            let heap = page.cdp("Runtime.getHeapUsage", json!({})).await;
            metrics.push(Metric::budget(
                "2. JS heap after load, ×4",
                heap["usedSize"].as_f64().unwrap_or(f64::NAN) / KB / KB,
                "MB",
                3.0,
            ));
        }
    }
    throttle(page, 1).await;
}

/// 3: script time per pointer-move while dragging the orbit gizmo at ×4, and long tasks then.
pub async fn gizmo_drag(page: &Page, url: &str, metrics: &mut Vec<Metric>) {
    throttle(page, 1).await;
    page.client.goto(url).await.expect("navigate");
    wait_complete(page).await;
    let start = page
        .eval(
            r#"const svg = document.querySelector('[role=slider][aria-label="Camera orbit"]');
               svg.scrollIntoView({ block: 'center' });
               const dot = svg.querySelector('.camera-dot').getBoundingClientRect();
               const r = svg.getBoundingClientRect();
               window.__moves = 0;
               window.addEventListener('pointermove', () => window.__moves++, { capture: true });
               return { x: dot.left + dot.width / 2, y: dot.top + dot.height / 2,
                        left: r.left, top: r.top, scale: r.width / 320,
                        rotate: document.getElementById('rotate').value };"#,
        )
        .await;
    let f = |key: &str| start[key].as_f64().unwrap_or(f64::NAN);
    let (x0, y0, scale) = (f("x"), f("y"), f("scale"));
    // The top view's orbit centre is (100, 100) in the 320×200 viewBox.
    let (cx, cy) = (f("left") + 100.0 * scale, f("top") + 100.0 * scale);
    let angle0 = (y0 - cy).atan2(x0 - cx);
    const MOVES: usize = 60;

    throttle(page, 4).await;
    take_long_tasks(page).await;
    page.cdp("Performance.enable", json!({})).await;
    let before = script_seconds(page).await;
    let mouse = |kind: &str, x: f64, y: f64| json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1, "pointerType": "mouse" });
    page.cdp("Input.dispatchMouseEvent", mouse("mousePressed", x0, y0))
        .await;
    for i in 1..=MOVES {
        let t = i as f64 / MOVES as f64;
        // Half an orbit, drawn in from the far ring toward the subject.
        let angle = angle0 + t * std::f64::consts::PI;
        let radius = (80.0 - 40.0 * t) * scale;
        page.cdp(
            "Input.dispatchMouseEvent",
            mouse(
                "mouseMoved",
                cx + radius * angle.cos(),
                cy + radius * angle.sin(),
            ),
        )
        .await;
    }
    let (xe, ye) = (
        cx + 40.0 * scale * (angle0 + std::f64::consts::PI).cos(),
        cy + 40.0 * scale * (angle0 + std::f64::consts::PI).sin(),
    );
    page.cdp("Input.dispatchMouseEvent", mouse("mouseReleased", xe, ye))
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = script_seconds(page).await;
    let (long_tasks, longest) = take_long_tasks(page).await;
    throttle(page, 1).await;
    let seen = page
        .eval("return { moves: window.__moves, rotate: document.getElementById('rotate').value, forward: document.getElementById('forward').value };")
        .await;
    let moves = seen["moves"].as_f64().unwrap_or(0.0);
    println!(
        "gizmo drag: {moves} pointermove events; Rotate {} → {}, Move forward → {}",
        start["rotate"], seen["rotate"], seen["forward"]
    );
    assert!(
        moves > 0.0 && seen["rotate"] != start["rotate"],
        "the drag did not move the camera: {seen}"
    );
    metrics.push(Metric::budget(
        "3. script time per gizmo pointer-move, CPU ×4",
        (after - before) * 1000.0 / moves,
        "ms",
        4.0,
    ));
    metrics.push(Metric::budget(
        "7. long tasks while dragging, ×4",
        long_tasks as f64,
        "",
        0.0,
    ));
    if long_tasks > 0 {
        println!("longest task while dragging: {longest:.1} ms");
    }
}

/// Renderer main-thread script time so far, in seconds (CDP Performance metrics).
async fn script_seconds(page: &Page) -> f64 {
    let result = page.cdp("Performance.getMetrics", json!({})).await;
    result["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["name"] == "ScriptDuration")
        .and_then(|m| m["value"].as_f64())
        .unwrap_or(f64::NAN)
}

/// The studio with an empty history (what earlier scenarios left is cleared).
async fn fresh_studio(page: &Page, url: &str) {
    page.client.goto(url).await.expect("navigate");
    wait_complete(page).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // the history is read back
    if page.try_by_role("button", "Clear history").await.is_some() {
        page.click_button("Clear history").await;
        page.click_button("Yes, clear history").await;
    }
}

/// Fills Settings with the mock and uploads the small test image.
async fn studio_ready(page: &Page, url: &str, api: &MockServer) {
    throttle(page, 1).await;
    page.client.goto(url).await.expect("navigate");
    wait_complete(page).await;
    page.ready_with_image(api).await;
    page.fill("Prompt", "bench").await;
}

/// Tiles the gallery renders at first (`FIRST_ROWS` in `components/job_list.rs`); the
/// rest come as the artist scrolls.
const FIRST_SCREEN: usize = 24;
/// Reopens of the 200-job history whose median is reported.
const REOPENS: usize = 3;

/// Installed before the app runs: the times the job list first holds its first screen of
/// cards and all 200.
const WATCH_CARDS: &str = r#"
new MutationObserver((_, observer) => {
  const cards = document.querySelectorAll('[aria-label="Jobs"] > li').length;
  if (cards >= FIRST_SCREEN && !window.__cardsFirst) window.__cardsFirst = performance.now();
  if (cards >= 200) {
    window.__cards200 = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"#;

/// Scrolls to the end of the gallery each frame until it holds 200 tiles; answers the
/// milliseconds that took. (The gallery's end, not the page's: beside the longer controls
/// column the two differ.)
const SCROLL_TO_200: &str = r#"const done = arguments[arguments.length - 1];
const t0 = performance.now();
const step = () => {
  const last = document.querySelector('[aria-label="Jobs"] > li:last-child');
  if (last) last.scrollIntoView({ block: 'end' });
  const cards = document.querySelectorAll('[aria-label="Jobs"] > li').length;
  if (cards >= 200) { done(performance.now() - t0); return; }
  if (performance.now() - t0 > 60000) { done(null); return; }
  requestAnimationFrame(step);
};
step();"#;

/// 4: 200 job cards at ×4. First 200 Generate clicks in one task (reported: it includes the
/// 200 POSTs being sent); then, the budgeted figure, the page reopened on that history of 200
/// finished jobs: mount → its first screen of cards (newest first), then scrolling to the end
/// until all 200 are rendered, and the JS heap after.
pub async fn two_hundred_cards(
    page: &Page,
    url: &str,
    api: &MockServer,
    metrics: &mut Vec<Metric>,
) {
    api.set_knobs(|k| k.job_duration_ms = 300);
    studio_ready(page, url, api).await;
    throttle(page, 4).await;
    take_long_tasks(page).await;
    let profiling = std::env::var("BENCH_PROFILE").as_deref() == Ok("1");
    let clicks = page
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const generate = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Generate');
               const t0 = performance.now();
               for (let i = 0; i < 200; i++) generate.click();
               requestAnimationFrame(() => requestAnimationFrame(() => {
                 const cards = document.querySelectorAll('[aria-label="Jobs"] > li').length;
                 done([performance.now() - t0, cards]);
               }));"#,
            vec![],
        )
        .await
        .expect("200 clicks");
    let (click_long_tasks, _) = take_long_tasks(page).await;
    throttle(page, 1).await;
    // The first screen, and more if the end of the list is already near (page scrolled).
    let rendered = clicks[1].as_u64().unwrap_or(0) as usize;
    assert!(
        (FIRST_SCREEN..200).contains(&rendered),
        "first screen of cards rendered, not all 200: {rendered}"
    );
    // Render all 200 and let every job finish and its result be stored.
    page.client
        .execute_async(SCROLL_TO_200, vec![])
        .await
        .expect("scroll to 200 cards");
    page.wait_list("Jobs", Duration::from_secs(90), |items| {
        items.len() == 200 && items.iter().all(|c| c.contains("success"))
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;

    page.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": WATCH_CARDS.replace("FIRST_SCREEN", &FIRST_SCREEN.to_string()) }),
    )
    .await;
    throttle(page, 4).await;
    // The median of a few reopens: one reopen varies by ±40 ms on this machine.
    let (mut mounts, mut firsts, mut renders) = (Vec::new(), Vec::new(), Vec::new());
    let (mut long_tasks, mut longest) = (0, 0.0f64);
    for reopen in 0..REOPENS {
        let profile_this = profiling && reopen == 0;
        if profile_this {
            page.cdp("Profiler.enable", json!({})).await;
            page.cdp("Profiler.setSamplingInterval", json!({ "interval": 200 }))
                .await;
            page.cdp("Profiler.start", json!({})).await;
        }
        page.client.goto("about:blank").await.expect("blank");
        page.client.goto(url).await.expect("reopen");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let (mounted, listed, first) = loop {
            let t = page
                .eval("const at = name => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : null; }; return [at('angleshot-mounted'), at('angleshot-history-listed'), window.__cardsFirst || null];")
                .await;
            if let (Some(m), Some(l), Some(c)) = (t[0].as_f64(), t[1].as_f64(), t[2].as_f64()) {
                break (m, l, c);
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the cards never came back: {t}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        if profile_this {
            let profile = page.cdp("Profiler.stop", json!({})).await;
            print_profile(&profile["profile"]);
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (tasks, longest_task) = take_long_tasks(page).await;
        long_tasks += tasks;
        longest = longest.max(longest_task);
        mounts.push(mounted);
        firsts.push(first);
        renders.push(first - listed);
    }
    println!("reopens: listed → first {FIRST_SCREEN} cards {renders:?} ms");
    let (mounted, first) = (median(&mut mounts), median(&mut firsts));
    let marks = page
        .eval("return performance.getEntriesByType('mark').map(m => m.name + ' ' + Math.round(m.startTime)).join(', ');")
        .await;
    println!("reopen marks: {marks}");
    let scrolled = page
        .client
        .execute_async(SCROLL_TO_200, vec![])
        .await
        .expect("scroll to 200 cards");
    let scrolled = scrolled
        .as_f64()
        .expect("200 cards rendered while scrolling");
    let (scroll_long_tasks, scroll_longest) = take_long_tasks(page).await;
    page.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let heap = page.cdp("Runtime.getHeapUsage", json!({})).await;
    throttle(page, 1).await;
    println!(
        "200 cards: clicks {clicks}; reopened: mounted at {mounted:.0} ms, first {FIRST_SCREEN} cards at {first:.0} ms; long tasks {long_tasks} (longest {longest:.0} ms); scrolled to 200 in {scrolled:.0} ms, long tasks {scroll_long_tasks} (longest {scroll_longest:.0} ms)"
    );
    metrics.push(Metric::info(
        "4. 200 Generate clicks → 200 cards (incl. 200 POSTs sent), ×4",
        clicks[0].as_f64().unwrap_or(f64::NAN),
        "ms",
    ));
    metrics.push(Metric::info(
        "7. long tasks during the 200 clicks, ×4",
        click_long_tasks as f64,
        "",
    ));
    metrics.push(Metric::budget(
        &format!(
            "4. render 200 stored jobs: listed → first {FIRST_SCREEN} cards shown, median of {REOPENS}, ×4"
        ),
        median(&mut renders),
        "ms",
        100.0,
    ));
    metrics.push(Metric::info(
        &format!("4. … mount → first {FIRST_SCREEN} cards (with reading the history), median, ×4"),
        first - mounted,
        "ms",
    ));
    metrics.push(Metric::info(
        &format!("4. … navigation → first {FIRST_SCREEN} cards, median, ×4"),
        first,
        "ms",
    ));
    metrics.push(Metric::info(
        "4. scroll to the end: all 200 cards rendered, ×4",
        scrolled,
        "ms",
    ));
    metrics.push(Metric::info(
        "7. long tasks while scrolling through 200 cards, ×4",
        scroll_long_tasks as f64,
        "",
    ));
    metrics.push(Metric::budget(
        "4. JS heap with 200 cards rendered, ×4",
        heap["usedSize"].as_f64().unwrap_or(f64::NAN) / KB / KB,
        "MB",
        30.0,
    ));
    metrics.push(Metric::info(
        &format!("7. long tasks while reopening on 200 cards ({REOPENS} reopens), ×4"),
        long_tasks as f64,
        "",
    ));
}

/// 5: polling cost: GETs per running job per minute with 20 jobs in flight, and polls of jobs
/// the app had already seen final.
pub async fn polling_load(page: &Page, url: &str, api: &MockServer, metrics: &mut Vec<Metric>) {
    const RUNNING: usize = 20;
    const JOB_MS: u64 = 40_000;
    fresh_studio(page, url).await;
    api.set_knobs(|k| k.job_duration_ms = JOB_MS);
    studio_ready(page, url, api).await;
    api.clear_requests();
    let jobs_before = api.with_store(|s| s.jobs.len());
    for i in 0..RUNNING {
        page.fill("Prompt", &format!("poll {i}")).await;
        page.click_button("Generate").await;
    }
    // Request times are kept relative to the mock's start; job times are wall-clock.
    let t0 = api.with_store(|s| {
        s.jobs
            .last()
            .map(|j| j.created_ms.saturating_sub(s.started_ms))
            .unwrap_or(0)
    });
    // Steady state: from 5 s after the last submit for 30 s.
    tokio::time::sleep(Duration::from_secs(36)).await;
    let (from, to) = (t0 + 5_000, t0 + 35_000);
    let polls = api
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path.contains("/jobs/") && (from..to).contains(&r.at_ms))
        .count();
    let per_job_minute = polls as f64 / RUNNING as f64 / ((to - from) as f64 / 60_000.0);
    // Then every job ends; count polls after each job's first final answer.
    tokio::time::sleep(Duration::from_millis(JOB_MS - 30_000 + 8_000)).await;
    let after_final: usize = api.with_store(|store| {
        store.jobs[jobs_before..]
            .iter()
            .map(|job| {
                let final_at = job.created_ms + job.duration_ms;
                store
                    .records
                    .iter()
                    .filter(|r| {
                        r.method == "GET"
                            && r.status == 200
                            && r.path.ends_with(&format!("/jobs/{}", job.id))
                    })
                    .filter(|r| store.started_ms + r.at_ms >= final_at)
                    .count()
                    .saturating_sub(1)
            })
            .sum()
    });
    println!("polling: {polls} GETs for {RUNNING} jobs in 30 s; {after_final} after final answers");
    metrics.push(Metric::budget(
        "5. API requests per running job-minute (20 jobs)",
        per_job_minute,
        "",
        20.0,
    ));
    metrics.push(Metric::budget(
        "5. requests to jobs already final",
        after_final as f64,
        "",
        0.0,
    ));
}

/// 6: a 24 MP photo dropped: time to the upload request, and bytes uploaded.
pub async fn big_photo(page: &Page, url: &str, api: &MockServer, metrics: &mut Vec<Metric>) {
    throttle(page, 1).await;
    fresh_studio(page, url).await;
    page.fill_settings(api).await;
    api.clear_requests();
    take_long_tasks(page).await;
    page.client
        .execute_async(angleshot_e2e::fixtures::DROP_24MP_JS, vec![])
        .await
        .expect("drop");
    page.wait_uploaded().await;
    let timing = page
        .eval(
            r#"const upload = performance.getEntriesByType('resource').filter(e => /\/v1\/assets$/.test(new URL(e.name).pathname)).pop();
               return upload ? upload.startTime - window.__droppedAt : null;"#,
        )
        .await;
    let (long_tasks, longest) = take_long_tasks(page).await;
    let bytes = api
        .requests()
        .iter()
        .find(|r| r.method == "POST" && r.path == "/v1/assets")
        .map_or(0, |r| r.body_len);
    println!(
        "24 MP photo: upload request {timing} ms after the drop; {bytes} bytes; long tasks {long_tasks} (longest {longest:.0} ms)"
    );
    metrics.push(Metric::budget(
        "6. 24 MP photo: drop → upload request, ×1",
        timing.as_f64().unwrap_or(f64::NAN),
        "ms",
        1_500.0,
    ));
    metrics.push(Metric::budget(
        "6. 24 MP photo: bytes uploaded",
        bytes as f64 / KB / KB,
        "MB",
        6.0,
    ));
    metrics.push(Metric::info(
        "7. long tasks while preparing the photo, ×1",
        long_tasks as f64,
        "",
    ));
}

/// Self time per function of a CDP CPU profile, top 25 (for `BENCH_PROFILE=1`).
fn print_profile(profile: &Value) {
    let nodes = profile["nodes"].as_array().cloned().unwrap_or_default();
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut by_id = std::collections::HashMap::new();
    for node in &nodes {
        let frame = &node["callFrame"];
        let name = format!(
            "{}:{} {}",
            frame["functionName"].as_str().unwrap_or(""),
            frame["lineNumber"].as_i64().unwrap_or(-1),
            frame["url"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
        );
        by_id.insert(node["id"].as_i64().unwrap_or(-1), name);
    }
    // Callers: "name < parent < grandparent", so glue lines can be traced to their wasm.
    let mut parent_of = std::collections::HashMap::new();
    for node in &nodes {
        for child in node["children"].as_array().into_iter().flatten() {
            parent_of.insert(
                child.as_i64().unwrap_or(-1),
                node["id"].as_i64().unwrap_or(-1),
            );
        }
    }
    let by_id: std::collections::HashMap<i64, String> = by_id
        .keys()
        .map(|id| {
            let mut chain = vec![by_id[id].clone()];
            let mut at = *id;
            while chain.len() < 8 {
                let Some(parent) = parent_of.get(&at) else {
                    break;
                };
                chain.push(by_id.get(parent).cloned().unwrap_or_default());
                at = *parent;
            }
            (*id, chain.join(" < "))
        })
        .collect();
    let mut self_time: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for (sample, delta) in samples
        .iter()
        .zip(deltas.iter().skip(1).chain(std::iter::once(&json!(0))))
    {
        let name = by_id
            .get(&sample.as_i64().unwrap_or(-1))
            .cloned()
            .unwrap_or_default();
        *self_time.entry(name).or_default() += delta.as_f64().unwrap_or(0.0) / 1000.0;
    }
    let mut rows: Vec<_> = self_time.into_iter().collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (name, ms) in rows.into_iter().take(25) {
        println!("{ms:9.1} ms  {name}");
    }
}
