//! "Export backup" writes the whole history (records and kept images) to one ZIP with
//! progress; "Import backup" merges such a file into this device's history — by job id, no
//! duplicates, the newer record wins — and running jobs go on being watched. A file that
//! cannot be read changes nothing (`domain::backup` reads all of it first).
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.export_backup(); // "Packing image 1 of 3…", then the download
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::backup::{
    Backup, HeldJob, KeptBytes, MergeStep, merge_plan, read_backup, write_backup,
};
use crate::domain::history::{JobRecord, card_from_record, job_record};
use crate::domain::jobs::ResultImage;
use crate::studio::export::{bytes_of, save_bytes};
use crate::studio::jobs::JobEntry;
use crate::studio::set_list::{AngleSet, SetEntry};
use crate::studio::state::{Studio, now_ms};

fn plural(count: usize, one: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {one}s")
    }
}

impl Studio {
    /// "Export backup": every record and kept image in one ZIP, saved as a download.
    pub fn export_backup(self) {
        let say = move |text: String| self.kept.say_backup(Some(text));
        let entries = self.jobs.list().get_untracked();
        let jobs: Vec<JobRecord> = entries
            .iter()
            .filter_map(|e| {
                let thumbnail = e.thumbnail.get_untracked();
                e.card
                    .try_with_untracked(|c| job_record(c, e.set, &thumbnail))
            })
            .collect();
        let sets: Vec<_> = self
            .sets
            .list()
            .get_untracked()
            .into_iter()
            .map(|s| untrack(|| self.set_record_of(s)))
            .collect();
        let shown: Vec<(u64, ResultImage)> = entries
            .iter()
            .filter_map(|e| Some((e.id, e.card.try_with_untracked(|c| c.result.clone())??)))
            .collect();
        spawn_local(async move {
            let mut results = Vec::with_capacity(shown.len());
            for (at, (local_id, result)) in shown.iter().enumerate() {
                say(format!("Packing image {} of {}…", at + 1, shown.len()));
                if let Ok((bytes, mime)) = bytes_of(&result.object_url).await {
                    let mime_type = if result.mime_type.is_empty() {
                        mime
                    } else {
                        result.mime_type.clone()
                    };
                    results.push(KeptBytes {
                        local_id: *local_id,
                        mime_type,
                        bytes,
                    });
                }
            }
            let now = now_ms();
            match write_backup(&jobs, &sets, &results, now) {
                Ok(zip) => {
                    let date = crate::util::time::iso8601(now);
                    let name =
                        format!("angleshot-backup-{}.zip", date.get(..10).unwrap_or("today"));
                    save_bytes(&zip, &name, "application/zip");
                    say(format!(
                        "Saved {name}: {}, {}, {}.",
                        plural(jobs.len(), "job"),
                        plural(sets.len(), "set"),
                        plural(results.len(), "image")
                    ));
                }
                Err(message) => say(format!("The backup could not be written: {message}")),
            }
        });
    }

    /// "Import backup": reads `file` whole, then merges it; a bad file changes nothing.
    pub fn import_backup(self, file: web_sys::File) {
        let say = move |text: String| self.kept.say_backup(Some(text));
        say(format!("Reading {}…", file.name()));
        spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => return say("The file could not be read.".into()),
            };
            match read_backup(&bytes) {
                Ok(backup) => say(self.merge_backup(backup)),
                Err(message) => say(message),
            }
        });
    }

    /// Merges a backup read whole; says what changed.
    fn merge_backup(self, backup: Backup) -> String {
        let entries = self.jobs.list().get_untracked();
        let held: Vec<HeldJob> = entries
            .iter()
            .filter_map(|e| {
                e.card.try_with_untracked(|c| HeldJob {
                    local_id: e.id,
                    job_id: c.job_id.clone(),
                    changed_ms: c.finished_ms.unwrap_or(c.submitted_ms),
                    submitted_ms: c.submitted_ms,
                })
            })
            .collect();
        let plan = merge_plan(&held, &backup.jobs);
        // Where each imported card and set goes here.
        let mut card_ids: Vec<(u64, u64)> = Vec::new();
        for (record, step) in backup.jobs.iter().zip(&plan) {
            let to = match *step {
                MergeStep::Add => self.jobs.take_id(),
                MergeStep::Replace { local_id } | MergeStep::Keep { local_id } => local_id,
                MergeStep::Duplicate { first } => card_ids.get(first).map_or(0, |c| c.1),
            };
            card_ids.push((record.local_id, to));
        }
        let held_sets = self.sets.list().get_untracked();
        let mut set_ids: Vec<(u64, u64)> = Vec::new();
        let mut new_sets = Vec::new();
        for record in &backup.sets {
            let same = held_sets.iter().find(|s| {
                s.set.with_untracked(|held| {
                    held.created_ms == record.created_ms && held.input_name == record.input_name
                })
            });
            let to = same.map_or_else(|| self.jobs.take_id(), |s| s.id);
            set_ids.push((record.id, to));
            if same.is_none() {
                let mut set = AngleSet::from_record(record);
                set.cells.retain_mut(|cell| {
                    let moved = card_ids.iter().find(|(from, _)| *from == cell.job);
                    moved.inspect(|(_, to)| cell.job = *to).is_some()
                });
                new_sets.push(SetEntry {
                    id: to,
                    set: self.jobs.owners().owned(to, set),
                });
            }
        }
        let mut added = Vec::new();
        let mut replaced = 0;
        for ((record, step), (from, to)) in backup.jobs.iter().zip(&plan).zip(&card_ids) {
            let mut record = record.clone();
            record.local_id = *to;
            record.set_id = record
                .set_id
                .and_then(|set| set_ids.iter().find(|(f, _)| *f == set).map(|(_, t)| *t));
            let kept = backup.results.iter().find(|r| r.local_id == *from);
            match step {
                MergeStep::Add => {
                    let card = card_from_record(&record);
                    let entry = self
                        .jobs
                        .make(card, record.thumbnail.clone(), record.set_id);
                    added.push((entry, kept));
                }
                MergeStep::Replace { local_id } => {
                    let Some(entry) = self.jobs.find(*local_id) else {
                        continue;
                    };
                    let mut card = card_from_record(&record);
                    entry.card.with_untracked(|old| {
                        card.result = old.result.clone();
                        card.more_takes = old.more_takes.clone();
                    });
                    entry.card.set(card);
                    replaced += 1;
                    if kept.is_some() || entry.card.with_untracked(|c| c.result.is_none()) {
                        self.show_imported(entry, kept);
                    }
                }
                MergeStep::Keep { .. } | MergeStep::Duplicate { .. } => {}
            }
        }
        let new_entries: Vec<JobEntry> = added.iter().map(|(entry, _)| *entry).collect();
        self.jobs.merge(&new_entries);
        self.sets.merge(&new_sets);
        for (entry, kept) in &added {
            self.watch_entry(*entry, false);
            self.show_imported(*entry, *kept);
        }
        for set in &new_sets {
            self.watch_set(*set, false);
        }
        self.polls.start_clock();
        self.pump_queue();
        let unchanged = backup.jobs.len() - added.len() - replaced;
        if added.is_empty() && replaced == 0 && new_sets.is_empty() {
            return format!(
                "Nothing new in this backup: its {} already here.",
                plural(backup.jobs.len(), "job")
            );
        }
        format!(
            "Imported {} and {}; {} updated, {} already here.",
            plural(added.len(), "job"),
            plural(new_sets.len(), "set"),
            replaced,
            unchanged
        )
    }

    /// An imported card shows its kept image (stored on this device too) and goes on.
    fn show_imported(self, entry: JobEntry, kept: Option<&KeptBytes>) {
        let shown = kept.and_then(|kept| {
            let url = crate::platform::files::object_url(&kept.bytes, &kept.mime_type)?;
            let asset_id = entry
                .card
                .with_untracked(|c| c.result_asset_ids.first().cloned())
                .unwrap_or_default(); // the first take is the kept one
            entry.card.update(|c| {
                c.result = Some(ResultImage {
                    asset_id,
                    object_url: url,
                    mime_type: kept.mime_type.clone(),
                })
            });
            let blob = crate::platform::files::blob(&kept.bytes, &kept.mime_type)?;
            self.save_result_bytes(entry, blob, None);
            Some(())
        });
        self.carry_on(entry, shown.is_some());
        if shown.is_some() {
            self.fetch_more_takes(entry);
        }
    }
}
