//! Shared test fixtures: a tiny real PNG, files with exact names, a mock, and the studio's
//! common first steps (settings, choosing an image).

use angleshot_mock::{Knobs, MockOptions, MockServer};
use base64::Engine as _;

use crate::Page;

/// A real 2×2 PNG, base64.
pub const PNG_2X2: &str = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";

/// The bytes of [`PNG_2X2`].
pub fn png() -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(PNG_2X2)
        .expect("png")
}

/// Writes `bytes` to a file called exactly `name` (names reach the UI) and returns its path.
pub fn temp_file(name: &str, bytes: &[u8]) -> String {
    // A folder per call: tests run side by side, and rewriting one shared `chair.png` while
    // another browser reads it handed that browser a half-written file (a rare flake where
    // the upload never started).
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("angleshot-e2e-files-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path.display().to_string()
}

/// A mock on free loopback ports with these knobs.
pub async fn mock(knobs: Knobs) -> MockServer {
    MockServer::start(MockOptions {
        knobs,
        ..MockOptions::default()
    })
    .await
    .expect("mock starts")
}

/// `Basic` header for the mock's default key.
pub fn expected_auth() -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("test-key:test-secret")
    )
}

impl Page {
    /// The browser's downloads go into `dir`, without asking.
    pub async fn save_downloads_in(&self, dir: &std::path::Path) {
        self.cdp(
            "Browser.setDownloadBehavior",
            serde_json::json!({ "behavior": "allow", "downloadPath": dir.display().to_string() }),
        )
        .await;
    }

    /// A slider's `aria-valuenow` and `aria-valuetext` (empty when absent).
    pub async fn slider_state(&self, name: &str) -> (String, String) {
        let el = self.by_role("slider", name).await;
        let attr = |name: &'static str| {
            let el = el.clone();
            async move { el.attr(name).await.ok().flatten().unwrap_or_default() }
        };
        (attr("aria-valuenow").await, attr("aria-valuetext").await)
    }

    /// Waits (up to 40 s) until the set on the stage reads `wanted` ("6 of 6 done").
    pub async fn wait_set_progress(&self, wanted: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
        loop {
            let now = self
                .by_role("status", "Set progress")
                .await
                .text()
                .await
                .unwrap_or_default();
            if now == wanted {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "set progress stuck at {now:?}, wanted {wanted:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }

    /// Types the mock's base URL and default key into Settings.
    pub async fn fill_settings(&self, api: &MockServer) {
        self.fill("API base URL", &api.api_base()).await;
        self.fill("API key", "test-key").await;
        self.fill("API secret", "test-secret").await;
    }

    /// Chooses a file through the "Input image" picker.
    pub async fn choose_image(&self, name: &str, bytes: &[u8]) {
        let picker = self.by_role("button", "Input image").await;
        picker
            .send_keys(&temp_file(name, bytes))
            .await
            .expect("choose file");
    }

    /// Waits for the upload status to read `Uploaded.`.
    pub async fn wait_uploaded(&self) {
        self.wait_text("status", "Upload status", |t| t == "Uploaded.")
            .await;
    }

    /// Waits until the job list holds `count` cards and the newest reads "success".
    pub async fn wait_newest_success(&self, count: usize) {
        self.wait_newest_success_items(count).await;
    }

    /// As [`Page::wait_newest_success`], returning the cards' texts.
    pub async fn wait_newest_success_items(&self, count: usize) -> Vec<String> {
        self.wait_list("Jobs", std::time::Duration::from_secs(20), |items| {
            items.len() == count && items[0].contains("success")
        })
        .await
    }

    /// Settings filled, `chair.png` chosen and uploaded.
    pub async fn ready_with_image(&self, api: &MockServer) {
        self.fill_settings(api).await;
        self.choose_image("chair.png", &png()).await;
        self.wait_uploaded().await;
    }
}

/// A real RGB PNG of `width`×`height` whose pixels come from `pixel(x, y)`.
pub fn png_rgb(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
    crate::pixels::encode_png(width, height, 3, |x, y, out| {
        out.extend_from_slice(&pixel(x, y))
    })
}

/// Jobs the app polled more than once after the mock already had them final (should be none:
/// the first final answer ends a job's polling), with how many such polls.
pub fn polls_after_final(api: &MockServer) -> Vec<(String, usize)> {
    api.with_store(|store| {
        store
            .jobs
            .iter()
            .map(|job| {
                let final_at = job.created_ms + job.duration_ms;
                let late = store
                    .records
                    .iter()
                    .filter(|r| r.method == "GET" && r.status == 200)
                    .filter(|r| r.path.ends_with(&format!("/jobs/{}", job.id)))
                    .filter(|r| store.started_ms + r.at_ms >= final_at)
                    .count();
                (job.id.clone(), late)
            })
            .filter(|(_, late)| *late > 1)
            .collect()
    })
}

/// Builds a noisy 6000×4000 (24 MP) JPEG in the page and drops it on the drop zone; the drop's
/// `performance.now()` is left in `window.__droppedAt`. Returns the JPEG's size.
pub const DROP_24MP_JS: &str = r#"
const done = arguments[arguments.length - 1];
const canvas = document.createElement('canvas');
canvas.width = 6000; canvas.height = 4000;
const ctx = canvas.getContext('2d');
const img = ctx.createImageData(6000, 4000);
for (let i = 0; i < img.data.length; i += 4) {
  img.data[i] = (i * 7) & 255; img.data[i + 1] = (i * 13) & 255; img.data[i + 2] = (i >> 9) & 255; img.data[i + 3] = 255;
}
ctx.putImageData(img, 0, 0);
canvas.toBlob(blob => {
  const file = new File([blob], 'photo-24mp.jpg', { type: 'image/jpeg' });
  const dt = new DataTransfer();
  dt.items.add(file);
  const zone = document.querySelector('.dropzone');
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  window.__droppedAt = performance.now();
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  done(blob.size);
}, 'image/jpeg', 0.95);
"#;

/// The release `dist/` at `/` and a mock whose jobs take `job_duration_ms`: most tests' start.
pub async fn studio_servers(job_duration_ms: u64) -> (crate::StaticServer, MockServer) {
    let site = crate::StaticServer::start(&crate::dist_dir(), "/").await;
    let api = mock(Knobs {
        job_duration_ms,
        ..Knobs::default()
    })
    .await;
    (site, api)
}

/// Waits (up to 15 s) for the browser's download `name` in `dir`, then a moment more for
/// Chromium to finish writing it.
pub fn wait_for_file(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !path.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "{name} never downloaded into {}",
            dir.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    path
}

/// An empty folder of this test process for the browser's downloads.
pub fn download_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("angleshot-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("download folder");
    dir
}
