//! The result on stage (#19), at the sizes artists use: a tablet both ways (1024×768,
//! 768×1024) and a laptop (1366×900). After Generate the new job's progress is in view
//! without scrolling; its result is large; eight results leave six tiles in view; a tap puts a
//! tile on the stage and the stage in a full-screen viewer that zooms, steps and closes;
//! compare keeps a transparent sprite's see-through pixels free of the result; a finger
//! scrolls past the gizmo; no focused slider is covered; Generate is two Tabs from the gizmo.

use std::time::Duration;

use angleshot_e2e::fixtures::{png_rgb, studio_servers};
use angleshot_e2e::pixels::{decode_png, png_rgba};
use angleshot_e2e::{Page, with_browser};
use base64::Engine as _;
use fantoccini::key::Key;
use serde_json::json;

const SIZES: [(u32, u32); 3] = [(1024, 768), (768, 1024), (1366, 900)];

/// Clicks a button by its text where it is, without scrolling to it first (finding by role
/// scrolls, which would hide whether it was in view).
async fn press_in_place(page: &Page, text: &str) {
    let pressed = page
        .client
        .execute(
            "const b = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === arguments[0]); if (b) b.click(); return !!b;",
            vec![json!(text)],
        )
        .await
        .expect("press");
    assert_eq!(pressed, json!(true), "no button {text:?}");
}

/// A progress bar of a running job inside the viewport: on the stage or beside Generate.
const PROGRESS_IN_VIEW_JS: &str = r#"
return [...document.querySelectorAll('progress')].some(p => {
  const r = p.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
});
"#;

/// The stage picture's shorter side as painted (object-fit: contain), and the viewport's.
const STAGE_SIZE_JS: &str = r#"
const i = document.querySelector('img[alt^="Result:"]');
if (!i || !i.complete || !i.naturalWidth) return null;
const r = i.getBoundingClientRect();
const s = Math.min(r.width / i.naturalWidth, r.height / i.naturalHeight);
return [Math.min(i.naturalWidth * s, i.naturalHeight * s), Math.min(innerWidth, innerHeight)];
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_generate_progress_is_in_view_and_the_result_is_large_at_three_sizes() {
    let (site, api) = studio_servers(2_500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        for (n, ((width, height), preset)) in SIZES.into_iter().zip(["45° left", "90° right", "Top-down"]).enumerate() {
            page.set_viewport(width, height).await;
            page.eval("scrollTo(0, 0); return null;").await;
            press_in_place(&page, preset).await;
            press_in_place(&page, "Generate").await;
            let deadline = std::time::Instant::now() + Duration::from_secs(2);
            while page.eval(PROGRESS_IN_VIEW_JS).await != json!(true) {
                assert!(std::time::Instant::now() < deadline, "{width}×{height}: no progress in view after Generate");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            page.wait_newest_success(n + 1).await;
            let deadline = std::time::Instant::now() + Duration::from_secs(5);
            let size = loop {
                let size = page.eval(STAGE_SIZE_JS).await;
                if size.is_array() {
                    break size;
                }
                assert!(std::time::Instant::now() < deadline, "{width}×{height}: the result never showed on the stage");
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            let (shorter, viewport) = (size[0].as_f64().unwrap_or(0.0), size[1].as_f64().unwrap_or(0.0));
            assert!(
                shorter >= viewport / 2.0,
                "{width}×{height}: the stage shows the result {shorter} px on its shorter side, under half of {viewport}"
            );
            page.eval("scrollTo(0, 0); return null;").await;
            page.screenshot(&format!("stage-{width}x{height}-light")).await;
            page.color_scheme("dark").await;
            page.screenshot(&format!("stage-{width}x{height}-dark")).await;
            page.color_scheme("light").await;
        }
    })
    .await;
}

/// Tiles wholly inside the viewport, and the tallest tile.
const TILES_JS: &str = r#"
const tiles = [...document.querySelector('ul[aria-label="Jobs"]').children];
const inView = tiles.filter(t => { const r = t.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; }).length;
return [inView, Math.max(...tiles.map(t => t.getBoundingClientRect().height))];
"#;

/// The name of the `index`th tile's button (newest first).
async fn tile_name(page: &Page, index: usize) -> String {
    page.eval(&format!(
        "return document.querySelectorAll('ul[aria-label=\"Jobs\"] > li button[aria-label^=\"Show\"]')[{index}].getAttribute('aria-label');"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn viewer_title(page: &Page) -> String {
    page.eval("const d = document.querySelector('dialog[open]'); return d ? d.querySelector('.viewer-title').textContent : null;")
        .await
        .as_str()
        .unwrap_or("closed")
        .to_string()
}

/// The viewer picture's scale, from its transform.
async fn viewer_scale(page: &Page) -> f64 {
    page.eval("const i = document.querySelector('dialog[open] .viewer-area img'); return i ? i.style.transform : '';")
        .await
        .as_str()
        .and_then(|t| t.split("scale(").nth(1))
        .and_then(|t| t.trim_end_matches(')').parse().ok())
        .unwrap_or(0.0)
}

/// Two fingers on either side of `centre`, moving 100 px apart each.
async fn pinch_apart(page: &Page, centre: (f64, f64)) {
    use fantoccini::actions::{Actions, InputSource, PointerAction, TouchActions};
    let finger = |name: &str, from: f64, to: f64| {
        TouchActions::new(name.into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: from,
                y: centre.1,
            })
            .then(PointerAction::Down { button: 0 })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(300)),
                x: to,
                y: centre.1,
            })
            .then(PointerAction::Up { button: 0 })
    };
    let actions = Actions::from(finger("left", centre.0 - 40.0, centre.0 - 140.0)).and(finger(
        "right",
        centre.0 + 40.0,
        centre.0 + 140.0,
    ));
    page.client.perform_actions(actions).await.expect("pinch");
    page.client.release_actions().await.expect("release");
}

async fn key_to_focused(page: &Page, key: &str) {
    page.client
        .active_element()
        .await
        .expect("focus")
        .send_keys(key)
        .await
        .expect("key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_results_leave_six_tiles_in_view_and_the_viewer_zooms_steps_and_closes() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.set_viewport(1024, 768).await;
        let poses = ["45° left", "90° left", "45° right", "90° right", "Top-down", "Low angle", "Close-up", "45° left"];
        for pose in poses {
            press_in_place(&page, pose).await;
            press_in_place(&page, "Generate").await;
            tokio::time::sleep(Duration::from_millis(80)).await;
        }
        page.wait_list("Jobs", Duration::from_secs(20), |items| items.len() == 8 && items.iter().all(|i| i.contains("success")))
            .await;
        page.eval("scrollTo(0, 0); return null;").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let tiles = page.eval(TILES_JS).await;
        page.screenshot("stage-gallery-1024x768").await;
        assert!(tiles[0].as_u64().unwrap_or(0) >= 6, "at least six tiles in view at 1024×768: {tiles}");
        assert!(tiles[1].as_f64().unwrap_or(999.0) <= 160.0, "compact tiles: {tiles}");

        // A click puts a tile on the stage; so does Enter.
        let third = tile_name(&page, 2).await;
        page.click_button(&third).await;
        assert_eq!(page.attribute("button", &third, "aria-current").await.as_deref(), Some("true"));
        let words = third.trim_start_matches("Show ").to_string();
        page.by_role("img", &format!("Result: {words}")).await;
        let fourth = tile_name(&page, 3).await;
        page.by_role("button", &fourth).await.send_keys(&Key::Enter.to_string()).await.expect("enter");
        assert_eq!(page.attribute("button", &fourth, "aria-current").await.as_deref(), Some("true"));
        assert_eq!(page.attribute("button", &third, "aria-current").await, None);
        let words = fourth.trim_start_matches("Show ").to_string();

        // A tap on the stage opens the viewer on that result.
        page.by_role("img", &format!("Result: {words}")).await.click().await.expect("tap");
        let title = viewer_title(&page).await;
        assert!(title.starts_with(&words) && title.ends_with("4 / 8"), "{title}");
        key_to_focused(&page, &Key::Right.to_string()).await;
        assert!(viewer_title(&page).await.ends_with("5 / 8"));
        key_to_focused(&page, &Key::Left.to_string()).await;
        assert!(viewer_title(&page).await.ends_with("4 / 8"));
        // The original, one key away, and back.
        key_to_focused(&page, "o").await;
        assert!(viewer_title(&page).await.starts_with("Original"));
        page.by_role("img", "Original").await;
        key_to_focused(&page, "o").await;
        assert!(viewer_title(&page).await.starts_with(&words));
        // Two fingers spreading apart zoom in; 0 fits again.
        let area = page.client.find(fantoccini::Locator::Css(".viewer-area")).await.expect("area");
        let (x, y) = page.centre_of(&area).await;
        pinch_apart(&page, (x, y)).await;
        let scale = viewer_scale(&page).await;
        assert!(scale > 1.5, "a pinch zoomed in: {scale}");
        assert!(viewer_title(&page).await.ends_with("4 / 8"), "a pinch is not a swipe");
        key_to_focused(&page, "0").await;
        assert_eq!(viewer_scale(&page).await, 1.0, "0 fits again");
        // The wheel zooms in; 0 fits again; a sideways swipe steps to the next.
        page.eval("const a = document.querySelector('.viewer-area'); const r = a.getBoundingClientRect(); a.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true })); return null;")
            .await;
        tokio::time::sleep(Duration::from_millis(50)).await;
        let scale = viewer_scale(&page).await;
        assert!(scale > 1.2, "the wheel zoomed in: {scale}");
        key_to_focused(&page, "0").await;
        page.touch_drag((x + 150.0, y), (x - 150.0, y)).await;
        assert!(viewer_title(&page).await.ends_with("5 / 8"), "swiped to the next: {}", viewer_title(&page).await);
        page.screenshot("stage-viewer-1024x768").await;
        key_to_focused(&page, &Key::Escape.to_string()).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(viewer_title(&page).await, "closed", "Escape leaves the viewer");
        // And Close does too.
        page.click_button("Open full screen").await;
        assert_ne!(viewer_title(&page).await, "closed");
        page.click_button("Close").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(viewer_title(&page).await, "closed");
    })
    .await;
}

/// Whether a screenshot holds any of the result's red.
fn has_red(png: &[u8]) -> bool {
    let Some(picture) = decode_png(png) else {
        panic!("a screenshot PNG");
    };
    (0..picture.height).any(|y| {
        (0..picture.width).any(|x| {
            let [r, g, b, _] = picture.at(x, y);
            r > 180 && g < 80 && b < 80
        })
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compare_shows_nothing_of_the_result_through_a_transparent_sprite() {
    let (site, api) = studio_servers(300).await;
    let red = png_rgb(64, 64, |_, _| [230, 20, 20]);
    api.set_knobs(|k| {
        k.result_png_base64 = Some(base64::engine::general_purpose::STANDARD.encode(&red))
    });
    // A sprite: its left half see-through, its right half blue.
    let sprite = png_rgba(64, 64, |x, _| {
        if x < 32 {
            [0, 0, 0, 0]
        } else {
            [20, 40, 220, 255]
        }
    });
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.set_viewport(1024, 768).await;
        page.fill_settings(&api).await;
        page.choose_image("sprite.png", &sprite).await;
        page.wait_uploaded().await;
        page.click_button("45° left").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        page.click_button("Compare").await;
        let compare = page.by_role("slider", "Compare").await;
        compare.send_keys(&Key::End.to_string()).await.expect("key");
        assert!(
            compare
                .attr("aria-valuetext")
                .await
                .ok()
                .flatten()
                .unwrap_or_default()
                .starts_with("100% original"),
            "all original"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let all_original = compare.screenshot().await.expect("screenshot");
        std::fs::write(
            angleshot_e2e::artifacts_dir().join("compare-all-original.png"),
            &all_original,
        )
        .ok();
        assert!(
            !has_red(&all_original),
            "the result shows through the sprite's transparent pixels"
        );
        compare
            .send_keys(&Key::Home.to_string())
            .await
            .expect("key");
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            has_red(&compare.screenshot().await.expect("screenshot")),
            "all result: the red result shows"
        );
        // Both labelled; side by side, each on its own checkerboard.
        let text = page.body_text().await;
        assert!(
            text.contains("Original") && text.contains("Result"),
            "labels"
        );
        page.click_button("Side by side").await;
        let pair = page
            .by_role("group", "Original and result side by side")
            .await;
        let shot = pair.screenshot().await.expect("screenshot");
        std::fs::write(
            angleshot_e2e::artifacts_dir().join("compare-side-by-side.png"),
            &shot,
        )
        .ok();
        let picture = decode_png(&shot).expect("png");
        let left_red = (0..picture.height).any(|y| {
            (0..picture.width / 2 - 4).any(|x| {
                let [r, g, b, _] = picture.at(x, y);
                r > 180 && g < 80 && b < 80
            })
        });
        assert!(!left_red, "the original's half holds nothing of the result");
        assert!(has_red(&shot), "the result beside it");
    })
    .await;
}

/// Sliders whose centre, once focused, is covered by something else.
const COVERED_SLIDERS_JS: &str = r#"
const out = [];
for (const el of document.querySelectorAll('input[type=range], [role=slider]')) {
  if (!el.getClientRects().length) continue;
  el.focus();
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!hit || !(hit === el || el.contains(hit))) out.push((el.id || el.getAttribute('aria-label')) + ' under ' + (hit ? hit.outerHTML.slice(0, 60) : 'nothing'));
}
return out;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finger_scrolls_past_the_gizmo_focus_is_never_covered_and_generate_is_two_tabs_away() {
    let (site, api) = studio_servers(300).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.set_viewport(768, 1024).await;
        page.eval("scrollTo(0, 0); return null;").await;
        let rotate_before = page.by_role("slider", "Rotate").await.prop("value").await.ok().flatten();
        page.eval("scrollTo(0, 0); return null;").await;
        // The subject drawn is the input picture; the back of the ring, which this model
        // cannot reach in one job, is drawn apart and says so.
        let drawing = page
            .eval("const g = document.querySelector('[role=slider][aria-label=\"Camera orbit\"]'); const back = g.querySelector('path.out-of-reach'); return [g.querySelectorAll('image').length, g.textContent.includes('out of reach'), back ? back.getAttribute('d') : ''];")
            .await;
        assert_eq!(drawing[0], json!(2), "the input picture in the top view and beside the arc: {drawing}");
        assert_eq!(drawing[1], json!(true), "{drawing}");
        assert!(drawing[2].as_str().is_some_and(|d| d.starts_with('M')), "the out-of-reach arc is drawn: {drawing}");
        // A vertical swipe on the drawing, away from the camera handle and its rings.
        let corner = page
            .eval("const r = document.querySelector('[role=slider][aria-label=\"Camera orbit\"]').getBoundingClientRect(); return [r.left + 8, r.top + 8];")
            .await;
        let (x, y) = (corner[0].as_f64().unwrap_or(0.0), corner[1].as_f64().unwrap_or(0.0));
        page.touch_drag((x, y + 300.0), (x, y)).await;
        let scrolled = page.eval("return scrollY;").await.as_f64().unwrap_or(0.0);
        assert!(scrolled > 100.0, "a vertical swipe outside the handle scrolls the page: {scrolled}");
        assert_eq!(
            page.by_role("slider", "Rotate").await.prop("value").await.ok().flatten(),
            rotate_before,
            "the swipe left the camera alone"
        );
        // Generate within five Tabs of the gizmo (two: the presets are one stop). A pose
        // first: at the unmoved front Generate is disabled, and Tab skips it.
        press_in_place(&page, "45° left").await;
        page.eval("document.querySelector('[role=slider][aria-label=\"Camera orbit\"]').focus(); return null;").await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let mut path = Vec::new();
        for _ in 0..5 {
            key_to_focused(&page, &Key::Tab.to_string()).await;
            let focused = page
                .eval("return document.activeElement.textContent.trim() || document.activeElement.outerHTML.slice(0, 80);")
                .await;
            path.push(focused.as_str().unwrap_or_default().to_string());
            if focused == json!("Generate") {
                break;
            }
        }
        assert_eq!(path.last().map(String::as_str), Some("Generate"), "Generate within five Tabs of the gizmo: {path:?}");
        // No focused slider is covered, at any size.
        for (width, height) in SIZES {
            page.set_viewport(width, height).await;
            let covered = page.eval(COVERED_SLIDERS_JS).await;
            assert_eq!(covered, json!([]), "{width}×{height}: focused sliders covered");
        }
    })
    .await;
}
