//! "Export backup" and "Import backup" in Settings, with what the last one did.

use leptos::prelude::*;

use crate::studio::state::Studio;

/// The two buttons and the backup's status line.
#[component]
pub fn Backup() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(file) = crate::platform::files::picked_file(&ev) {
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
