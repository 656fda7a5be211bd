//! Jobs out: a card at once, one POST (a 429 waits by the retry policy), Retry.

use crate::api::error::{ApiError, ErrorClass};
use crate::api::{self};
use crate::domain::jobs::{JobCard, Phase};
use crate::domain::retry;
use crate::studio::input::{InputImage, UploadState};
use crate::studio::jobs::JobEntry;
use crate::studio::state::{Studio, now_ms};
use leptos::prelude::*;
use leptos::task::spawn_local;

impl Studio {
    /// "Generate": a card at once, then upload if needed, then one POST (never retried).
    pub fn generate(self) {
        if self.generate_blocker().is_some() {
            return;
        }
        let Some(input) = self.input.image().get_untracked() else {
            return;
        };
        let body = self.camera.body(input.asset_id.as_deref().unwrap_or(""));
        let entry = self.add_card(body, &input, None);
        spawn_local(async move {
            let Some(asset_id) = self.input.ensure_uploaded().await else {
                let message = match self.input.upload().get_untracked() {
                    UploadState::Failed(message) => message,
                    _ => "The image is not uploaded yet.".to_string(),
                };
                entry
                    .card
                    .update(|c| c.submit_failed(&ApiError::InvalidRequest { message }, now_ms()));
                return;
            };
            entry.card.update(|c| c.body.set_image(&asset_id));
            self.submit(entry).await;
        });
    }

    /// A new card on top of the list, for a job on `input`.
    pub(crate) fn add_card(
        &self,
        body: crate::domain::profile::JobBody,
        input: &InputImage,
        set: Option<u64>,
    ) -> JobEntry {
        let id = self.jobs.take_id();
        let mut card = JobCard::new(id, body, &input.name, now_ms());
        card.base_rotation = input.base_rotation;
        card.origin = Some(self.settings.current_origin());
        if input.parent_job_id.is_some() {
            // A chained job's input is its parent's result.
            card.parent_job_id = input.parent_job_id.clone();
            card.parent_asset_id = input
                .asset_id
                .clone()
                .or_else(|| Some(card.body.image().to_string()).filter(|id| !id.is_empty()));
        }
        let entry = self.jobs.make(card, input.thumbnail.clone(), set);
        self.jobs.add(entry);
        if set.is_none() {
            // A new job goes on the stage, where its progress shows.
            self.selection
                .pick(crate::studio::selection::Pick::Job(entry.id));
        }
        self.polls.start_clock();
        self.watch_entry(entry, false);
        entry
    }

    pub(crate) async fn submit(self, entry: JobEntry) {
        self.submit_attempt(entry, 0).await;
    }

    async fn submit_attempt(self, entry: JobEntry, attempt: u32) {
        // Removed while it waited (its signals are gone): nothing to send.
        let Some(body) = entry.card.try_with_untracked(|c| c.body.clone()) else {
            self.release(entry);
            return;
        };
        entry.card.update(|c| c.posted = true);
        match api::generate(&self.config_for(entry), body.model().id(), &body).await {
            Ok(answer) => {
                entry.card.update(|c| c.submitted(&answer.job));
                if entry.set.is_some() {
                    self.queue.accepted();
                }
                if answer.job.status.is_final() {
                    self.on_final(entry);
                } else {
                    self.polls.track(&answer.job.job_id, now_ms());
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
                // A 429 that names the account's limit: never hit it again this session.
                if let Some(limit) = err.action_limit() {
                    self.queue.lower_to_api_limit(limit);
                }
                if let (Some(_), ErrorClass::RateLimited { retry_after_secs }) =
                    (entry.set, err.class())
                {
                    self.queue
                        .rate_limited(entry.id, retry_after_secs, now_ms());
                    entry.card.update(|c| {
                        c.notice =
                            Some("Rate limited — waiting before submitting again.".to_string())
                    });
                    self.pump_queue();
                    return;
                }
                entry.card.update(|c| c.submit_failed(&err, now_ms()));
                if entry.card.try_with_untracked(|c| c.phase == Phase::Unsure) == Some(true) {
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
                    downscaled_from: None,
                    parent_job_id: c.parent_job_id.clone(),
                },
            )
        });
        let entry = self.add_card(body, &input, None);
        // Its body names an asset where the old job was made: the new one goes there too.
        if let Some(origin) = old.card.with_untracked(|c| c.origin.clone()) {
            entry.card.update(|c| c.origin = Some(origin));
        }
        spawn_local(async move {
            if entry.card.with_untracked(|c| c.body.image().is_empty()) {
                match self.input.ensure_uploaded().await {
                    Some(asset_id) => entry.card.update(|c| c.body.set_image(&asset_id)),
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
}
