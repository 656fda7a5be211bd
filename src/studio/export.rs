//! "Download set (ZIP)": the set's original and each result, named by angle, with an
//! `angles.json` of parameters and ids, packed in the browser (`domain::set_export` writes it).

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::domain::angle_set::SetKind;
use crate::domain::jobs::JobCard;
use crate::domain::set_archive::{ArchiveImage, SetArchive};
use crate::studio::set_list::{AngleSet, SetCell};
use crate::studio::state::Studio;

impl Studio {
    /// "Download set (ZIP)": the original and each result named by angle, plus `angles.json`.
    pub fn export_set(self, set_id: u64) {
        let Some(set_entry) = self.set_entry(set_id) else {
            return;
        };
        let set = set_entry.set.get_untracked();
        spawn_local(async move {
            let report = |text: String| set_entry.set.update(|s| s.packing = Some(text));
            match self.pack_set(&set, &report).await {
                Ok((zip, name)) => {
                    report(format!("Saved {name}."));
                    save_bytes(&zip, &name, "application/zip");
                }
                Err(message) => report(format!("Could not build the ZIP: {message}")),
            }
        });
    }

    async fn pack_set(
        self,
        set: &AngleSet,
        report: &dyn Fn(String),
    ) -> Result<(Vec<u8>, String), String> {
        let results: Vec<(SetCell, JobCard)> = set
            .cells
            .iter()
            .filter_map(|cell| {
                let card = self.entry(cell.job)?.card.get_untracked();
                card.result.is_some().then_some((*cell, card))
            })
            .collect();
        // Every take of every cell (a 2511 job may make up to four).
        let takes: Vec<(&SetCell, &JobCard, &crate::domain::jobs::ResultImage)> = results
            .iter()
            .flat_map(|(cell, card)| card.takes().into_iter().map(move |take| (cell, card, take)))
            .collect();
        let total = takes.len() + 1;
        report(format!("Packing 1 of {total}…"));
        let (bytes, mime_type) = bytes_of(&set.original_url).await?;
        let original = ArchiveImage { bytes, mime_type };
        let mut images = Vec::with_capacity(takes.len());
        for (i, (cell, card, take)) in takes.into_iter().enumerate() {
            report(format!("Packing {} of {total}…", i + 2));
            let (bytes, mime) = bytes_of(&take.object_url).await?;
            let mime_type = if take.mime_type.is_empty() {
                mime
            } else {
                take.mime_type.clone()
            };
            images.push((cell.angle, card, ArchiveImage { bytes, mime_type }));
        }
        let archive = SetArchive {
            input_name: &set.input_name,
            input_asset_id: set.input_asset_id.as_deref(),
            base_rotation: set.base_rotation,
            created_ms: set.created_ms,
            kind: set.kind,
        };
        // A turnaround's sprite sheet, in the grid picked on the set, beside the images (an
        // angle set's ZIP stays as it was: its tilted views are no sheet's frames).
        let sheet = match set.kind {
            SetKind::Turnaround { .. } => self.make_sprite_sheet(set, set.sheet_grid).await?,
            SetKind::Angles => None,
        };
        let extras = match sheet {
            Some(sheet) => vec![
                (sheet.png_name, sheet.png),
                (sheet.atlas_name, sheet.atlas.into_bytes()),
            ],
            None => Vec::new(),
        };
        let zip = archive.build_with(original, &images, extras)?;
        let stem = set
            .input_name
            .rsplit_once('.')
            .map_or(set.input_name.as_str(), |(stem, _)| stem);
        let what = match set.kind {
            SetKind::Angles => "angle-set",
            SetKind::Turnaround { .. } => "turnaround",
        };
        Ok((zip, format!("{stem}_{what}.zip")))
    }
}

/// The bytes and MIME type behind a `data:` or `blob:` URL kept in this page.
pub(crate) async fn bytes_of(url: &str) -> Result<(Vec<u8>, String), String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "an image could not be read back".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    let blob = wasm_bindgen_futures::JsFuture::from(
        response
            .blob()
            .map_err(|_| "an image could not be read back")?,
    )
    .await
    .map_err(|_| "an image could not be read back")?;
    let blob: web_sys::Blob = blob.dyn_into().map_err(|_| "not a blob")?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| "an image could not be read back")?;
    Ok((js_sys::Uint8Array::new(&buffer).to_vec(), blob.type_()))
}

/// Saves bytes as a file through a temporary object URL, revoked once the download started.
pub(crate) fn save_bytes(bytes: &[u8], file_name: &str, mime: &str) {
    let Some(url) = crate::platform::files::object_url(bytes, mime) else {
        return;
    };
    crate::platform::files::save(&url, file_name);
    Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
