fn main() {
    // The bench reads these marks: navigation start → wasm running → studio mounted.
    angleshot::perf_mark("angleshot-started");
    angleshot::panic_banner::install();
    leptos::mount::mount_to_body(angleshot::app::App);
    angleshot::perf_mark("angleshot-mounted");
    angleshot::offline::register_service_worker();
}
