fn main() {
    angleshot::panic_banner::install();
    leptos::mount::mount_to_body(angleshot::app::App);
    // The bench reads this mark: navigation start → studio mounted.
    angleshot::perf_mark("angleshot-mounted");
    angleshot::offline::register_service_worker();
}
