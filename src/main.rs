fn main() {
    // The bench reads these marks: navigation start → wasm running → first screen (image,
    // camera, Generate) mounted → the rest of the studio built after the first paint.
    angleshot::perf_mark("angleshot-started");
    angleshot::panic_banner::install();
    // index.html's painted copy of the first screen goes in the same task as the mount (no
    // frame shows neither) and before it (no id is ever on the page twice).
    angleshot::static_first_screen::remove();
    leptos::mount::mount_to_body(angleshot::app::App);
    angleshot::perf_mark("angleshot-mounted");
    angleshot::components::after_first_paint::after_next_paint(|| {
        angleshot::perf_mark("angleshot-complete");
        // The worker's install fetches the whole shell again: not while the first screen loads.
        angleshot::offline::register_service_worker();
    });
}
