//! The studio's state and the actions components call. Effects live here: the one poll loop
//! on a browser timer, uploads, result downloads. Logic comes from `domain`, HTTP from `api`.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.generate(); // no-op with a reason shown while nothing is ready
//! ```

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::error::{ApiError, ErrorClass};
use crate::api::{self, request::ApiConfig, response::CancelOutcome};
use crate::domain::camera::{Camera, GenerateReadiness, Ranges, generate_blocker};
use crate::domain::jobs::{JobCard, JobOrigin, Phase, ResultImage};
use crate::domain::naming::result_file_name;
use crate::domain::poll::{PollOutcome, PollSchedule};
use crate::domain::retry;
use crate::domain::settings::{api_base_from_config, choose_api_base};
use crate::platform::paint::after_next_paint;
use crate::studio::image::PreparedImage;
use crate::studio::storage;
use crate::util::math::Decimal;

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
    demo_mode: RwSignal<bool>,
    pub api_key: RwSignal<String>,
    pub api_secret: RwSignal<String>,
    pub remember: RwSignal<bool>,
    pub connection: RwSignal<Option<(bool, String)>>,
    pub testing: RwSignal<bool>,
    pub ranges: RwSignal<Ranges>,
    pub camera: RwSignal<Camera>,
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
    schedule: StoredValue<PollSchedule>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    clock: StoredValue<Option<gloo_timers::callback::Interval>, LocalStorage>,
    pub(crate) next_id: StoredValue<u64>,
    pub(crate) queue: StoredValue<crate::domain::submit_queue::SubmitQueue>,
    pub(crate) queue_timer: StoredValue<Option<Timeout>, LocalStorage>,
    /// The owner the studio was made under: cards and sets are created under it, not under
    /// the component whose button made them (which may re-render and dispose them).
    root: StoredValue<Option<Owner>>,
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
            ranges: RwSignal::new(Ranges::default()),
            camera: RwSignal::new(Camera::default()),
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
            db: StoredValue::new_local(None),
            history_note: RwSignal::new(None),
        };
        studio.restore_draft();
        // Network and IndexedDB wait for the first screen's paint: their first steps (and the
        // wasm they compile) ran between the mount and the paint, ~60 ms of a ×4 cold load.
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
            // waited for that layout (+90 ms at ×4).
            after_next_paint(move || studio.restore());
        });
        studio
    }

    /// The API config from the settings (the demo's while in the demo).
    pub fn config(&self) -> ApiConfig {
        if self.demo_mode.get_untracked() {
            return crate::demo::config();
        }
        ApiConfig::new(
            &self.base_url.get_untracked(),
            &self.api_key.get_untracked(),
            &self.api_secret.get_untracked(),
        )
    }

    /// Where a job made now comes from: the demo, or the API base in the settings.
    pub(crate) fn current_origin(&self) -> JobOrigin {
        if self.demo_mode.get_untracked() {
            JobOrigin::Demo
        } else {
            JobOrigin::Api(self.base_url.get_untracked().trim().to_string())
        }
    }

    /// The config that reaches a job: where it was made (never another base), with today's
    /// key; the settings for a record from before origins were kept.
    pub(crate) fn config_for(&self, entry: JobEntry) -> ApiConfig {
        match entry.card.with_untracked(|c| c.origin.clone()) {
            Some(JobOrigin::Demo) => crate::demo::config(),
            Some(JobOrigin::Api(base)) => ApiConfig::new(
                &base,
                &self.api_key.get_untracked(),
                &self.api_secret.get_untracked(),
            ),
            None => self.config(),
        }
    }

    /// Stores key, secret and base URL as the artist chose (session, or device if remembered).
    pub fn save_settings(&self) {
        let config = ApiConfig::new(
            &self.base_url.get_untracked(),
            &self.api_key.get_untracked(),
            &self.api_secret.get_untracked(),
        );
        storage::save_local(storage::API_BASE_KEY, config.base_url.trim());
        if config.has_credentials() {
            storage::save_credentials(
                &config.api_key,
                &config.api_secret,
                self.remember.get_untracked(),
            );
        }
    }

    /// "Forget key": clears both storages and the fields.
    pub fn forget_key(&self) {
        storage::forget_credentials();
        self.api_key.set(String::new());
        self.api_secret.set(String::new());
        self.remember.set(false);
        self.connection
            .set(Some((true, "Key forgotten on this device.".to_string())));
    }

    /// "Test connection": reads the model; on success its inputs set the panel's ranges.
    pub fn test_connection(self) {
        self.save_settings();
        let config = self.config();
        self.testing.set(true);
        self.connection.set(None);
        spawn_local(async move {
            let result = api::get_model(&config).await;
            let report = crate::domain::connection::ConnectionReport::from_result(&result);
            if let Ok(model) = &result {
                let ranges = Ranges::from_model_inputs(&model.inputs);
                self.camera.update(|c| {
                    let (r, f, t, l) = (c.rotate, c.forward, c.tilt, c.lora_scale);
                    c.set_rotate(r, &ranges);
                    c.set_forward(f, &ranges);
                    c.set_tilt(t, &ranges);
                    c.set_lora_scale(l, &ranges);
                });
                self.ranges.set(ranges);
            }
            self.connection.set(Some((report.ok, report.text)));
            self.testing.set(false);
        });
    }

    /// Why Generate is disabled right now (reactive).
    pub fn generate_blocker(&self) -> Option<&'static str> {
        let readiness = self.readiness();
        self.camera
            .with(|camera| generate_blocker(camera, readiness))
    }

    /// Whether the studio runs on the simulated backend (reactive).
    pub fn demo(&self) -> bool {
        self.demo_mode.get()
    }

    /// "Try the demo": the simulated backend, no key, nothing on the network. Not saved: a
    /// reload starts from the artist's own settings again.
    pub fn start_demo(self) {
        self.demo_mode.set(true);
        self.connection.set(Some((
            true,
            "Demo mode: a simulated backend in this page. Results are illustrations, not model output.".to_string(),
        )));
        self.reupload_input();
    }

    /// After switching backends the input's asset id means nothing there: upload it again.
    fn reupload_input(self) {
        let had_bytes = self.input.try_update(|input| match input {
            Some(i) if i.data_url.is_some() => {
                i.asset_id = None;
                true
            }
            _ => false,
        });
        if had_bytes == Some(true) && self.config().has_credentials() {
            self.upload.set(UploadState::Idle);
            spawn_local(async move {
                let _ = self.ensure_uploaded().await;
            });
        }
    }

    /// "Leave demo": back to the artist's own settings, which the demo never touched.
    pub fn leave_demo(self) {
        self.demo_mode.set(false);
        self.connection.set(None);
        self.reupload_input();
    }

    /// Why "Generate angle set" is disabled right now (reactive).
    pub fn set_blocker(&self) -> Option<&'static str> {
        crate::domain::camera::set_blocker(self.set_choices.with(Vec::len), self.readiness())
    }

    fn readiness(&self) -> GenerateReadiness {
        GenerateReadiness {
            has_image: self.input.with(Option::is_some),
            has_credentials: self.demo_mode.get()
                || (!self.api_key.with(|k| k.trim().is_empty())
                    && !self.api_secret.with(|s| s.trim().is_empty())),
            uploading: self.upload.with(|u| *u == UploadState::Uploading),
        }
    }

    /// A new input image: replaces the old one only when valid, then uploads it.
    pub fn set_input(self, prepared: Result<PreparedImage, String>) {
        match prepared {
            Err(message) => self.input_error.set(Some(message)),
            Ok(image) => {
                self.input_error.set(None);
                self.input.set(Some(InputImage {
                    name: image.name,
                    thumbnail: image.thumbnail,
                    data_url: Some(image.data_url),
                    asset_id: None,
                    width: image.width,
                    height: image.height,
                    bytes: image.bytes,
                    base_rotation: 0,
                }));
                self.upload.set(UploadState::Idle);
                if self.config().has_credentials() {
                    spawn_local(async move {
                        let _ = self.ensure_uploaded().await;
                    });
                }
            }
        }
    }

    /// The input's asset id, uploading it first if needed (once; failures are retryable).
    pub async fn ensure_uploaded(self) -> Option<String> {
        let input = self.input.get_untracked()?;
        if let Some(id) = input.asset_id {
            return Some(id);
        }
        if self.upload.get_untracked() == UploadState::Uploading {
            return None;
        }
        let data_url = input.data_url.clone()?;
        self.upload.set(UploadState::Uploading);
        let body = api::types::UploadAssetBody {
            image: data_url,
            name: input.name.clone(),
        };
        match api::upload_asset(&self.config(), &body).await {
            Ok(asset) => {
                // The artist may have picked another image meanwhile: only the same one gets the id.
                let same = self
                    .input
                    .with_untracked(|i| i.as_ref().is_some_and(|i| i.data_url == input.data_url));
                if same {
                    self.input.update(|i| {
                        if let Some(i) = i {
                            i.asset_id = Some(asset.id.clone());
                        }
                    });
                    self.upload.set(UploadState::Uploaded);
                }
                Some(asset.id)
            }
            Err(err) => {
                self.upload.set(UploadState::Failed(err.user_message()));
                None
            }
        }
    }

    /// "Generate": a card at once, then upload if needed, then one POST (never retried).
    pub fn generate(self) {
        if self.generate_blocker().is_some() {
            return;
        }
        let Some(input) = self.input.get_untracked() else {
            return;
        };
        let camera = self.camera.get_untracked();
        let body = camera.to_body(input.asset_id.as_deref().unwrap_or(""));
        let entry = self.add_card(body, &input, None);
        spawn_local(async move {
            let Some(asset_id) = self.ensure_uploaded().await else {
                let message = match self.upload.get_untracked() {
                    UploadState::Failed(message) => message,
                    _ => "The image is not uploaded yet.".to_string(),
                };
                entry
                    .card
                    .update(|c| c.submit_failed(&ApiError::InvalidRequest { message }, now_ms()));
                return;
            };
            entry.card.update(|c| c.body.image = asset_id);
            self.submit(entry).await;
        });
    }

    /// Runs `make` under the studio's owner (for signals and effects that outlive a view).
    pub(crate) fn under_root<T>(&self, make: impl FnOnce() -> T) -> T {
        match self.root.get_value() {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }

    /// A signal that lives as long as the studio, wherever the action was started.
    pub(crate) fn lasting<T: Send + Sync + 'static>(&self, value: T) -> RwSignal<T> {
        match self.root.get_value() {
            Some(owner) => owner.with(|| RwSignal::new(value)),
            None => RwSignal::new(value),
        }
    }

    /// A fresh local id for a card or a set.
    pub(crate) fn take_id(&self) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// A new card on top of the list, for a job on `input`.
    pub(crate) fn add_card(
        &self,
        body: api::types::GenerateBody,
        input: &InputImage,
        set: Option<u64>,
    ) -> JobEntry {
        let id = self.take_id();
        let mut card = JobCard::new(id, body, &input.name, now_ms());
        card.base_rotation = input.base_rotation;
        card.origin = Some(self.current_origin());
        let entry = JobEntry {
            id,
            set,
            card: self.lasting(card),
            thumbnail: self.lasting(input.thumbnail.clone()),
        };
        self.jobs.update(|jobs| jobs.insert(0, entry));
        self.start_clock();
        self.watch_entry(entry, false);
        entry
    }

    pub(crate) async fn submit(self, entry: JobEntry) {
        self.submit_attempt(entry, 0).await;
    }

    async fn submit_attempt(self, entry: JobEntry, attempt: u32) {
        let body = entry.card.with_untracked(|c| c.body.clone());
        entry.card.update(|c| c.posted = true);
        match api::generate(&self.config_for(entry), &body).await {
            Ok(answer) => {
                entry.card.update(|c| c.submitted(&answer.job));
                if entry.set.is_some() {
                    self.queue.update_value(|q| q.accepted());
                }
                if answer.job.status.is_final() {
                    self.on_final(entry);
                } else {
                    self.schedule
                        .update_value(|s| s.track(&answer.job.job_id, now_ms()));
                    self.reschedule();
                }
            }
            Err(err) => {
                // A 429 means nothing was created: a single job goes again after the wait
                // (a few times), a set's job waits in its queue.
                if matches!(err.class(), ErrorClass::RateLimited { .. }) {
                    entry.card.update(|c| c.posted = false);
                }
                if let (None, ErrorClass::RateLimited { retry_after_secs }) =
                    (entry.set, err.class())
                    && retry::SUBMIT.allows(attempt + 1)
                {
                    let wait = retry::SUBMIT.wait_ms(attempt + 1, retry_after_secs);
                    entry.card.update(|c| {
                        c.notice = Some(format!(
                            "Rate limited — submitting again in {} s.",
                            crate::util::math::whole((wait / 1000.0).ceil())
                        ))
                    });
                    gloo_timers::future::TimeoutFuture::new(wait as u32).await;
                    if self.entry(entry.id).is_none() {
                        return; // removed while waiting
                    }
                    entry.card.update(|c| c.notice = None);
                    return Box::pin(self.submit_attempt(entry, attempt + 1)).await;
                }
                if let (Some(_), ErrorClass::RateLimited { retry_after_secs }) =
                    (entry.set, err.class())
                {
                    self.queue
                        .update_value(|q| q.rate_limited(entry.id, retry_after_secs, now_ms()));
                    entry.card.update(|c| {
                        c.notice =
                            Some("Rate limited — waiting before submitting again.".to_string())
                    });
                    self.pump_queue();
                    return;
                }
                entry.card.update(|c| c.submit_failed(&err, now_ms()));
                if entry.card.with_untracked(|c| c.phase == Phase::Unsure) {
                    // The answer was lost, not refused: never resubmit blindly, look first.
                    // (A set's slot stays held until this is settled.)
                    spawn_local(self.reconcile(entry));
                } else {
                    self.release(entry);
                }
            }
        }
    }

    /// "Retry": a new POST with the same parameters, on a new card.
    pub fn retry(self, id: u64) {
        let Some(old) = self.entry(id) else { return };
        let (body, input) = old.card.with_untracked(|c| {
            (
                c.body.clone(),
                InputImage {
                    name: c.input_name.clone(),
                    thumbnail: old.thumbnail.get_untracked(),
                    data_url: None,
                    asset_id: None,
                    width: 0,
                    height: 0,
                    bytes: 0,
                    base_rotation: c.base_rotation,
                },
            )
        });
        let entry = self.add_card(body, &input, None);
        // Its body names an asset where the old job was made: the new one goes there too.
        if let Some(origin) = old.card.with_untracked(|c| c.origin.clone()) {
            entry.card.update(|c| c.origin = Some(origin));
        }
        spawn_local(async move {
            if entry.card.with_untracked(|c| c.body.image.is_empty()) {
                match self.ensure_uploaded().await {
                    Some(asset_id) => entry.card.update(|c| c.body.image = asset_id),
                    None => {
                        let err = ApiError::InvalidRequest {
                            message: "the image is not uploaded".into(),
                        };
                        entry.card.update(|c| c.submit_failed(&err, now_ms()));
                        return;
                    }
                }
            }
            self.submit(entry).await;
        });
    }

    /// "Stop watching": asks the API to cancel; a 400 for this job type just stops polling.
    pub fn stop_watching(self, id: u64) {
        let Some(entry) = self.entry(id) else { return };
        let Some(job_id) = entry.card.with_untracked(|c| c.job_id.clone()) else {
            return;
        };
        self.schedule.update_value(|s| s.untrack(&job_id));
        entry.card.update(|c| c.stop(Some("Stopping…"), now_ms()));
        self.release(entry);
        let config = self.config_for(entry);
        spawn_local(async move {
            let reason = match api::cancel_job(&config, &job_id).await {
                Ok(CancelOutcome::Canceled) => "Canceled.".to_string(),
                Ok(CancelOutcome::NotPermitted { .. }) => {
                    "Stopped watching. Scenario does not cancel this job type: it may still finish (and bill).".to_string()
                }
                Err(err) => format!("Stopped watching. Cancel failed: {}", err.user_message()),
            };
            entry.card.update(|c| c.notice = Some(reason));
        });
    }

    /// "Remove": forgets the card and frees its result image.
    pub fn remove(self, id: u64) {
        let Some(entry) = self.entry(id) else { return };
        if let Some(job_id) = entry.card.with_untracked(|c| c.job_id.clone()) {
            self.schedule.update_value(|s| s.untrack(&job_id));
        }
        if let Some(result) = entry.card.with_untracked(|c| c.result.clone()) {
            let _ = web_sys::Url::revoke_object_url(&result.object_url);
        }
        self.jobs.update(|jobs| jobs.retain(|e| e.id != id));
        self.forget_stored(
            &[
                crate::studio::history::JOBS,
                crate::studio::history::RESULTS,
            ],
            id,
        );
        self.release(entry);
    }

    /// "Use as input": the result becomes the input by its asset id (no re-upload).
    pub fn use_as_input(self, id: u64) {
        let Some(entry) = self.entry(id) else { return };
        let Some((result, name, base_rotation)) = entry.card.with_untracked(|c| {
            c.result
                .clone()
                .map(|r| (r, self.download_name(c), c.total_rotation()))
        }) else {
            return;
        };
        self.input_error.set(None);
        self.input.set(Some(InputImage {
            name,
            thumbnail: result.object_url.clone(),
            data_url: None,
            asset_id: Some(result.asset_id),
            width: 0,
            height: 0,
            bytes: 0,
            base_rotation,
        }));
        self.upload.set(UploadState::Uploaded);
    }

    /// The download name for a card's result.
    pub fn download_name(&self, card: &JobCard) -> String {
        let mime = card
            .result
            .as_ref()
            .map_or("image/png", |r| r.mime_type.as_str());
        result_file_name(
            &card.input_name,
            card.body.rotate_degrees,
            card.body.move_forward,
            card.body.vertical_tilt,
            card.body.use_wide_angle,
            mime,
        )
    }

    /// "Download": saves the kept bytes under a name that carries the angle.
    pub fn download(self, id: u64) {
        let Some(entry) = self.entry(id) else { return };
        let Some((url, name)) = entry.card.with_untracked(|c| {
            c.result
                .as_ref()
                .map(|r| (r.object_url.clone(), self.download_name(c)))
        }) else {
            return;
        };
        crate::platform::files::save(&url, &name);
    }

    /// "Estimate cost": a dry run of the current settings.
    pub fn estimate_cost(self) {
        let camera = self.camera.get_untracked();
        let config = self.config();
        self.cost.set(Some("Estimating…".to_string()));
        spawn_local(async move {
            let Some(asset_id) = self.ensure_uploaded().await else {
                self.cost.set(Some("Upload the image first.".to_string()));
                return;
            };
            let text = match api::estimate_cost(&config, &camera.to_body(&asset_id)).await {
                Ok(estimate) => match estimate.creative_units_cost {
                    Some(cost) => format!("Estimated cost: {} compute units.", Decimal(cost)),
                    None => format!("Estimate: {}", estimate.raw),
                },
                Err(err) => err.user_message(),
            };
            self.cost.set(Some(text));
        });
    }

    /// The tab was hidden or shown: pause polling, or poll at once.
    pub fn visibility_changed(self, visible: bool) {
        if !visible {
            // Hidden is the last moment a page is sure to get (a reload, a tab closed, a
            // tablet's app switch): keep where the artist was.
            self.save_draft();
        }
        self.schedule
            .update_value(|s| s.set_visible(visible, now_ms()));
        self.reschedule();
    }

    pub(crate) fn entry(&self, id: u64) -> Option<JobEntry> {
        self.jobs
            .with_untracked(|jobs| jobs.iter().find(|e| e.id == id).copied())
    }

    fn entry_for_job(&self, job_id: &str) -> Option<JobEntry> {
        self.jobs.with_untracked(|jobs| {
            jobs.iter()
                .find(|e| {
                    e.card
                        .with_untracked(|c| c.job_id.as_deref() == Some(job_id))
                })
                .copied()
        })
    }

    /// Arms the one timer for the earliest due poll.
    fn reschedule(self) {
        let wake = self.schedule.with_value(PollSchedule::next_wake);
        let timeout = wake.map(|at| {
            let delay = (at - now_ms()).clamp(0.0, 60_000.0) as u32;
            Timeout::new(delay, move || self.tick())
        });
        // Replacing the stored timeout drops (cancels) the previous one.
        self.timer.set_value(timeout);
    }

    fn tick(self) {
        let due = self
            .schedule
            .try_update_value(|s| s.take_due(now_ms()))
            .unwrap_or_default();
        for job_id in due {
            spawn_local(self.poll(job_id));
        }
        self.reschedule();
    }

    async fn poll(self, job_id: String) {
        let config = match self.entry_for_job(&job_id) {
            Some(entry) => self.config_for(entry),
            None => self.config(),
        };
        let result = api::get_job(&config, &job_id).await;
        let now = now_ms();
        let outcome = match &result {
            Ok(job) if job.status.is_final() => PollOutcome::Final,
            Ok(_) => PollOutcome::Running,
            Err(err) => PollOutcome::from_error(err),
        };
        self.schedule
            .update_value(|s| s.finish(&job_id, now, outcome));
        if let Some(entry) = self.entry_for_job(&job_id) {
            match &result {
                Ok(job) => {
                    let became_final = entry
                        .card
                        .try_update(|c| c.apply(job, now))
                        .unwrap_or(false);
                    if became_final {
                        self.on_final(entry);
                    }
                }
                Err(err) => {
                    entry.card.update(|c| c.poll_failed(err));
                    if outcome == PollOutcome::Stop {
                        let message = err.user_message();
                        entry.card.update(|c| c.stop(Some(&message), now));
                        self.release(entry);
                    }
                }
            }
        }
        self.reschedule();
    }

    /// Stops polling a job.
    pub(crate) fn forget_polling(&self, job_id: &str) {
        self.schedule.update_value(|s| s.untrack(job_id));
    }

    /// Polls a job at once and then on the usual schedule (after a reload or a reconcile).
    pub(crate) fn resume_polling(self, job_id: &str) {
        self.schedule.update_value(|s| s.resume(job_id, now_ms()));
        self.reschedule();
    }

    /// A job reached a final status some other way than a poll.
    pub(crate) fn finished(self, entry: JobEntry) {
        self.on_final(entry);
    }

    /// Downloads a finished job's result in the background.
    pub(crate) fn fetch_result_later(self, entry: JobEntry) {
        spawn_local(self.fetch_result(entry));
    }

    /// Ticks elapsed times.
    pub(crate) fn start_ticking(self) {
        self.start_clock();
    }

    fn on_final(self, entry: JobEntry) {
        self.release(entry);
        if entry.card.with_untracked(|c| c.result_asset_ids.is_empty()) {
            return;
        }
        spawn_local(self.fetch_result(entry));
    }

    /// Downloads a finished job's image at once (CDN links expire); an expired link (403) is
    /// refreshed through the API once.
    async fn fetch_result(self, entry: JobEntry) {
        let ids = entry.card.with_untracked(|c| c.result_asset_ids.clone());
        let config = self.config_for(entry);
        let outcome = async {
            let assets = api::get_assets(&config, &ids).await?;
            let asset = assets
                .into_iter()
                .find(|a| a.url.is_some())
                .ok_or(ApiError::Decode {
                    status: 200,
                    message: "no result asset with a URL".into(),
                    raw: String::new(),
                })?;
            let url = asset.url.clone().unwrap_or_default();
            let (mut status, mut blob) = api::http::fetch_public_blob(&url).await?;
            if status == 403 {
                let fresh = api::get_asset(&config, &asset.id).await?;
                if let Some(url) = fresh.url {
                    (status, blob) = api::http::fetch_public_blob(&url).await?;
                }
            }
            if !(200..300).contains(&status) {
                return Err(ApiError::from_status(
                    status,
                    None,
                    "the CDN refused the download",
                ));
            }
            self.save_result_bytes(entry.id, blob.clone());
            let object_url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| {
                ApiError::Network {
                    message: "cannot keep the image".into(),
                }
            })?;
            let mime_type = asset.mime_type.clone().unwrap_or_else(|| blob.type_());
            Ok::<_, ApiError>(ResultImage {
                asset_id: asset.id,
                object_url,
                mime_type,
            })
        }
        .await;
        match outcome {
            Ok(result) => entry.card.update(|c| c.result = Some(result)),
            Err(err) => entry.card.update(|c| {
                c.notice = Some(format!(
                    "The result could not be downloaded: {}",
                    err.user_message()
                ))
            }),
        }
    }

    /// Ticks `now` every second while any card shows a running time.
    fn start_clock(self) {
        if self.clock.with_value(Option::is_some) {
            return;
        }
        let interval = gloo_timers::callback::Interval::new(1_000, move || self.now.set(now_ms()));
        self.clock.set_value(Some(interval));
    }
}
