//! #22 against the mock: a set's spin as a video (its length, its first frame), a captioned
//! dataset ZIP, and lineage through three chained edits, kept over a reload.

use std::io::Read;
use std::time::Duration;

use angleshot_e2e::fixtures::{download_dir, png_rgb, studio_servers, wait_for_file};
use angleshot_e2e::with_browser;
use base64::Engine as _;

/// Six results of six colours, one per job in the order the jobs are made.
fn six_colours() -> Vec<String> {
    [
        [220, 40, 40],
        [40, 200, 40],
        [40, 40, 220],
        [220, 200, 40],
        [40, 200, 200],
        [200, 40, 200],
    ]
    .into_iter()
    .map(|rgb| base64::engine::general_purpose::STANDARD.encode(png_rgb(64, 48, move |_, _| rgb)))
    .collect()
}

/// The centre pixel of an image the page shows (`blob:`/`data:` URL), as [r, g, b].
const CENTRE_OF_IMAGE: &str = r#"const img = new Image(); img.src = arguments[0];
return img.decode().then(() => { const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
  const x = c.getContext('2d'); x.drawImage(img, 0, 0); const d = x.getImageData(c.width >> 1, c.height >> 1, 1, 1).data; return [d[0], d[1], d[2]]; });"#;

/// A video's duration (as the browser's `<video>` reads it) and its first frame's centre.
const VIDEO_FACTS: &str = r#"const [b64, type] = arguments;
const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
const v = document.createElement('video'); v.muted = true; v.preload = 'auto';
document.body.appendChild(v);
const until = (test, what) => new Promise((resolve, reject) => {
  const started = Date.now();
  const check = () => test() ? resolve() : Date.now() - started > 8000 ? reject(new Error(what)) : setTimeout(check, 50);
  check();
});
v.src = URL.createObjectURL(new Blob([bytes], { type }));
return until(() => v.readyState >= 1, 'metadata').then(async () => {
  if (!isFinite(v.duration)) { v.currentTime = 1e7; await until(() => isFinite(v.duration), 'duration'); }
  const duration = v.duration;
  v.currentTime = 0.01;
  await until(() => !v.seeking && v.readyState >= 2, 'first frame');
  const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
  const x = c.getContext('2d'); x.drawImage(v, 0, 0);
  const d = x.getImageData(c.width >> 1, c.height >> 1, 1, 1).data;
  v.remove();
  return { duration, first: [d[0], d[1], d[2]], width: v.videoWidth, height: v.videoHeight };
}).catch(e => ({ error: String(e), readyState: v.readyState, duration: v.duration, mediaError: v.error && v.error.message }));"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spin_and_a_dataset_of_an_angle_set_download_as_the_next_tool_wants() {
    let (site, api) = studio_servers(500).await;
    api.set_knobs(|k| k.result_png_sequence = six_colours());
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("Generate angle set").await;
        page.wait_set_progress("6 of 6 done").await;
        let dir = download_dir("pipeline");
        page.save_downloads_in(&dir).await;

        // The spin: the eye-level ring (four results and the original at the front), there
        // and back: 8 frames of 0.25 s.
        page.fill_number("Seconds per frame", "0.25").await;
        page.choose("Spin background", "White").await;
        page.click_button("Download spin").await;
        let said = page
            .wait_text("status", "ZIP status", |t| {
                t.starts_with("Saved ") || t.starts_with("Could not") || t.contains("cannot")
            })
            .await;
        assert!(said.contains(": 8 frames of 0.25 s"), "{said}");
        let name = said["Saved ".len()..]
            .split(':')
            .next()
            .unwrap_or_default()
            .to_string();
        assert!(
            name == "chair_spin.webm" || name == "chair_spin.mp4",
            "{name}"
        );
        let video = std::fs::read(wait_for_file(&dir, &name)).expect("the spin");
        let mime = if name.ends_with("mp4") {
            "video/mp4"
        } else {
            "video/webm"
        };
        let facts = page
            .client
            .execute(
                VIDEO_FACTS,
                vec![
                    serde_json::json!(base64::engine::general_purpose::STANDARD.encode(&video)),
                    serde_json::json!(mime),
                ],
            )
            .await
            .expect("the video plays");
        let duration = facts["duration"].as_f64().unwrap_or(0.0);
        assert!(
            (duration - 2.0).abs() < 0.4,
            "8 frames × 0.25 s, read {duration} s: {facts}"
        );
        let first_cell = page
            .eval("return document.querySelector('.contact-sheet img').src")
            .await;
        let expected = page
            .client
            .execute(CENTRE_OF_IMAGE, vec![first_cell])
            .await
            .expect("the first frame");
        for channel in 0..3 {
            let (got, want) = (
                facts["first"][channel].as_i64().unwrap_or(-1),
                expected[channel].as_i64().unwrap_or(-1),
            );
            assert!(
                (got - want).abs() < 40,
                "first frame {facts} vs the first orbit frame {expected}"
            );
        }

        // The dataset: each image beside its caption; a bad field is named before anything.
        page.eval("document.querySelector('.dataset').open = true")
            .await;
        page.fill("Trigger word", "chr_chair").await;
        page.fill("Caption template", "{trigger}, {colour}").await;
        let error = page
            .wait_text("alert", "Caption template error", |t| !t.is_empty())
            .await;
        assert_eq!(
            error,
            "Unknown field {colour}: use {trigger}, {pose}, {prompt}, {source}."
        );
        assert_eq!(
            page.attribute("button", "Download dataset", "disabled")
                .await
                .as_deref(),
            Some("true")
        );
        page.fill("Caption template", "{trigger}, {pose}").await;
        page.click_button("Download dataset").await;
        let said = page
            .wait_text("status", "Dataset status", |t| t.starts_with("Saved "))
            .await;
        assert_eq!(
            said,
            "Saved chair_dataset.zip: 7 images, each with its caption."
        );
        let zip = std::fs::read(wait_for_file(&dir, "chair_dataset.zip")).expect("the dataset");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a ZIP");
        let names: Vec<String> = archive.file_names().map(str::to_string).collect();
        let images: Vec<&String> = names.iter().filter(|n| !n.ends_with(".txt")).collect();
        assert_eq!(images.len(), 7, "{names:#?}");
        for image in &images {
            let caption_name = format!(
                "{}.txt",
                image.rsplit_once('.').map_or(image.as_str(), |(s, _)| s)
            );
            let mut caption = String::new();
            archive
                .by_name(&caption_name)
                .unwrap_or_else(|_| panic!("{caption_name} beside {image}"))
                .read_to_string(&mut caption)
                .expect("caption text");
            assert!(
                caption.starts_with("chr_chair"),
                "{caption_name}: {caption}"
            );
            if image.contains("_45-left") {
                assert_eq!(caption, "chr_chair, 45° to the left, eye level, full view");
            }
            if image.contains("_original") {
                assert_eq!(caption, "chr_chair");
            }
        }
    })
    .await;
}

/// The depth of every tree item, from the root (0).
const TREE_DEPTHS: &str = r#"const tree = document.querySelector('[role=tree][aria-label=Lineage]');
if (!tree) return [];
return Array.from(tree.querySelectorAll('[role=treeitem]')).map(item => {
  let depth = 0, at = item.parentElement.closest('[role=treeitem]');
  while (at) { depth += 1; at = at.parentElement.closest('[role=treeitem]'); }
  return depth;
});"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_chained_edits_show_as_a_three_level_tree_that_survives_a_reload() {
    let (site, api) = studio_servers(400).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        for (done, preset) in ["90° left", "45° left", "45° right"]
            .into_iter()
            .enumerate()
        {
            if done > 0 {
                page.click_button("Use as input").await;
            }
            page.click_button(preset).await;
            page.click_button("Generate").await;
            page.wait_newest_success(done + 1).await;
        }
        let from = page
            .wait_text("note", "Made from", |t| t.starts_with("from "))
            .await;
        assert!(
            from.contains("(job_0004)"),
            "the third came from the second: {from}"
        );
        page.click_button("Lineage").await;
        let depths = page.eval(TREE_DEPTHS).await;
        assert_eq!(
            depths,
            serde_json::json!([0, 1, 2, 3]),
            "original → 1st → 2nd → 3rd"
        );
        let tree = page
            .eval("return document.querySelector('[role=tree]').innerText")
            .await;
        assert!(
            tree.as_str()
                .unwrap_or_default()
                .contains("chair.png (original)"),
            "{tree}"
        );

        page.open(&site.url()).await;
        page.wait_list("Jobs", Duration::from_secs(15), |items| items.len() == 3)
            .await;
        let newest = page
            .by_role(
                "button",
                "Show 45° to the right, eye level, full view · 90° left from the original",
            )
            .await;
        newest.click().await.expect("on stage");
        page.click_button("Lineage").await;
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            let depths = page.eval(TREE_DEPTHS).await;
            if depths == serde_json::json!([0, 1, 2, 3]) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "after the reload: {depths}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await;
}
