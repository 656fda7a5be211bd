//! Angleshot: new camera angles from one picture, through Scenario's Qwen Edit Multi-Angle
//! model. See `README.md` and `../shared/architecture.md` for how the layers fit.

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod json;
pub mod offline;
pub mod panic_banner;
pub mod static_first_screen;
pub mod studio;

/// A `performance.mark` the benchmark reads (e.g. `angleshot-mounted`); nothing when the
/// browser has no Performance API.
///
/// ```no_run
/// angleshot::perf_mark("angleshot-mounted");
/// ```
pub fn perf_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
