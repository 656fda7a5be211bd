//! What the settings store cannot do alone: "Test connection" (its answer sets the camera's
//! ranges), the demo switch (the input is uploaded again where the studio now points), and
//! the config that reaches a given job.

use crate::api::{self, request::ApiConfig};
use crate::studio::jobs::JobEntry;
use crate::studio::state::Studio;
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Studio {
    /// The config that reaches a job: where it was made (never another base), with today's
    /// key; the settings for a record from before origins were kept.
    pub(crate) fn config_for(&self, entry: JobEntry) -> ApiConfig {
        let origin = entry
            .card
            .try_with_untracked(|c| c.origin.clone())
            .flatten();
        self.settings.config_for(origin)
    }

    /// "Test connection": reads the model; on success its inputs set the panel's ranges.
    pub fn test_connection(self) {
        if !self.settings.is_demo_untracked() {
            let config = self.settings.config();
            let missing = crate::domain::connection::ConnectionReport::missing_field(
                &config.base_url,
                &config.api_key,
                &config.api_secret,
            );
            if let Some(report) = missing {
                self.settings.testing_ended(report.ok, report.text);
                return;
            }
        }
        self.settings.save();
        let config = self.settings.config();
        self.settings.testing_started();
        spawn_local(async move {
            let result = api::get_model(
                &config,
                crate::domain::profile::Model::QwenEditMultiangle.id(),
            )
            .await;
            let report = crate::domain::connection::ConnectionReport::from_result(&result);
            if let Ok(model) = &result {
                self.camera.apply_model_inputs(&model.inputs);
            }
            self.settings.testing_ended(report.ok, report.text);
        });
    }

    /// "Model": the panel turns to that model; the 2511's own description is read (when an
    /// API is set) to say which of the profile's inputs it lacks.
    pub fn choose_model(self, model: crate::domain::profile::Model) {
        self.camera.set_model(model);
        if model != crate::domain::profile::Model::QwenEditMultiangle2511
            || !untrack(|| self.settings.has_credentials())
        {
            return;
        }
        let config = self.settings.config();
        spawn_local(async move {
            // Unreachable or refused: the generate call will say so where it matters.
            if let Ok(description) = api::get_model(&config, model.id()).await
                && self.camera.model().get_untracked() == model
            {
                self.camera.apply_2511_inputs(&description.inputs);
            }
        });
    }

    /// "Try the demo": the simulated backend, no key, nothing on the network.
    pub fn start_demo(self) {
        self.settings.enter_demo();
        self.input.reupload();
    }

    /// "Leave demo": back to the artist's own settings, which the demo never touched.
    pub fn leave_demo(self) {
        self.settings.leave_demo();
        self.input.reupload();
    }
}
