fn main() {
    // The bench reads these marks: navigation start → wasm running → first screen (image,
    // camera, Generate) mounted → the rest of the studio built after the first paint.
    angleshot::platform::perf_mark("angleshot-started");
    angleshot::platform::panic_banner::install();
    // index.html's painted copy of the first screen goes in the same task as the mount (no
    // frame shows neither) and before it (no id is ever on the page twice).
    angleshot::platform::static_first_screen::remove();
    if angleshot::platform::static_first_screen::snapshot_requested() {
        // The build's copy of the first screen: only what mounts first, in its own element.
        angleshot::platform::paint::hold();
        if let Some(container) = angleshot::platform::static_first_screen::snapshot_container() {
            leptos::mount::mount_to(container, angleshot::app::App).forget();
        }
        return;
    }
    leptos::mount::mount_to_body(angleshot::app::App);
    angleshot::platform::perf_mark("angleshot-mounted");
    angleshot::platform::paint::after_next_paint(|| {
        angleshot::platform::perf_mark("angleshot-complete");
        // The worker's install fetches the whole shell again: not while the first screen loads.
        angleshot::platform::service_worker::register_service_worker();
    });
}
