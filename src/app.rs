//! The page: builds the studio state, provides it, lays out the panels.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::after_first_paint::AfterFirstPaint;
use crate::components::camera_details::CameraDetails;
use crate::components::camera_panel::CameraPanel;
use crate::components::connection::ConnectionPanel;
use crate::components::image_input::{ImageInput, accept_file};
use crate::components::job_list::JobList;
use crate::components::stage::Stage;
use crate::studio::state::Studio;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let studio = Studio::new();
    provide_context(studio);
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        studio.visibility_changed(!hidden);
    });
    // Pasting an image anywhere on the page (outside text fields) makes it the input.
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        let in_text_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
        if in_text_field {
            return;
        }
        if let Some(file) = ev
            .clipboard_data()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            ev.prevent_default();
            accept_file(studio, file);
        }
    });
    // A reload or a closed tab: keep where the artist was (a hidden page has done so too).
    let page_hide = window_event_listener(leptos::ev::pagehide, move |_| studio.save_draft());
    // Ctrl+Enter (Cmd+Enter on a Mac) generates from anywhere in the studio, text fields too.
    let generate_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) && !ev.repeat() {
            ev.prevent_default();
            studio.generate();
        }
    });
    // A picture given to index.html's copy of this screen before the wasm ran.
    crate::platform::static_first_screen::adopt_early_input(move |file| accept_file(studio, file));
    on_cleanup(move || {
        visibility.remove();
        paste.remove();
        page_hide.remove();
        generate_key.remove();
    });
    view! {
        <header class="app-header">
            <h1>"Angleshot"</h1>
            <p class="tagline">"One picture, every camera angle."</p>
            // First open without a key: everything can be tried on the simulated backend.
            <div class="row demo-row">
                <Show when=move || studio.settings.is_demo()
                    fallback=move || view! {
                        <span class="hint">"No Scenario key yet?"</span>
                        <button type="button" class="secondary" on:click=move |_| studio.start_demo()>"Try the demo"</button>
                    }>
                    <span class="demo-badge" role="status" aria-label="Demo mode">"DEMO — simulated backend, nothing leaves this page; results are illustrations"</span>
                    <button type="button" class="secondary" on:click=move |_| studio.leave_demo()>"Leave demo"</button>
                </Show>
            </div>
        </header>
        // Reading order image → camera → stage and gallery → details → settings; on wide
        // screens CSS puts image, camera, details and settings in one column and the stage
        // with the gallery beside them, so the result is where the eye is.
        <main class="studio">
            <ImageInput />
            <CameraPanel />
            // Below the first screen: built once image, camera and Generate are on screen.
            <AfterFirstPaint>
                <div class="results">
                    <Stage />
                    <JobList />
                    <crate::components::dataset_panel::DatasetPanel />
                </div>
                <CameraDetails />
                <ConnectionPanel />
            </AfterFirstPaint>
        </main>
    }
}
