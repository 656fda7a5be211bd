//! Browser glue: timers after paint, the viewport observer, files, the service worker, the
//! panic banner, index.html's early copy of the first screen, performance marks. Plain
//! functions over `web-sys`; `studio` and `components` both use them, and they use nothing of
//! the crate but `util`.

pub mod files;
pub mod paint;
pub mod panic_banner;
pub mod scroll;
pub mod service_worker;
pub mod sheet_canvas;
pub mod spin_recorder;
pub mod static_first_screen;
pub mod storage_manager;
pub mod timer;
pub mod touch;
pub mod viewport;

/// A `performance.mark` the benchmark reads (e.g. `angleshot-mounted`); nothing when the
/// browser has no Performance API.
///
/// ```no_run
/// angleshot::platform::perf_mark("angleshot-mounted");
/// ```
pub fn perf_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
