fn main() {
    angleshot::panic_banner::install();
    leptos::mount::mount_to_body(angleshot::app::App);
    // The bench reads this mark: navigation start → studio mounted.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("angleshot-mounted");
    }
    angleshot::offline::register_service_worker();
}
