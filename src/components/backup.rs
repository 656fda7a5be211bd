//! "Export backup" and "Import backup" in Settings, with what the last one did.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::studio::state::Studio;

/// The two buttons and the backup's status line.
#[component]
pub fn Backup() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let on_pick = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| {
                let file = input.files().and_then(|files| files.get(0));
                input.set_value(""); // the same file again still fires
                file
            });
        if let Some(file) = file {
            studio.import_backup(file);
        }
    };
    view! {
        <div class="row backup">
            <button type="button" class="secondary" on:click=move |_| studio.export_backup()>"Export backup"</button>
            <input id="import-backup" class="file-input" type="file" accept=".zip,application/zip" on:change=on_pick />
            <label for="import-backup" class="file-button secondary">"Import backup"</label>
        </div>
        <p class="hint" role="status" aria-label="Backup status">{move || studio.kept.backup_status().get()}</p>
    }
}
