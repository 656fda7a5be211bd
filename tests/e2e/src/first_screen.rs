//! The first screen as the app mounts it, read from the built page in Chromium: what the build
//! writes into `index.html` as its painted-before-the-wasm copy (`tools/first-screen`), and
//! what the e2e test compares that copy with.
//!
//! ```no_run
//! # async fn demo(page: angleshot_e2e::Page) {
//! let copy = angleshot_e2e::first_screen::capture(&page, "http://127.0.0.1:8080/").await;
//! assert!(copy.contains("Generate"));
//! # }
//! ```

use std::time::{Duration, Instant};

use angleshot::platform::static_first_screen::{SNAPSHOT_HASH, SNAPSHOT_ID, without_comments};
use serde_json::json;

use crate::page::{DEFAULT_WAIT, Page};

/// Opens `site_url` as the build's snapshot (nothing after the first paint is built) and
/// returns the markup the app mounted, without Leptos's comment markers.
pub async fn capture(page: &Page, site_url: &str) -> String {
    let url = format!("{}{SNAPSHOT_HASH}", site_url.trim_end_matches('#'));
    // From elsewhere: from the same page, a new hash alone would not load it again.
    page.client
        .goto("about:blank")
        .await
        .expect("leave the page");
    page.client.goto(&url).await.expect("open the snapshot");
    let deadline = Instant::now() + DEFAULT_WAIT;
    let read = format!(
        "const el = document.getElementById({}); return el && el.querySelector('h1') ? el.innerHTML : null;",
        json!(SNAPSHOT_ID)
    );
    loop {
        let mounted = page.client.execute(&read, vec![]).await.ok();
        if let Some(html) = mounted.as_ref().and_then(|v| v.as_str()) {
            return without_comments(html);
        }
        if Instant::now() > deadline {
            panic!("the app never mounted its first screen at {url}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
