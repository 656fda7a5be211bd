//! The studio at tablet and phone sizes: screenshots saved, no horizontal scrolling, every
//! visible button and input at least 44×44 CSS px, and on tablets the image, the orbit gizmo and
//! Generate on the first screen.

use angleshot_e2e::fixtures::studio_servers;
use angleshot_e2e::with_browser;

const MEASURE_JS: &str = r#"
const small = Array.from(document.querySelectorAll('button, input, select, textarea, [role=slider]'))
  .filter(el => {
    const style = getComputedStyle(el);
    // A visually hidden native input whose <label> is the visible target is not a target itself.
    return style.opacity !== '0' && style.display !== 'none' && el.getClientRects().length > 0;
  })
  .map(el => { const r = el.getBoundingClientRect(); return { id: el.id || el.textContent.trim(), w: r.width, h: r.height }; })
  .filter(r => r.w < 44 || r.h < 44);
return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth: innerWidth, small: small };
"#;

/// With the page scrolled to the top: which of the image, the gizmo and Generate are not wholly
/// inside the viewport (the artist would have to hunt for them).
const OFF_SCREEN_JS: &str = r#"
scrollTo(0, 0);
const wanted = {
  image: document.querySelector('img[alt^="Input image"]'),
  gizmo: document.querySelector('[role=slider][aria-label="Camera orbit"]'),
  generate: Array.from(document.querySelectorAll('button')).find(b => b.textContent.trim() === 'Generate'),
};
const out = [];
for (const [name, el] of Object.entries(wanted)) {
  if (!el) { out.push(name + ': missing'); continue; }
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)
    out.push(`${name}: ${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}×${innerHeight}`);
}
return out;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tablet_and_phone_sizes_fit_and_have_big_targets() {
    let (site, api) = studio_servers(500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.set_slider("Rotate", 45).await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        for (width, height) in [(1024u32, 768u32), (768, 1024), (390, 844), (360, 740)] {
            page.set_viewport(width, height).await;
            page.eval("scrollTo(0, 0); return null;").await;
            page.screenshot(&format!("studio-{width}x{height}")).await;
            if width >= 768 {
                let off = page.eval(OFF_SCREEN_JS).await;
                assert_eq!(
                    off,
                    serde_json::json!([]),
                    "{width}×{height}: image, gizmo and Generate must fit the first screen"
                );
            }
            let m = page.eval(MEASURE_JS).await;
            assert!(
                m["scrollWidth"].as_u64() <= m["innerWidth"].as_u64(),
                "{width}×{height} scrolls sideways: {m}"
            );
            assert_eq!(
                m["small"],
                serde_json::json!([]),
                "{width}×{height}: controls under 44×44: {m}"
            );
        }
    })
    .await;
}
