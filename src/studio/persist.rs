//! Nothing lost: every card and set is saved to the device as it changes, results with their
//! bytes (the reopening is `restore`'s).
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new(); // restores the history by itself
//! studio.clear_history();
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::domain::angle_set::SetKind;
use crate::domain::history::{SetRecord, job_record, set_record};
use crate::domain::jobs::NotKept;
use crate::studio::history::{self, JOBS, RESULTS, SETS};
use crate::studio::jobs::JobEntry;
use crate::studio::set_list::SetEntry;
use crate::studio::state::Studio;

impl Studio {
    /// Writes a card's record now (skipped once it has been removed from the list).
    pub(super) fn save_entry(self, entry: JobEntry) {
        if self.entry(entry.id).is_none() {
            return; // removed meanwhile: do not write it back
        }
        let json = entry.card.with(|card| {
            serde_json::to_string(&job_record(card, entry.set, &entry.thumbnail.get()))
        });
        let Ok(json) = json else { return };
        let Some(db) = self.kept.database() else {
            return;
        };
        spawn_local(async move {
            if let Err(refused) = history::put(&db, JOBS, entry.id, &JsValue::from_str(&json)).await
            {
                self.kept.failed(refused.message);
            }
        });
    }

    /// Saves a card whenever its record changes (while it is in the list): a change the
    /// record does not hold (a new object URL, the clock) writes nothing. `stored` cards (just
    /// read back) are not written again until their record changes.
    pub(crate) fn watch_entry(self, entry: JobEntry, stored: bool) {
        // The record without its thumbnail (set once, when the card is made), as JSON.
        let fingerprint = move || {
            let thumbnail_len = entry.thumbnail.with(String::len);
            entry.card.with(|card| {
                serde_json::to_string(&job_record(card, entry.set, ""))
                    .map(|json| format!("{thumbnail_len}:{json}"))
                    .ok()
            })
        };
        self.jobs.owners().under(entry.id, move || {
            Effect::new(move |previous: Option<Option<String>>| {
                let now = fingerprint();
                match previous {
                    None if stored => {}
                    Some(before) if before == now => {}
                    _ => self.save_entry(entry),
                }
                now
            });
        });
    }

    /// A set's record as stored (tracked: the watcher saves on each change).
    pub(crate) fn set_record_of(&self, entry: SetEntry) -> SetRecord {
        entry.set.with(|s| {
            let cells: Vec<_> = s.cells.iter().map(|c| (c.angle, c.job)).collect();
            let mut record = set_record(
                entry.id,
                &s.input_name,
                &s.original_url,
                s.input_asset_id.as_deref(),
                s.base_rotation,
                s.created_ms,
                &cells,
            );
            if let SetKind::Turnaround { seed } = s.kind {
                record.turnaround_seed = Some(seed);
            }
            record
        })
    }

    /// Writes a set's record now (skipped once it has been removed).
    pub(super) fn save_set(self, entry: SetEntry) {
        let json = serde_json::to_string(&self.set_record_of(entry));
        let Ok(json) = json else { return };
        let alive = self.sets.contains(entry.id);
        let Some(db) = self.kept.database().filter(|_| alive) else {
            return;
        };
        spawn_local(async move {
            if let Err(refused) = history::put(&db, SETS, entry.id, &JsValue::from_str(&json)).await
            {
                self.kept.failed(refused.message);
            }
        });
    }

    /// Saves a set whenever it changes (while it is in the list); `stored` as for cards.
    pub(crate) fn watch_set(self, entry: SetEntry, stored: bool) {
        self.jobs.owners().under(entry.id, move || {
            Effect::new(move |previous: Option<()>| {
                if previous.is_none() && stored {
                    entry.set.track();
                    return;
                }
                self.save_set(entry);
            });
        });
    }

    /// Keeps a result's bytes (CDN links expire).
    ///
    /// Refused for space, the card is kept without its bytes and says until when its link
    /// works (`link_expires_ms`); its record, a few hundred bytes, is written on its own.
    pub(crate) fn save_result_bytes(
        self,
        entry: JobEntry,
        blob: web_sys::Blob,
        link_expires_ms: Option<f64>,
    ) {
        let Some(db) = self.kept.database() else {
            return;
        };
        spawn_local(async move {
            match history::put(&db, RESULTS, entry.id, &blob).await {
                Ok(()) => {
                    entry.card.try_update(|c| c.not_kept = None);
                    self.result_kept();
                }
                Err(refused) => {
                    if refused.full {
                        entry
                            .card
                            .try_update(|c| c.not_kept = Some(NotKept { link_expires_ms }));
                    }
                    self.kept.failed(refused.message);
                }
            }
        });
    }

    /// Deletes a job's record and bytes, or a set's record.
    pub(crate) fn forget_stored(self, stores: &'static [&'static str], id: u64) {
        let Some(db) = self.kept.database() else {
            return;
        };
        spawn_local(async move {
            let _ = history::delete(&db, stores, id).await;
        });
    }

    /// "Clear history" (after its confirmation): every card, set and stored byte goes; jobs
    /// still running on Scenario are no longer watched.
    pub fn clear_history(self) {
        // Their owners go a task later: what is read below is still there.
        for entry in self.jobs.take_all() {
            if let Some(job_id) = entry.card.with_untracked(|c| c.job_id.clone()) {
                self.forget_polling(&job_id);
            }
            if let Some(result) = entry.card.with_untracked(|c| c.result.clone()) {
                let _ = web_sys::Url::revoke_object_url(&result.object_url);
            }
            self.queue.finished(entry.id);
        }
        for set in self.sets.take_all() {
            self.jobs.owners().dispose(set.id);
        }
        if let Some(db) = self.kept.database() {
            spawn_local(async move {
                if let Err(message) = history::clear(&db).await {
                    self.kept.failed(message);
                }
            });
        }
    }
}
