//! Keeping the history on the device: persistent storage is asked for when the first result
//! is kept (and when the app is installed), and Settings says in words whether the browser
//! keeps it and how much space it uses (`domain::durability`).
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.refresh_durability(); // Settings' "Storage on this device"
//! ```

use leptos::task::spawn_local;

use crate::domain::durability::{StorageState, words};
use crate::platform::storage_manager;
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
}
