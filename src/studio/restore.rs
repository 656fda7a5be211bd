//! The history back at start: every stored card and set listed, running jobs polled at once,
//! jobs that were still waiting submitted again, lost submits looked up (never resent), and
//! the kept result bytes shown a few per task.

use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{
    self,
    error::{ApiError, ErrorClass},
};
use crate::domain::history::{card_from_record, decode_job_record, decode_set_record};
use crate::domain::jobs::{JobOrigin, Phase, ResultImage};
use crate::domain::reconcile::find_lost_job;
use crate::domain::retry;
use crate::studio::history;
use crate::studio::jobs::JobEntry;
use crate::studio::set_list::{AngleSet, SetEntry};
use crate::studio::state::Studio;

/// Saved results given back their object URL per task when the page reopens.
const SAVED_RESULTS_PER_TASK: usize = 12;

/// A restored card's result bytes, waiting for their object URL.
struct SavedResult {
    entry: JobEntry,
    asset_id: String,
    mime_type: String,
    blob: web_sys::Blob,
}

/// How many recent jobs reconciliation looks through.
const RECENT_JOBS: u16 = 100;

impl Studio {
    /// Opens the history and brings every stored card and set back (called once, at start).
    pub(crate) fn restore(self) {
        spawn_local(async move {
            let db = match history::open().await {
                Ok(db) => db,
                Err(message) => return self.kept.failed(message),
            };
            crate::platform::perf_mark("angleshot-history-open");
            let db = Rc::new(db);
            self.kept.opened(db.clone());
            let stored = match history::load(&db).await {
                Ok(stored) => stored,
                Err(message) => {
                    self.kept.failed(message);
                    history::Stored::default()
                }
            };
            crate::platform::perf_mark("angleshot-history-read");
            let mut blobs = stored.results;
            let mut restored = Vec::new();
            let mut saved_results = Vec::new();
            for json in &stored.jobs {
                let Ok(record) = decode_job_record(json) else {
                    continue; // an unreadable record is skipped, never fatal
                };
                let entry = JobEntry {
                    id: record.local_id,
                    set: record.set_id,
                    card: self
                        .jobs
                        .owners()
                        .owned(record.local_id, card_from_record(&record)),
                    thumbnail: self
                        .jobs
                        .owners()
                        .owned(record.local_id, record.thumbnail.clone()),
                };
                if let (Some(result), Some(blob)) = (
                    &record.result,
                    blobs
                        .iter()
                        .position(|(id, _)| *id == record.local_id)
                        .map(|at| blobs.swap_remove(at).1),
                ) {
                    saved_results.push(SavedResult {
                        entry,
                        asset_id: result.asset_id.clone(),
                        mime_type: result.mime_type.clone(),
                        blob,
                    });
                }
                restored.push(entry);
            }
            let restored_sets: Vec<SetEntry> = stored
                .sets
                .iter()
                .filter_map(|json| decode_set_record(json).ok())
                .map(|record| SetEntry {
                    id: record.id,
                    set: self
                        .jobs
                        .owners()
                        .owned(record.id, AngleSet::from_record(&record)),
                })
                .collect();
            crate::platform::perf_mark("angleshot-history-decoded");
            let highest = restored
                .iter()
                .map(|e| e.id)
                .chain(restored_sets.iter().map(|s| s.id))
                .max()
                .unwrap_or(0);
            self.jobs.ids_taken_up_to(highest);
            // Cards made before the history was read stay; stored ones join them by age.
            self.jobs.merge(&restored);
            self.sets.merge(&restored_sets);
            // Cards made before the database opened already have their watcher: write them
            // once now. Restored ones get a watcher that writes only when they change.
            let restored_ids: Vec<u64> = restored.iter().map(|e| e.id).collect();
            let restored_set_ids: Vec<u64> = restored_sets.iter().map(|s| s.id).collect();
            let saved_ids: Vec<u64> = saved_results.iter().map(|r| r.entry.id).collect();
            for entry in self.jobs.list().get_untracked() {
                if saved_ids.contains(&entry.id) {
                    // Watched once its result is back (`show_saved_results`): the record
                    // already holds that result.
                } else if restored_ids.contains(&entry.id) {
                    self.watch_entry(entry, true);
                } else {
                    self.save_entry(entry);
                }
            }
            for set in self.sets.list().get_untracked() {
                if restored_set_ids.contains(&set.id) {
                    self.watch_set(set, true);
                } else {
                    self.save_set(set);
                }
            }
            crate::platform::perf_mark("angleshot-history-listed");
            if !restored.is_empty() {
                self.polls.start_clock();
            }
            self.show_saved_results(saved_results);
            for entry in restored {
                self.carry_on(entry, saved_ids.contains(&entry.id));
            }
            self.pump_queue();
        });
    }

    /// A card read back (from the device or a backup) goes on where it was: a running job is
    /// polled, a lost submit looked up, a waiting one submitted, a finished one without its
    /// bytes (`has_bytes` false) fetches them, a demo job says it cannot be watched.
    pub(crate) fn carry_on(self, entry: JobEntry, has_bytes: bool) {
        if entry
            .card
            .with_untracked(|c| c.origin == Some(JobOrigin::Demo))
        {
            entry
                .card
                .update(|c| c.orphaned_demo_job(crate::studio::state::now_ms()));
            return;
        }
        let (phase, job_id, needs_result) = entry.card.with_untracked(|c| {
            (
                c.phase.clone(),
                c.job_id.clone(),
                c.succeeded() && c.result.is_none() && !c.result_asset_ids.is_empty() && !has_bytes,
            )
        });
        match (phase, job_id) {
            (Phase::Running, Some(job_id)) => self.resume_polling(&job_id),
            (Phase::Unsure, None) => spawn_local(self.reconcile(entry)),
            (Phase::Submitting, None) => self.submit_again(entry),
            _ if needs_result => self.fetch_result_later(entry),
            _ => {}
        }
    }

    /// A job that was still waiting to be submitted when the page closed (nothing was
    /// created): it goes now, a set's angle through the set queue, as if nothing happened.
    fn submit_again(self, entry: JobEntry) {
        if entry.card.with_untracked(|c| c.body.image().is_empty()) {
            let err = ApiError::InvalidRequest {
                message: "the page closed before the image was uploaded; nothing was created"
                    .into(),
            };
            entry
                .card
                .update(|c| c.submit_failed(&err, crate::studio::state::now_ms()));
            return;
        }
        match entry.set {
            Some(_) => {
                entry
                    .card
                    .update(|c| c.notice = Some("Queued.".to_string()));
                self.queue.enqueue(&[entry.id]);
            }
            None => {
                entry.card.update(|c| c.notice = None);
                spawn_local(self.submit(entry));
            }
        }
    }

    /// Gives restored cards their saved bytes back as object URLs, newest first, a few per
    /// task: each `createObjectURL` of a stored Blob costs about a millisecond on a tablet,
    /// which for a long history would hold the first screen back.
    fn show_saved_results(self, mut saved: Vec<SavedResult>) {
        crate::util::order::sort_by_rank(&mut saved, |r| -i128::from(r.entry.id));
        spawn_local(async move {
            // After the cards' first render: they show (thumbnail, status) at once, their
            // result images a task later.
            TimeoutFuture::new(0).await;
            for chunk in saved.chunks(SAVED_RESULTS_PER_TASK) {
                for saved in chunk {
                    if self.entry(saved.entry.id).is_none() {
                        continue; // removed meanwhile
                    }
                    let Ok(object_url) = web_sys::Url::create_object_url_with_blob(&saved.blob)
                    else {
                        continue;
                    };
                    saved.entry.card.update(|card| {
                        card.result = Some(ResultImage {
                            asset_id: saved.asset_id.clone(),
                            object_url,
                            mime_type: saved.mime_type.clone(),
                        })
                    });
                    self.watch_entry(saved.entry, true);
                    self.fetch_more_takes(saved.entry);
                }
                TimeoutFuture::new(0).await;
            }
        });
    }

    /// A submit whose answer was lost: adopt the job it created, or say none was.
    pub(crate) async fn reconcile(self, entry: JobEntry) {
        entry
            .card
            .update(|c| c.notice = Some("Checking your recent jobs…".to_string()));
        let Some((body, submitted_ms)) = entry
            .card
            .try_with_untracked(|c| (c.body.clone(), c.submitted_ms))
        else {
            return; // removed meanwhile
        };
        let mut retry = 0;
        let recent = loop {
            match api::list_jobs(&self.config_for(entry), RECENT_JOBS, None).await {
                Ok(page) => break Some(page.jobs),
                Err(err)
                    if retry::LOOKUP.allows(retry + 1)
                        && err.class() != ErrorClass::BadCredentials =>
                {
                    retry += 1;
                    let server_wait = match err.class() {
                        ErrorClass::RateLimited { retry_after_secs } => retry_after_secs,
                        _ => None,
                    };
                    TimeoutFuture::new(retry::LOOKUP.wait_ms(retry, server_wait) as u32).await;
                }
                Err(_) => break None,
            }
        };
        let Some(recent) = recent else {
            entry.card.update(|c| {
                c.notice = Some(
                    "Could not check your recent jobs: check on Scenario before retrying.".into(),
                )
            });
            self.release(entry);
            return;
        };
        let claimed = self.jobs.claimed_job_ids();
        match find_lost_job(&body, submitted_ms, &recent, &claimed) {
            Some(job) => {
                entry.card.update(|c| c.adopt(job));
                if job.status.is_final() {
                    self.on_final(entry);
                } else {
                    self.resume_polling(&job.job_id);
                }
            }
            None => {
                entry.card.update(|c| c.not_created());
                self.release(entry);
            }
        }
    }
}
