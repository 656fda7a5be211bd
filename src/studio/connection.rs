//! Settings and connection: the API config (the demo's while in the demo), where a job is
//! reached, the key's storage, "Test connection", the demo switch.

use crate::api::{self, request::ApiConfig};
use crate::domain::jobs::JobOrigin;
use crate::studio::state::{JobEntry, Studio};
use crate::studio::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Studio {
    /// The API config from the settings (the demo's while in the demo).
    pub fn config(&self) -> ApiConfig {
        if self.demo_mode.get_untracked() {
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
        match entry
            .card
            .try_with_untracked(|c| c.origin.clone())
            .flatten()
        {
            Some(JobOrigin::Demo) => crate::demo::config(),
            Some(JobOrigin::Api(base)) => self.config_at(&base),
            None => self.config(),
        }
    }

    /// Stores key, secret and base URL as the artist chose (session, or device if remembered).
    pub fn save_settings(&self) {
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
                self.camera.apply_model_inputs(&model.inputs);
            }
            self.connection.set(Some((report.ok, report.text)));
            self.testing.set(false);
        });
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

    /// "Leave demo": back to the artist's own settings, which the demo never touched.
    pub fn leave_demo(self) {
        self.demo_mode.set(false);
        self.connection.set(None);
        self.reupload_input();
    }
}
