//! "Generate turnaround" (the 2511 model): the eight trained azimuths at the panel's
//! elevation and zoom with one shared seed. The first tap prices it (a dry run per job,
//! summed) and offers it; "Confirm turnaround" submits the eight through the set queue.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.offer_turnaround(); // prices it; the panel then shows the offer
//! studio.confirm_turnaround();
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::domain::angle_set::{SetAngle, SetKind, TurnaroundOffer};
use crate::domain::profile::multiangle_2511::MAX_SEED;
use crate::domain::profile::{JobBody, Model};
use crate::studio::state::Studio;
use crate::util::math::Decimal;

/// A seed for a turnaround whose Seed field is blank.
fn random_seed() -> u32 {
    // `as` saturates: never out of the model's range.
    (js_sys::Math::random() * f64::from(MAX_SEED)) as u32
}

impl Studio {
    /// Why "Generate turnaround" is disabled right now (reactive).
    pub fn turnaround_blocker(&self) -> Option<&'static str> {
        if self.camera.model().get() != Model::QwenEditMultiangle2511 {
            return Some("a turnaround needs the 2511 model");
        }
        self.set_blocker()
    }

    /// "Generate turnaround": the seed is fixed and the eight jobs are priced by dry runs;
    /// nothing runs until the artist confirms.
    pub fn offer_turnaround(self) {
        if self.turnaround_blocker().is_some() {
            return;
        }
        let seed = self
            .camera
            .options_2511()
            .with_untracked(|o| o.seed)
            .unwrap_or_else(random_seed);
        self.sets.offer(Some(TurnaroundOffer {
            seed,
            cost: "Estimating the cost…".to_string(),
        }));
        let config = self.settings.config();
        spawn_local(async move {
            let Some(asset_id) = self.input.ensure_uploaded().await else {
                self.sets.offer(Some(TurnaroundOffer {
                    seed,
                    cost: "Upload the image first.".to_string(),
                }));
                return;
            };
            let bodies = self.camera.turnaround_bodies(&asset_id, seed);
            let mut total = 0.0;
            let mut cost = None;
            for body in &bodies {
                match api::estimate_cost(&config, Model::QwenEditMultiangle2511.id(), body).await {
                    Ok(estimate) => match estimate.creative_units_cost {
                        Some(units) => total += units,
                        None => cost = Some(format!("Cost unknown: {}", estimate.raw)),
                    },
                    Err(err) => cost = Some(format!("Cost unknown: {}", err.user_message())),
                }
                if cost.is_some() {
                    break;
                }
            }
            let cost = cost.unwrap_or_else(|| {
                format!(
                    "Estimated cost: {} jobs, {} compute units.",
                    bodies.len(),
                    Decimal(total)
                )
            });
            // Cancelled meanwhile, or offered again with another seed: leave it.
            if self.sets.offer_now().is_some_and(|o| o.seed == seed) {
                self.sets.offer(Some(TurnaroundOffer { seed, cost }));
            }
        });
    }

    /// "Confirm turnaround": the eight jobs of the offer, as one set.
    pub fn confirm_turnaround(self) {
        let Some(offer) = self.sets.offer_now() else {
            return;
        };
        let Some(input) = self.input.image().get_untracked() else {
            return;
        };
        self.sets.offer(None);
        let image = input.asset_id.clone().unwrap_or_default();
        let cells = self
            .camera
            .turnaround_bodies(&image, offer.seed)
            .into_iter()
            .map(|body| {
                (
                    SetAngle::from_azimuth(body.horizontal_angle),
                    JobBody::from(body),
                )
            })
            .collect();
        self.start_set(&input, cells, SetKind::Turnaround { seed: offer.seed });
    }

    /// "Cancel": the offer goes, nothing was submitted.
    pub fn cancel_turnaround(self) {
        self.sets.offer(None);
    }
}
