//! Support for the end-to-end tests: a static server for the release `dist/`, the mock
//! Scenario server, and headless Chromium driven through chromedriver — all on free loopback
//! ports, all stopped when a test ends, also when it fails.
//!
//! ```no_run
//! use angleshot_e2e::{Page, with_browser};
//! # async fn demo() {
//! with_browser(|page: Page| async move {
//!     page.open("http://127.0.0.1:8080/").await;
//!     page.by_role("button", "Test connection").await.click().await.unwrap();
//! })
//! .await;
//! # }
//! ```

pub mod accessibility;
pub mod driver;
pub mod first_screen;
pub mod fixtures;
pub mod page;
pub mod pixels;
pub mod static_server;

pub use driver::with_browser;
pub use page::Page;
pub use static_server::{ServeOptions, StaticServer};

use std::path::PathBuf;

/// The release build the tests drive: `<repo>/dist`, built by `trunk build --release`.
pub fn dist_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist");
    assert!(
        dir.join("index.html").exists(),
        "{} has no index.html: run `trunk build --release` (scripts/test.sh does) first",
        dir.display()
    );
    dir
}

/// Where tests save screenshots and other artifacts (`tests/e2e/artifacts/`, git-ignored).
pub fn artifacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}
