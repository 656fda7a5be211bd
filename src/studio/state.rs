//! The studio: a facade over the stores, each of which owns its signals privately and
//! changes them only through its actions — settings (`settings`), the camera (`camera`), the
//! input picture (`input`, which uses settings), the cards and their owners (`jobs`), the
//! sets (`set_list`), the submit queue (`queue`), the poll loop's clock (`poll_loop`), the
//! database (`kept`) and the stage's pick (`selection`). What takes more than one store lives
//! in the rooms beside this file, one per concern (`connection`, `readiness`, `submit`,
//! `results`, `poller`, `sets`, `export`, `persist`, `restore`, `draft`, `stage`). Logic
//! comes from `domain`, HTTP from `api`.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.generate(); // no-op with a reason shown while nothing is ready
//! ```

use leptos::prelude::*;

use crate::platform::paint::after_next_paint;

/// Everything the page shows and every action it can take.
#[derive(Clone, Copy)]
pub struct Studio {
    /// The API base, key and secret, the demo switch, the connection report.
    pub settings: crate::studio::settings::SettingsStore,
    /// The panel's shot and the model's ranges.
    pub camera: crate::studio::camera::CameraStore,
    /// The input picture and its upload.
    pub input: crate::studio::input::InputStore,
    /// Every card, each under its own owner, and the local ids.
    pub jobs: crate::studio::jobs::JobsStore,
    /// Angle sets (newest first) and the angles ticked for the next.
    pub sets: crate::studio::set_list::SetsStore,
    /// The last cost estimate, in words.
    pub(super) cost: RwSignal<Option<String>>,
    /// The one poll loop's schedule and timer, and the clock of elapsed times.
    pub polls: crate::studio::poll_loop::PollLoop,
    /// The submit queue of sets' jobs ("Jobs at once", 429 pauses).
    pub queue: crate::studio::queue::QueueStore,

    /// The history database and why it is not being kept, when it is not.
    pub kept: crate::studio::kept::KeptStore,
    /// The job or set on the stage.
    pub selection: crate::studio::selection::SelectionStore,
}

/// Milliseconds since the epoch, from the browser.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Default for Studio {
    fn default() -> Self {
        Self::new()
    }
}

impl Studio {
    /// The last cost estimate, in words (reactive).
    pub fn cost(&self) -> ReadSignal<Option<String>> {
        self.cost.read_only()
    }

    /// State from storage (key, base URL). Right after the first paint it asks `config.json`
    /// for the host's default base and restores the history.
    pub fn new() -> Self {
        let settings = crate::studio::settings::SettingsStore::new();
        let studio = Studio {
            settings,
            camera: crate::studio::camera::CameraStore::new(),
            input: crate::studio::input::InputStore::new(settings),
            jobs: crate::studio::jobs::JobsStore::new(),
            sets: crate::studio::set_list::SetsStore::new(),
            cost: RwSignal::new(None),
            polls: crate::studio::poll_loop::PollLoop::new(),
            queue: crate::studio::queue::QueueStore::new(),
            kept: crate::studio::kept::KeptStore::new(),
            selection: crate::studio::selection::SelectionStore::new(),
        };
        studio.restore_draft();
        // Network and IndexedDB wait for the first screen's paint: their first steps (and the
        // wasm they compile) held it back (docs/decisions/0004).
        after_next_paint(move || {
            studio.settings.load_host_config();
            // The history's cards one frame later still, after the rest of the studio (built
            // after the first paint too) is on screen: listed together, the cards' first frame
            // waited for that layout (docs/decisions/0004).
            after_next_paint(move || {
                studio.restore();
                studio.refresh_durability();
                studio.keep_when_installed();
            });
        });
        studio
    }
}
