//! The account's own work: its multi-angle jobs this device does not hold, added as cards
//! whose results are fetched by asset id like any other, and its image assets, one of which
//! becomes the input by its id (no upload).
//!
//! ```no_run
//! # async fn demo(studio: angleshot::studio::state::Studio) {
//! let page = studio.account_jobs_page(None).await;
//! if let Ok(page) = page {
//!     studio.add_account_jobs(page.jobs);
//! }
//! # }
//! ```

use crate::api;
use crate::domain::account::{AccountImage, AccountJob, account_images, account_jobs};
use crate::studio::input::InputImage;
use crate::studio::state::{Studio, now_ms};

/// Jobs asked for per page: the list is filtered to the multi-angle models afterwards.
const JOBS_PER_PAGE: u16 = 50;
/// Assets asked for per page.
const ASSETS_PER_PAGE: u16 = 30;

/// One page of the account's jobs not in this history.
#[derive(Debug, Clone, Default)]
pub struct AccountJobsPage {
    pub jobs: Vec<AccountJob>,
    /// Where the next page starts; `None` on the last.
    pub next: Option<String>,
}

/// One page of the account's images.
#[derive(Debug, Clone, Default)]
pub struct AccountImagesPage {
    pub images: Vec<AccountImage>,
    pub next: Option<String>,
}

/// Why the account cannot be listed now, if it cannot.
fn unavailable(studio: &Studio) -> Option<String> {
    if studio.settings.is_demo_untracked() {
        Some("The demo has no account: leave the demo and connect a Scenario key.".into())
    } else if !studio.settings.config().has_credentials() {
        Some("Add your Scenario key in Settings first.".into())
    } else {
        None
    }
}

impl Studio {
    /// One page (from `token`) of the account's multi-angle jobs that are not cards here.
    pub async fn account_jobs_page(self, token: Option<String>) -> Result<AccountJobsPage, String> {
        if let Some(reason) = unavailable(&self) {
            return Err(reason);
        }
        let page = api::list_jobs(&self.settings.config(), JOBS_PER_PAGE, token.as_deref())
            .await
            .map_err(|err| err.user_message())?;
        Ok(AccountJobsPage {
            jobs: account_jobs(&page.jobs, &self.jobs.claimed_job_ids()),
            next: page.next_pagination_token,
        })
    }

    /// Adds account jobs as cards (the newest on top): finished ones fetch their results,
    /// running ones are watched. A job already a card is skipped.
    pub fn add_account_jobs(self, jobs: Vec<AccountJob>) {
        let claimed = self.jobs.claimed_job_ids();
        let origin = self.settings.current_origin();
        for job in jobs.iter().rev() {
            if claimed.contains(&job.job.job_id) {
                continue;
            }
            let mut card = job.card(self.jobs.take_id(), now_ms());
            card.origin = Some(origin.clone());
            let entry = self.jobs.make(card, String::new(), None);
            self.jobs.add(entry);
            self.watch_entry(entry, false);
            if job.job.status.is_final() {
                self.on_final(entry);
            } else {
                self.resume_polling(&job.job.job_id);
            }
        }
        self.polls.start_clock();
    }

    /// One page (from `token`) of the account's image assets.
    pub async fn account_images_page(
        self,
        token: Option<String>,
    ) -> Result<AccountImagesPage, String> {
        if let Some(reason) = unavailable(&self) {
            return Err(reason);
        }
        let page = api::list_assets(&self.settings.config(), ASSETS_PER_PAGE, token.as_deref())
            .await
            .map_err(|err| err.user_message())?;
        Ok(AccountImagesPage {
            images: account_images(&page.assets),
            next: page.next_pagination_token,
        })
    }

    /// "Choose from your account": the asset becomes the input by its id, nothing uploaded.
    pub fn use_account_image(self, image: AccountImage) {
        let said = format!("Now the input: {} (from your account).", image.name);
        self.input.use_asset(
            InputImage {
                name: image.name,
                thumbnail: image.thumbnail_url,
                data_url: None,
                asset_id: Some(image.asset_id),
                width: image.width,
                height: image.height,
                bytes: 0,
                base_rotation: 0,
                downscaled_from: None,
                parent_job_id: None,
            },
            Some(said),
        );
        self.camera.back_to_front();
    }
}
