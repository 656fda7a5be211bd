//! #21 point 3 against the mock: Export backup → Clear history → Import backup gives back the
//! same cards with the same image bytes, a running job is watched again, a second import adds
//! nothing, each bad file is refused with its reason and changes nothing, and no key, secret
//! or Authorization value is in the file.

use std::time::{Duration, Instant};

use angleshot_e2e::fixtures::{download_dir, png_rgb, studio_servers, temp_file, wait_for_file};
use angleshot_e2e::with_browser;
use base64::Engine as _;

/// SHA-256 of every result the gallery shows, sorted.
const HASHES: &str = r#"const imgs = Array.from(document.querySelectorAll('.job-list img[data-shows=result]'));
return Promise.all(imgs.map(async img => {
  const bytes = await (await fetch(img.src)).arrayBuffer();
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash).map(b => b.toString(16).padStart(2, '0')).join('');
})).then(all => all.sort());"#;

fn solid(rgb: [u8; 3]) -> String {
    base64::engine::general_purpose::STANDARD.encode(png_rgb(8, 8, |_, _| rgb))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_round_trips_through_clear_history_and_bad_files_change_nothing() {
    let (site, api) = studio_servers(600).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        for (done, (preset, colour)) in [("90° left", [200, 30, 30]), ("45° right", [30, 30, 200])]
            .into_iter()
            .enumerate()
        {
            api.set_knobs(|k| k.result_png_base64 = Some(solid(colour)));
            page.click_button(preset).await;
            page.click_button("Generate").await;
            page.wait_newest_success(done + 1).await;
        }
        // The two results' bytes, once both show.
        let deadline = Instant::now() + Duration::from_secs(10);
        let before = loop {
            let hashes = page.eval(HASHES).await;
            if hashes.as_array().map(Vec::len) == Some(2) {
                break hashes;
            }
            assert!(
                Instant::now() < deadline,
                "two results never showed: {hashes}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        api.set_knobs(|k| k.job_duration_ms = 9_000);
        page.click_button("Top-down").await;
        page.click_button("Generate").await;
        let made = page
            .wait_list("Jobs", Duration::from_secs(10), |items| {
                items.len() == 3 && items[0].contains("in-progress")
            })
            .await;

        let dir = download_dir("backup");
        page.save_downloads_in(&dir).await;
        page.click_button("Export backup").await;
        let saved = page
            .wait_text("status", "Backup status", |t| t.starts_with("Saved "))
            .await;
        assert!(saved.ends_with(": 3 jobs, 0 sets, 2 images."), "{saved}");
        let name = saved["Saved ".len()..]
            .split(':')
            .next()
            .unwrap_or_default();
        assert!(
            name.starts_with("angleshot-backup-") && name.ends_with(".zip"),
            "{name}"
        );
        let backup = std::fs::read(wait_for_file(&dir, name)).expect("the backup");
        let text = String::from_utf8_lossy(&backup);
        let basic = base64::engine::general_purpose::STANDARD.encode("test-key:test-secret");
        for secret in [
            "test-key",
            "test-secret",
            "Authorization",
            "authorization",
            basic.as_str(),
            "Signature=",
        ] {
            assert!(!text.contains(secret), "the backup holds {secret:?}");
        }

        page.click_button("Clear history").await;
        page.click_button("Yes, clear history").await;
        page.wait_list("Jobs", Duration::from_secs(5), |items| items.is_empty())
            .await;
        api.clear_requests();
        let path = temp_file(name, &backup);
        let import = page.by_role("button", "Import backup").await;
        import.send_keys(&path).await.expect("choose the backup");
        page.wait_text("status", "Backup status", |t| {
            t == "Imported 3 jobs and 0 sets; 0 updated, 0 already here."
        })
        .await;
        // The same cards; the running one watched again until it ends.
        let cards = page
            .wait_list("Jobs", Duration::from_secs(20), |items| {
                items.len() == 3 && items.iter().all(|i| i.contains("success"))
            })
            .await;
        assert!(
            api.requests()
                .iter()
                .any(|r| r.method == "GET" && r.path == "/v1/jobs/job_0006"),
            "the running job polled again: {cards:#?}"
        );
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let after = page.eval(HASHES).await;
            let kept: Vec<&serde_json::Value> = before.as_array().unwrap().iter().collect();
            if kept
                .iter()
                .all(|h| after.as_array().is_some_and(|a| a.contains(h)))
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "images differ: {before} vs {after}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        // The same file again adds nothing.
        import.send_keys(&path).await.expect("choose again");
        page.wait_text("status", "Backup status", |t| {
            t == "Nothing new in this backup: its 3 jobs already here."
        })
        .await;
        assert_eq!(page.list_items("Jobs").await.len(), 3);

        let newer = angleshot::util::zip::stored(&[(
            "backup.json",
            br#"{"kind":"angleshot-backup","version":2,"jobs":[]}"#.as_slice(),
        )])
        .unwrap();
        let bad_record = angleshot::util::zip::stored(&[(
            "backup.json",
            br#"{"kind":"angleshot-backup","version":1,"jobs":[{"version":2,"localId":"seven"}]}"#
                .as_slice(),
        )])
        .unwrap();
        let refusals: [(&str, Vec<u8>, &str); 4] = [
            (
                "photo.zip",
                angleshot_e2e::fixtures::png(),
                "This file is not an Angleshot backup",
            ),
            (
                "cut.zip",
                backup[..backup.len() / 2].to_vec(),
                "This file is not an Angleshot backup",
            ),
            (
                "newer.zip",
                newer,
                "This backup was made by a newer Angleshot (format 2",
            ),
            ("bad.zip", bad_record, "This backup's job 1 is unreadable"),
        ];
        for (file, bytes, said) in refusals {
            import
                .send_keys(&temp_file(file, &bytes))
                .await
                .expect("choose a bad file");
            let status = page
                .wait_text("status", "Backup status", |t| t.starts_with(said))
                .await;
            assert!(status.ends_with('.'), "{status}");
            assert_eq!(
                page.list_items("Jobs").await.len(),
                3,
                "{file} changed nothing"
            );
        }
    })
    .await;
}
