//! A card's actions and its result: stop, remove, use as input, download, cost, and the
//! result's bytes fetched at once (CDN links expire).

use crate::api::error::ApiError;
use crate::api::{self, response::CancelOutcome};
use crate::domain::jobs::{JobCard, ResultImage};
use crate::studio::input::InputImage;
use crate::studio::jobs::JobEntry;
use crate::studio::state::{Studio, now_ms};
use crate::util::math::Decimal;
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Studio {
    /// "Stop watching": asks the API to cancel; a 400 for this job type just stops polling.
    pub fn stop_watching(self, id: u64) {
        let Some(entry) = self.entry(id) else { return };
        let Some(job_id) = entry.card.with_untracked(|c| c.job_id.clone()) else {
            return;
        };
        self.polls.untrack(&job_id);
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

    /// "Resume watching": a stopped job is polled again at once, where it was made.
    pub fn resume_watching(self, id: u64) {
        let Some(entry) = self.entry(id) else { return };
        let Some(job_id) = entry.card.with_untracked(|c| c.job_id.clone()) else {
            return;
        };
        if entry.card.try_update(|c| c.resume()).unwrap_or(false) {
            self.polls.start_clock();
            self.resume_polling(&job_id);
        }
    }

    /// "Remove": forgets the card and frees its result image.
    pub fn remove(self, id: u64) {
        let Some(entry) = self.entry(id) else { return };
        if let Some(job_id) = entry.card.with_untracked(|c| c.job_id.clone()) {
            self.polls.untrack(&job_id);
        }
        entry.card.with_untracked(|c| {
            for take in c.takes() {
                let _ = web_sys::Url::revoke_object_url(&take.object_url);
            }
        });
        self.jobs.remove(id);
        self.forget_stored(
            &[
                crate::studio::history::JOBS,
                crate::studio::history::RESULTS,
            ],
            id,
        );
        self.release(entry);
    }

    /// "Use as input": the result becomes the input by its asset id (no re-upload), the
    /// camera goes back to front, and the input panel says so.
    pub fn use_as_input(self, id: u64) {
        self.use_take_as_input(id, 0);
    }

    /// "Use take N as input": one take of a job with several (0 is its result).
    pub fn use_take_as_input(self, id: u64, index: usize) {
        let Some(entry) = self.entry(id) else { return };
        let Some((result, name, base_rotation, job_id)) = entry.card.with_untracked(|c| {
            c.take(index).cloned().map(|r| {
                let name = self.take_download_name(c, index);
                (r, name, c.total_rotation(), c.job_id.clone())
            })
        }) else {
            return;
        };
        let said = format!(
            "Now the input: {name} ({} from the original). The camera is back at front: turn it from here.",
            crate::domain::angle_set::rotation_words(base_rotation)
        );
        self.input.use_asset(
            InputImage {
                name,
                thumbnail: result.object_url.clone(),
                data_url: None,
                asset_id: Some(result.asset_id),
                width: 0,
                height: 0,
                bytes: 0,
                base_rotation,
                downscaled_from: None,
                parent_job_id: job_id,
            },
            Some(said),
        );
        // The new input is the new origin: the next turn counts from it.
        self.camera.back_to_front();
    }

    /// The download name for a card's result.
    pub fn download_name(&self, card: &JobCard) -> String {
        self.take_download_name(card, 0)
    }

    /// The download name for one take: the result's, with `_take2` … after the first.
    pub fn take_download_name(&self, card: &JobCard, index: usize) -> String {
        let mime = card
            .take(index)
            .map_or("image/png", |r| r.mime_type.as_str());
        let name = card.body.download_name(&card.input_name, mime);
        match (index, name.rsplit_once('.')) {
            (0, _) => name,
            (n, Some((stem, ext))) => format!("{stem}_take{}.{ext}", n + 1),
            (n, None) => format!("{name}_take{}", n + 1),
        }
    }

    /// "Download": saves the kept bytes under a name that carries the angle.
    pub fn download(self, id: u64) {
        self.download_take(id, 0);
    }

    /// "Download take N": one take of a job with several (0 is its result).
    pub fn download_take(self, id: u64, index: usize) {
        let Some(entry) = self.entry(id) else { return };
        let Some((url, name)) = entry.card.with_untracked(|c| {
            c.take(index)
                .map(|r| (r.object_url.clone(), self.take_download_name(c, index)))
        }) else {
            return;
        };
        crate::platform::files::save(&url, &name);
    }

    /// "Estimate cost": a dry run of the current settings.
    pub fn estimate_cost(self) {
        let config = self.settings.config();
        let camera = self.camera;
        self.cost.set(Some("Estimating…".to_string()));
        spawn_local(async move {
            let Some(asset_id) = self.input.ensure_uploaded().await else {
                self.cost.set(Some("Upload the image first.".to_string()));
                return;
            };
            let body = camera.body(&asset_id);
            let text = match api::estimate_cost(&config, body.model().id(), &body).await {
                Ok(estimate) => match estimate.creative_units_cost {
                    Some(cost) => format!("Estimated cost: {} compute units.", Decimal(cost)),
                    None => format!("Estimate: {}", estimate.raw),
                },
                Err(err) => err.user_message(),
            };
            self.cost.set(Some(text));
        });
    }

    pub(super) fn on_final(self, entry: JobEntry) {
        self.release(entry);
        // A card removed meanwhile has no result to fetch.
        let has_result = entry
            .card
            .try_with_untracked(|c| !c.result_asset_ids.is_empty());
        if has_result == Some(true) {
            spawn_local(self.fetch_result(entry));
        }
    }

    /// Downloads a finished job's takes at once (CDN links expire); an expired link (403) is
    /// refreshed through the API once. The first take is the card's result, kept on the
    /// device; later ones join its takes.
    async fn fetch_result(self, entry: JobEntry) {
        let Some(ids) = entry
            .card
            .try_with_untracked(|c| c.result_asset_ids.clone())
        else {
            return;
        };
        let config = self.config_for(entry);
        let outcome = async {
            let assets = api::get_assets(&config, &ids).await?;
            let mut with_url = assets.into_iter().filter(|a| a.url.is_some());
            let first = with_url.next().ok_or(ApiError::Decode {
                status: 200,
                message: "no result asset with a URL".into(),
                raw: String::new(),
            })?;
            let link_expires_ms = first.url.as_deref().and_then(api::link::expiry_ms);
            let (result, blob) = fetch_take(&config, first).await?;
            self.save_result_bytes(entry, blob, link_expires_ms);
            entry.card.update(|c| c.result = Some(result));
            for asset in with_url {
                let (take, _) = fetch_take(&config, asset).await?;
                entry.card.update(|c| c.add_take(take));
            }
            Ok::<_, ApiError>(())
        }
        .await;
        if let Err(err) = outcome {
            entry.card.update(|c| {
                c.notice = Some(format!(
                    "The result could not be downloaded: {}",
                    err.user_message()
                ))
            });
        }
    }

    /// After a reload: the takes after the first, fetched again by asset id.
    pub(crate) fn fetch_more_takes(self, entry: JobEntry) {
        let Some(ids) = entry.card.try_with_untracked(JobCard::missing_takes) else {
            return;
        };
        if ids.is_empty() {
            return;
        }
        let config = self.config_for(entry);
        spawn_local(async move {
            let Ok(assets) = api::get_assets(&config, &ids).await else {
                return; // the first take still shows; the card's Retry is not needed for these
            };
            for asset in assets.into_iter().filter(|a| a.url.is_some()) {
                if let Ok((take, _)) = fetch_take(&config, asset).await {
                    entry.card.update(|c| c.add_take(take));
                }
            }
        });
    }

    /// Downloads a finished job's result in the background.
    pub(crate) fn fetch_result_later(self, entry: JobEntry) {
        spawn_local(self.fetch_result(entry));
    }
}

/// One take's bytes from its CDN link (refreshed once through the API on a 403), as an
/// object URL for the page and the Blob for storage.
async fn fetch_take(
    config: &crate::api::request::ApiConfig,
    asset: crate::api::types::Asset,
) -> Result<(ResultImage, web_sys::Blob), ApiError> {
    let url = asset.url.clone().unwrap_or_default();
    let (mut status, mut blob) = api::http::fetch_public_blob(&url).await?;
    if status == 403 {
        let fresh = api::get_asset(config, &asset.id).await?;
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
    let object_url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiError::Network {
            message: "cannot keep the image".into(),
        })?;
    let mime_type = asset.mime_type.clone().unwrap_or_else(|| blob.type_());
    Ok((
        ResultImage {
            asset_id: asset.id,
            object_url,
            mime_type,
        },
        blob,
    ))
}
