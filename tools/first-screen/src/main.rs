//! `angleshot-first-screen <dir>`: a Trunk post-build step. Serves the built site in `<dir>`
//! on loopback, opens it in headless Chromium as the snapshot of its first screen (the app
//! mounts its first screen and builds nothing more), and writes that markup into
//! `<dir>/index.html` as the copy painted before the wasm has loaded
//! (`src/platform/static_first_screen.rs`). A changed component changes the copy with it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use angleshot::platform::static_first_screen::with_copy;
use angleshot_e2e::{StaticServer, with_browser};

fn fail(message: String) -> ! {
    eprintln!("angleshot-first-screen: {message}");
    std::process::exit(1)
}

#[tokio::main]
async fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        fail("usage: angleshot-first-screen <built site dir>".into())
    };
    let index = dir.join("index.html");
    let page_text = std::fs::read_to_string(&index)
        .unwrap_or_else(|e| fail(format!("{}: {e}", index.display())));
    let site = StaticServer::start(&dir, "/").await;
    let captured = Arc::new(Mutex::new(None));
    let slot = captured.clone();
    let url = site.url();
    with_browser(|page| async move {
        let copy = angleshot_e2e::first_screen::capture(&page, &url).await;
        *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(copy);
    })
    .await;
    let copy = captured
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .unwrap_or_else(|| fail("nothing was captured".into()));
    let built = with_copy(&page_text, &copy)
        .unwrap_or_else(|| fail(format!("{} has no first-screen wrapper", index.display())));
    std::fs::write(&index, built).unwrap_or_else(|e| fail(format!("{}: {e}", index.display())));
    println!(
        "angleshot-first-screen: {} characters of first screen written into {}",
        copy.len(),
        index.display()
    );
}
