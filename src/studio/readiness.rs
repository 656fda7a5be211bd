//! What keeps Generate and "Generate angle set" from running, from the stores' state (the
//! words come from `domain::readiness`).

use leptos::prelude::*;

use crate::domain::profile::multiangle;
use crate::domain::readiness::{GenerateReadiness, generate_blocker, set_blocker};
use crate::studio::input::UploadState;
use crate::studio::state::Studio;

impl Studio {
    /// Why Generate is disabled right now (reactive).
    pub fn generate_blocker(&self) -> Option<&'static str> {
        let readiness = self.readiness();
        // The 2511 model makes a new take even of the front view (its zoom, its seed).
        let would_change = self.camera.model().get()
            == crate::domain::profile::Model::QwenEditMultiangle2511
            || self.camera.shot().with(|shot| !multiangle::is_noop(shot));
        generate_blocker(would_change, readiness)
    }

    /// Why "Generate angle set" is disabled right now (reactive).
    pub fn set_blocker(&self) -> Option<&'static str> {
        set_blocker(self.sets.choices().with(Vec::len), self.readiness())
    }

    fn readiness(&self) -> GenerateReadiness {
        GenerateReadiness {
            has_image: self.input.image().with(Option::is_some),
            has_credentials: self.settings.has_credentials(),
            uploading: self.input.upload().with(|u| *u == UploadState::Uploading),
        }
    }
}
