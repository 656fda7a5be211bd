//! "Download dataset": the chosen results (every result, or those of chosen sets), each
//! beside its caption, and the sets' originals if asked, as kept (no re-encode).
//!
//! ```no_run
//! use angleshot::studio::{dataset::DatasetOptions, state::Studio};
//! let studio = Studio::new();
//! let options = DatasetOptions { trigger: "chr_hero".into(), template: "{trigger}, {pose}".into(),
//!     include_originals: true, sets: None };
//! studio.export_dataset(options, |said| leptos::logging::log!("{said}"));
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::dataset::{CaptionFields, DatasetImage, build_dataset, caption, check_template};
use crate::domain::lineage::original_name;
use crate::domain::naming::stem;
use crate::domain::profile::{JobBody, multiangle, multiangle_2511};
use crate::studio::export::{bytes_of, save_bytes};
use crate::studio::state::Studio;

/// What goes into a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetOptions {
    pub trigger: String,
    pub template: String,
    /// The sets' originals too (captioned with no pose).
    pub include_originals: bool,
    /// Only the results of these sets; `None`: every result.
    pub sets: Option<Vec<u64>>,
}

/// The angle in a dataset file's name.
fn label_of(body: &JobBody, total_rotation: i32) -> String {
    match body {
        JobBody::Multiangle(b) => multiangle::set_file_label(total_rotation, b.vertical_tilt),
        JobBody::Multiangle2511(b) => multiangle_2511::pose_label(b.pose()),
    }
}

impl Studio {
    /// Builds the dataset ZIP and saves it; `report` hears the progress and the outcome. A
    /// template naming an unknown field stops it before anything is read.
    pub fn export_dataset(self, options: DatasetOptions, report: impl Fn(String) + 'static) {
        if let Err(message) = check_template(&options.template) {
            return report(message);
        }
        let chosen = |set: Option<u64>| match &options.sets {
            None => true,
            Some(sets) => set.is_some_and(|s| sets.contains(&s)),
        };
        let items = untrack(|| self.lineage_items());
        let results: Vec<(String, JobBody, i32, crate::domain::jobs::ResultImage)> = self
            .jobs
            .list()
            .get_untracked()
            .into_iter()
            .filter(|e| chosen(e.set))
            .filter_map(|e| {
                let item = items.iter().find(|i| i.local_id == e.id)?;
                let source = original_name(&items, item).to_string();
                e.card.try_with_untracked(|c| {
                    Some((
                        source,
                        c.body.clone(),
                        c.total_rotation(),
                        c.result.clone()?,
                    ))
                })?
            })
            .collect();
        let originals: Vec<(String, String)> = if options.include_originals {
            self.sets
                .list()
                .get_untracked()
                .into_iter()
                .filter(|s| chosen(Some(s.id)))
                .map(|s| {
                    s.set
                        .with_untracked(|s| (s.input_name.clone(), s.original_url.clone()))
                })
                .filter(|(_, url)| !url.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        if results.is_empty() {
            return report("No finished result to put in a dataset yet.".into());
        }
        spawn_local(async move {
            let total = results.len() + originals.len();
            let mut images = Vec::with_capacity(total);
            for (at, (source, url)) in originals.iter().enumerate() {
                report(format!("Packing {} of {total}…", at + 1));
                let Ok((bytes, mime_type)) = bytes_of(url).await else {
                    continue;
                };
                let fields = CaptionFields {
                    trigger: &options.trigger,
                    pose: "",
                    prompt: "",
                    source,
                };
                let caption = caption(&options.template, &fields).unwrap_or_default();
                images.push(DatasetImage {
                    source: source.clone(),
                    label: "original".into(),
                    mime_type,
                    bytes,
                    caption,
                });
            }
            for (at, (source, body, rotation, result)) in results.iter().enumerate() {
                report(format!("Packing {} of {total}…", originals.len() + at + 1));
                let Ok((bytes, mime)) = bytes_of(&result.object_url).await else {
                    continue;
                };
                let pose = body.describe();
                let fields = CaptionFields {
                    trigger: &options.trigger,
                    pose: &pose,
                    prompt: body.prompt(),
                    source,
                };
                images.push(DatasetImage {
                    source: source.clone(),
                    label: label_of(body, *rotation),
                    mime_type: if result.mime_type.is_empty() {
                        mime
                    } else {
                        result.mime_type.clone()
                    },
                    bytes,
                    caption: caption(&options.template, &fields).unwrap_or_default(),
                });
            }
            match build_dataset(&images) {
                Ok(zip) => {
                    let name = format!("{}_dataset.zip", stem(&results[0].0));
                    save_bytes(&zip, &name, "application/zip");
                    report(format!(
                        "Saved {name}: {} images, each with its caption.",
                        images.len()
                    ));
                }
                Err(message) => report(format!("The dataset could not be written: {message}")),
            }
        });
    }
}
