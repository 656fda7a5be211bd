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
    let dir = std::env::temp_dir().join(format!("angleshot-e2e-files-{}", std::process::id()));
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
        self.wait_list("Jobs", std::time::Duration::from_secs(20), |items| {
            items.len() == count && items[0].contains("success")
        })
        .await;
    }

    /// Settings filled, `chair.png` chosen and uploaded.
    pub async fn ready_with_image(&self, api: &MockServer) {
        self.fill_settings(api).await;
        self.choose_image("chair.png", &png()).await;
        self.wait_uploaded().await;
    }
}
