//! The studio's state: its signals and how it starts. Its actions are in the rooms beside
//! this file, one per concern (`connection`, `input`, `submit`, `results`, `poller`, `sets`,
//! `persist`, `draft`). Logic comes from `domain`, HTTP from `api`.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.generate(); // no-op with a reason shown while nothing is ready
//! ```

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::domain::jobs::JobCard;
use crate::domain::poll::PollSchedule;
use crate::domain::settings::{api_base_from_config, choose_api_base};
use crate::platform::paint::after_next_paint;
use crate::studio::storage;

/// The current input image.
#[derive(Debug, Clone, PartialEq)]
pub struct InputImage {
    pub name: String,
    /// Shown in the input area and on job cards.
    pub thumbnail: String,
    /// The bytes to upload; `None` when the image is already an asset (a result reused).
    pub data_url: Option<String>,
    /// Set once uploaded: every job on this image reuses it.
    pub asset_id: Option<String>,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
    /// Rotation from the first original (see [`JobCard::base_rotation`]).
    pub base_rotation: i32,
}

/// Upload progress of the current input.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadState {
    Idle,
    Uploading,
    Uploaded,
    Failed(String),
}

/// One card in the job list; its own signal so an update re-renders only that card.
#[derive(Debug, Clone, Copy)]
pub struct JobEntry {
    pub id: u64,
    /// The angle set this job belongs to, if any.
    pub set: Option<u64>,
    pub card: RwSignal<JobCard>,
    pub thumbnail: RwSignal<String>,
}

/// Everything the page shows and every action it can take.
#[derive(Clone, Copy)]
pub struct Studio {
    pub base_url: RwSignal<String>,
    /// On the simulated backend ("Try the demo"); never saved.
    pub(super) demo_mode: RwSignal<bool>,
    pub api_key: RwSignal<String>,
    pub api_secret: RwSignal<String>,
    pub remember: RwSignal<bool>,
    pub connection: RwSignal<Option<(bool, String)>>,
    pub testing: RwSignal<bool>,
    /// The panel's shot and the model's ranges.
    pub camera: crate::studio::camera::CameraStore,
    pub input: RwSignal<Option<InputImage>>,
    pub input_error: RwSignal<Option<String>>,
    pub upload: RwSignal<UploadState>,
    pub jobs: RwSignal<Vec<JobEntry>>,
    /// Angle sets, newest first.
    pub sets: RwSignal<Vec<crate::studio::sets::SetEntry>>,
    /// The angles ticked in the set editor.
    pub set_choices: RwSignal<Vec<crate::domain::angle_set::SetAngle>>,
    /// A set's jobs in flight at once.
    pub concurrency: RwSignal<usize>,
    pub cost: RwSignal<Option<String>>,
    /// Wall clock in ms, ticking each second while jobs run (for elapsed times).
    pub now: RwSignal<f64>,
    pub(super) schedule: StoredValue<PollSchedule>,
    pub(super) timer: StoredValue<Option<Timeout>, LocalStorage>,
    pub(super) clock: StoredValue<Option<gloo_timers::callback::Interval>, LocalStorage>,
    pub(crate) next_id: StoredValue<u64>,
    pub(crate) queue: StoredValue<crate::domain::submit_queue::SubmitQueue>,
    pub(crate) queue_timer: StoredValue<Option<Timeout>, LocalStorage>,

    /// The owner the studio was made under: each card's and set's owner is its child, not a
    /// child of the component whose button made it (which may re-render and dispose it).
    pub(super) root: StoredValue<Option<Owner>>,
    /// Each card's and set's own owner (see `owners.rs`), by local id.
    pub(super) item_owners: StoredValue<Vec<(u64, Owner)>>,
    /// The history database, once open (None: in memory only).
    pub(crate) db: StoredValue<Option<std::rc::Rc<crate::studio::history::Database>>, LocalStorage>,
    /// Why the history is not being saved, when it is not.
    pub history_note: RwSignal<Option<String>>,
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
    /// State from storage (key, base URL). Right after the first paint it asks `config.json`
    /// for the host's default base and restores the history.
    pub fn new() -> Self {
        let device_base = storage::load_local(storage::API_BASE_KEY);
        let credentials = storage::load_credentials();
        let studio = Studio {
            base_url: RwSignal::new(choose_api_base(device_base.as_deref(), None)),
            demo_mode: RwSignal::new(false),
            api_key: RwSignal::new(credentials.api_key),
            api_secret: RwSignal::new(credentials.api_secret),
            remember: RwSignal::new(credentials.remembered),
            connection: RwSignal::new(None),
            testing: RwSignal::new(false),
            camera: crate::studio::camera::CameraStore::new(),
            input: RwSignal::new(None),
            input_error: RwSignal::new(None),
            upload: RwSignal::new(UploadState::Idle),
            jobs: RwSignal::new(Vec::new()),
            sets: RwSignal::new(Vec::new()),
            set_choices: RwSignal::new(crate::domain::angle_set::DEFAULT_SET.to_vec()),
            concurrency: RwSignal::new(crate::domain::angle_set::DEFAULT_CONCURRENCY),
            cost: RwSignal::new(None),
            now: RwSignal::new(now_ms()),
            schedule: StoredValue::new(PollSchedule::default()),
            timer: StoredValue::new_local(None),
            clock: StoredValue::new_local(None),
            // Ids grow across sessions (a new session starts later than every earlier id).
            next_id: StoredValue::new(now_ms().max(1.0) as u64),
            queue: StoredValue::new(Default::default()),
            queue_timer: StoredValue::new_local(None),
            root: StoredValue::new(Owner::current()),
            item_owners: StoredValue::new(Vec::new()),
            db: StoredValue::new_local(None),
            history_note: RwSignal::new(None),
        };
        studio.restore_draft();
        // Network and IndexedDB wait for the first screen's paint: their first steps (and the
        // wasm they compile) held it back (docs/decisions/0004).
        after_next_paint(move || {
            if device_base.is_none() {
                let untouched = studio.base_url.get_untracked();
                spawn_local(async move {
                    if let Some(base) = api::http::fetch_text("config.json")
                        .await
                        .and_then(|t| api_base_from_config(&t))
                    {
                        // A base typed (or the demo started) meanwhile wins.
                        if storage::load_local(storage::API_BASE_KEY).is_none()
                            && studio.base_url.get_untracked() == untouched
                        {
                            studio.base_url.set(choose_api_base(None, Some(&base)));
                        }
                    }
                });
            }
            // The history's cards one frame later still, after the rest of the studio (built
            // after the first paint too) is on screen: listed together, the cards' first frame
            // waited for that layout (docs/decisions/0004).
            after_next_paint(move || studio.restore());
        });
        studio
    }
}
