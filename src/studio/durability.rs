//! Keeping the history on the device: persistent storage is asked for when the first result
//! is kept (and when the app is installed), and Settings says in words whether the browser
//! keeps it and how much space it uses (`domain::durability`).
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.refresh_durability(); // Settings' "Storage on this device"
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::durability::{StorageState, to_free, words};
use crate::domain::jobs::NotKept;
use crate::platform::files::copy_in_memory;
use crate::platform::storage_manager;
use crate::studio::history::{self, RESULTS};
use crate::studio::state::Studio;

impl Studio {
    /// Reads how the browser keeps the history and says it in Settings.
    pub fn refresh_durability(self) {
        spawn_local(async move {
            let estimate = storage_manager::estimate().await;
            let state = StorageState {
                persisted: storage_manager::persisted().await,
                usage: estimate.map(|e| e.0),
                quota: estimate.map(|e| e.1),
                safari: storage_manager::is_safari(),
            };
            self.kept.set_durability(words(&state));
        });
    }

    /// A result was kept: the first time in this page, ask the browser to keep the history
    /// (`persist()`), then say what it answered.
    pub(crate) fn result_kept(self) {
        if !self.kept.first_ask() {
            self.refresh_durability();
            return;
        }
        spawn_local(async move {
            let _ = storage_manager::persist().await;
            self.refresh_durability();
        });
    }

    /// The app was installed: ask again (browsers grant persistence to installed apps).
    pub(crate) fn keep_when_installed(self) {
        storage_manager::when_installed(move || {
            spawn_local(async move {
                let _ = storage_manager::persist().await;
                self.refresh_durability();
            });
        });
    }

    /// The cards whose result bytes "Free up space" would drop (oldest first).
    pub fn results_to_free(&self) -> Vec<u64> {
        let kept: Vec<u64> = self.jobs.list().with_untracked(|jobs| {
            jobs.iter()
                .filter(|e| {
                    e.card
                        .with_untracked(|c| c.result.is_some() && c.not_kept.is_none())
                })
                .map(|e| e.id)
                .collect()
        });
        to_free(&kept)
    }

    /// "Free up space" (after its question): drops the stored bytes of the oldest results.
    /// Their cards stay as they are, still showing the image in this page, and after a
    /// reload fetch it again by asset id.
    pub fn free_up_space(self) {
        let ids = self.results_to_free();
        let Some(db) = self.kept.database() else {
            return;
        };
        spawn_local(async move {
            let mut freed = 0;
            for id in &ids {
                let Some(entry) = self.jobs.find(*id) else {
                    continue;
                };
                // The page's own copy first: the stored file goes once nothing shows it.
                let shown = entry.card.with_untracked(|c| c.result.clone());
                if let Some(result) = shown
                    && let Some(copy) = copy_in_memory(&result.object_url, &result.mime_type).await
                {
                    entry.card.update(|c| {
                        if let Some(r) = c.result.as_mut() {
                            r.object_url = copy;
                        }
                    });
                    let _ = web_sys::Url::revoke_object_url(&result.object_url);
                }
                if history::delete(&db, &[RESULTS], *id).await.is_ok() {
                    freed += 1;
                    entry.card.update(|c| {
                        c.not_kept = Some(NotKept {
                            link_expires_ms: None,
                        })
                    });
                }
            }
            let results = if freed == 1 { "result" } else { "results" };
            self.kept.say(Some(format!(
                "Freed the stored images of {freed} {results}: new results are kept again."
            )));
            self.refresh_durability();
        });
    }
}
