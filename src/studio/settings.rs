//! The settings store: the API base, the key and secret and where they are kept, the demo
//! switch, and the last connection report. Its signals are private; views read them through
//! the getters and change them through the actions. It depends on no other store.
//!
//! ```no_run
//! use angleshot::studio::settings::SettingsStore;
//! let settings = SettingsStore::new();
//! settings.set_api_key("key".into());
//! settings.save(); // into this tab's session, or the device when "Remember" is ticked
//! assert!(!settings.config().api_key.is_empty());
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::request::ApiConfig;
use crate::domain::jobs::JobOrigin;
use crate::domain::settings::{api_base_from_config, choose_api_base};
use crate::studio::storage;

/// See the module docs.
#[derive(Clone, Copy)]
pub struct SettingsStore {
    base_url: RwSignal<String>,
    /// On the simulated backend ("Try the demo"); never saved.
    demo: RwSignal<bool>,
    api_key: RwSignal<String>,
    api_secret: RwSignal<String>,
    remember: RwSignal<bool>,
    /// The last report: (good, words).
    report: RwSignal<Option<(bool, String)>>,
    testing: RwSignal<bool>,
}

impl Default for SettingsStore {
    fn default() -> Self {
        Self::new()
    }
}

impl SettingsStore {
    /// The settings kept on this device or in this tab.
    pub fn new() -> Self {
        let credentials = storage::load_credentials();
        SettingsStore {
            base_url: RwSignal::new(choose_api_base(
                storage::load_local(storage::API_BASE_KEY).as_deref(),
                None,
            )),
            demo: RwSignal::new(false),
            api_key: RwSignal::new(credentials.api_key),
            api_secret: RwSignal::new(credentials.api_secret),
            remember: RwSignal::new(credentials.remembered),
            report: RwSignal::new(None),
            testing: RwSignal::new(false),
        }
    }

    /// Asks the host's `config.json` for its default base, unless a base was kept on this
    /// device; a base typed (or the demo started) meanwhile wins.
    pub fn load_host_config(self) {
        if storage::load_local(storage::API_BASE_KEY).is_some() {
            return;
        }
        let untouched = self.base_url.get_untracked();
        spawn_local(async move {
            let Some(base) = crate::api::http::fetch_text("config.json")
                .await
                .and_then(|t| api_base_from_config(&t))
            else {
                return;
            };
            if storage::load_local(storage::API_BASE_KEY).is_none()
                && self.base_url.get_untracked() == untouched
            {
                self.base_url.set(choose_api_base(None, Some(&base)));
            }
        });
    }

    /// "API base URL" (reactive).
    pub fn base_url(&self) -> ReadSignal<String> {
        self.base_url.read_only()
    }

    /// "API key" (reactive).
    pub fn api_key(&self) -> ReadSignal<String> {
        self.api_key.read_only()
    }

    /// "API secret" (reactive).
    pub fn api_secret(&self) -> ReadSignal<String> {
        self.api_secret.read_only()
    }

    /// "Remember on this device" (reactive).
    pub fn remember(&self) -> ReadSignal<bool> {
        self.remember.read_only()
    }

    /// The last connection report (reactive).
    pub fn report(&self) -> ReadSignal<Option<(bool, String)>> {
        self.report.read_only()
    }

    /// Whether "Test connection" is on its way (reactive).
    pub fn testing(&self) -> ReadSignal<bool> {
        self.testing.read_only()
    }

    /// Whether the studio runs on the simulated backend (reactive).
    pub fn is_demo(&self) -> bool {
        self.demo.get()
    }

    /// Whether the studio runs on the simulated backend, not tracked.
    pub fn is_demo_untracked(&self) -> bool {
        self.demo.get_untracked()
    }

    /// Whether a submit has what it needs to authenticate (reactive).
    pub fn has_credentials(&self) -> bool {
        self.demo.get()
            || (!self.api_key.with(|k| k.trim().is_empty())
                && !self.api_secret.with(|s| s.trim().is_empty()))
    }

    pub fn set_base_url(&self, base: String) {
        self.base_url.set(base);
    }

    pub fn set_api_key(&self, key: String) {
        self.api_key.set(key);
    }

    pub fn set_api_secret(&self, secret: String) {
        self.api_secret.set(secret);
    }

    /// "Remember on this device": saved at once.
    pub fn set_remember(&self, remember: bool) {
        self.remember.set(remember);
        self.save();
    }

    /// The API config from the settings (the demo's while in the demo).
    pub fn config(&self) -> ApiConfig {
        if self.demo.get_untracked() {
            return crate::demo::config();
        }
        self.config_at(&self.base_url.get_untracked())
    }

    /// The artist's key at `base` (the demo never touches these settings).
    fn config_at(&self, base: &str) -> ApiConfig {
        ApiConfig::new(
            base,
            &self.api_key.get_untracked(),
            &self.api_secret.get_untracked(),
        )
    }

    /// Where a job made now comes from: the demo, or the API base in the settings.
    pub fn current_origin(&self) -> JobOrigin {
        if self.demo.get_untracked() {
            JobOrigin::Demo
        } else {
            JobOrigin::Api(self.base_url.get_untracked().trim().to_string())
        }
    }

    /// The config that reaches a job made at `origin` (never another base), with today's key;
    /// the settings for a record from before origins were kept (`None`).
    pub fn config_for(&self, origin: Option<JobOrigin>) -> ApiConfig {
        match origin {
            Some(JobOrigin::Demo) => crate::demo::config(),
            Some(JobOrigin::Api(base)) => self.config_at(&base),
            None => self.config(),
        }
    }

    /// Stores key, secret and base URL as the artist chose (session, or device if remembered).
    pub fn save(&self) {
        let config = self.config_at(&self.base_url.get_untracked());
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
        self.report
            .set(Some((true, "Key forgotten on this device.".to_string())));
    }

    /// A connection test starts: the old report goes.
    pub fn testing_started(&self) {
        self.testing.set(true);
        self.report.set(None);
    }

    /// A connection test ended with `report`.
    pub fn testing_ended(&self, ok: bool, text: String) {
        self.report.set(Some((ok, text)));
        self.testing.set(false);
    }

    /// Into the demo (not saved: a reload starts from the artist's own settings).
    pub fn enter_demo(&self) {
        self.demo.set(true);
        self.report.set(Some((
            true,
            "Demo mode: a simulated backend in this page. Results are illustrations, not model output.".to_string(),
        )));
    }

    /// Out of the demo, back to the settings it never touched.
    pub fn leave_demo(&self) {
        self.demo.set(false);
        self.report.set(None);
    }
}
