//! Keeps where the artist was (the camera and the uploaded input, see `domain::draft`) across
//! a reload: written when the page is hidden, read when the studio starts. Not in the demo,
//! which is never remembered.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new(); // reads the kept draft
//! studio.visibility_changed(false); // hidden: keeps it
//! ```

use leptos::prelude::*;

use crate::domain::draft::{Draft, DraftInput};
use crate::domain::jobs::JobOrigin;
use crate::studio::input::InputImage;
use crate::studio::state::Studio;
use crate::studio::storage;

/// The Web Storage key of the draft.
const DRAFT_KEY: &str = "angleshot.draft";

impl Studio {
    /// Keeps the camera and (once uploaded, with a lasting preview) the input.
    pub fn save_draft(&self) {
        let origin = self.settings.current_origin();
        if origin == JobOrigin::Demo {
            return;
        }
        let input = self.input.image().with_untracked(|input| {
            let input = input.as_ref()?;
            Some(DraftInput {
                name: input.name.clone(),
                thumbnail: input.thumbnail.clone(),
                asset_id: input.asset_id.clone()?,
                base_rotation: input.base_rotation,
                origin: origin.as_stored().to_string(),
            })
        });
        let draft = Draft {
            shot: self.camera.shot().get_untracked(),
            input: input.filter(|i| i.thumbnail.starts_with("data:")),
        };
        storage::save_local(DRAFT_KEY, &draft.to_json());
    }

    /// Puts the kept camera back, and the kept input when it lives where the studio now
    /// points (an asset id means nothing elsewhere).
    pub(crate) fn restore_draft(&self) {
        let Some(text) = storage::load_local(DRAFT_KEY) else {
            return;
        };
        let Some(draft) = Draft::from_json(&text, &self.camera.ranges().get_untracked()) else {
            return;
        };
        self.camera.restore(draft.shot);
        let here = self.settings.current_origin();
        if let Some(input) = draft.input.filter(|i| i.origin == here.as_stored()) {
            self.input.use_asset(
                InputImage {
                    name: input.name,
                    thumbnail: input.thumbnail,
                    data_url: None,
                    asset_id: Some(input.asset_id),
                    width: 0,
                    height: 0,
                    bytes: 0,
                    base_rotation: input.base_rotation,
                    downscaled_from: None,
                    parent_job_id: None,
                },
                None,
            );
        }
    }
}
