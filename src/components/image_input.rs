//! The input image: file picker (camera on a tablet), drag-and-drop, paste; preview and
//! upload state.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::studio::image::prepare;
use crate::studio::input::UploadState;
use crate::studio::state::Studio;

/// Prepares `file` off the event and hands it to the studio.
pub fn accept_file(studio: Studio, file: web_sys::File) {
    spawn_local(async move {
        let prepared = prepare(&file).await;
        studio.input.choose(prepared);
    });
}

/// The input panel's element id.
pub const PANEL_ID: &str = "input-panel";

/// "Use as input" on result `id`: it becomes the input, and the panel showing it is brought
/// into view so the change is seen (from the stage or a set's cell alike).
pub fn use_result_as_input(studio: Studio, id: u64) {
    studio.use_as_input(id);
    crate::platform::scroll::bring_into_view(PANEL_ID);
}

/// Drop zone, picker and preview.
#[component]
pub fn ImageInput() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(file) = crate::platform::files::picked_file(&ev) {
            accept_file(studio, file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            accept_file(studio, file);
        }
    };
    view! {
        <section class="panel input" id=PANEL_ID aria-labelledby="input-title">
            <div class="row panel-head">
                <h2 id="input-title">"Image"</h2>
                <crate::components::account_images::AccountImages />
            </div>
            <div class="dropzone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                {move || match studio.input.image().get() {
                    Some(input) => view! {
                        <img class="preview" src=input.thumbnail alt=format!("Input image: {}", input.name) />
                        <p class="meta">{input.name.clone()}
                            {(input.width > 0).then(|| format!(" · {}×{} · {} KB", input.width, input.height, input.bytes / 1024))}
                            {input.downscaled_from.map(|(w, h)| format!(" · downscaled from {w}×{h}"))}
                        </p>
                    }.into_any(),
                    None => view! { <p class="hint">"Drop a picture here, paste one, or choose a file."</p> }.into_any(),
                }}
                <label for="input-image" class="file-button">"Input image"</label>
                <input id="input-image" type="file" accept="image/*" on:change=on_pick />
            </div>
            <p class="error" role="alert">{move || studio.input.error().get()}</p>
            <p class="upload-state" role="status" aria-label="Upload status">
                {move || match (studio.input.upload().get(), studio.input.announcement().get()) {
                    (UploadState::Uploaded, Some(said)) => said,
                    (UploadState::Idle, _) => String::new(),
                    (UploadState::Uploading, _) => "Uploading…".to_string(),
                    (UploadState::Uploaded, None) => "Uploaded.".to_string(),
                    (UploadState::Failed(message), _) => format!("Upload failed: {message}"),
                }}
            </p>
            <Show when=move || matches!(studio.input.upload().get(), UploadState::Failed(_))>
                <button type="button" on:click=move |_| spawn_local(async move { let _ = studio.input.ensure_uploaded().await; })>
                    "Retry upload"
                </button>
            </Show>
        </section>
    }
}
