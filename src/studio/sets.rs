//! Angle sets in the studio: one tap submits many angles through the submit queue (a limit in
//! flight, 429 back-off), failed cells are retried one by one, and a finished set packs into
//! a ZIP named by angle. Naming, order, queue and archive logic live in `domain`.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.generate_set(); // the ticked angles, with the camera panel's other options
//! ```

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::error::ApiError;
use crate::domain::angle_set::{SetAngle, SetKind, SetProgress};
use crate::domain::jobs::JobCard;
use crate::domain::profile::JobBody;
use crate::studio::jobs::JobEntry;
use crate::studio::set_list::{AngleSet, SetCell, SetEntry};
use crate::studio::state::{Studio, now_ms};

/// One frame of a set's turntable or contact sheet, in angle order.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub label: String,
    /// `None` for the original.
    pub job: Option<u64>,
    pub url: Option<String>,
    /// An eye-level view, on the turntable's ring (tilted views stay on the contact sheet).
    pub in_orbit: bool,
}

impl Studio {
    /// "Generate angle set": one card per ticked angle, submitted through the queue.
    pub fn generate_set(self) {
        if self.set_blocker().is_some() {
            return;
        }
        let angles = self.sets.choices().get_untracked();
        let Some(input) = self.input.image().get_untracked() else {
            return;
        };
        if angles.is_empty() {
            return;
        }
        let shot = self.camera.shot().get_untracked();
        let image = input.asset_id.clone().unwrap_or_default();
        let cells = angles
            .iter()
            .map(|angle| (*angle, JobBody::from(angle.body(&shot, &image))))
            .collect();
        self.start_set(&input, cells, SetKind::Angles);
    }

    /// A new set of `cells` on `input`: a card each, on the stage, submitted through the
    /// queue once the input is uploaded.
    pub(crate) fn start_set(
        self,
        input: &crate::studio::input::InputImage,
        cells: Vec<(SetAngle, JobBody)>,
        kind: SetKind,
    ) {
        let set_id = self.jobs.take_id();
        let cells: Vec<SetCell> = cells
            .into_iter()
            .map(|(angle, body)| {
                let entry = self.add_card(body, input, Some(set_id));
                entry
                    .card
                    .update(|c| c.notice = Some("Queued.".to_string()));
                SetCell {
                    angle,
                    job: entry.id,
                }
            })
            .collect();
        let set = self.jobs.owners().owned(
            set_id,
            AngleSet {
                input_name: input.name.clone(),
                original_url: input.data_url.clone().unwrap_or(input.thumbnail.clone()),
                input_asset_id: input.asset_id.clone(),
                base_rotation: input.base_rotation,
                created_ms: now_ms(),
                cells: cells.clone(),
                kind,
                sheet_grid: Default::default(),
                packing: None,
            },
        );
        let set_entry = SetEntry { id: set_id, set };
        self.sets.add(set_entry);
        self.selection
            .pick(crate::studio::selection::Pick::Set(set_id));
        self.watch_set(set_entry, false);
        spawn_local(async move {
            let asset_id = self.input.ensure_uploaded().await;
            for cell in &cells {
                let Some(entry) = self.entry(cell.job) else {
                    continue;
                };
                match &asset_id {
                    Some(id) => entry.card.update(|c| c.body.set_image(id)),
                    None => entry.card.update(|c| {
                        c.notice = None;
                        c.submit_failed(
                            &ApiError::InvalidRequest {
                                message: "the image is not uploaded".into(),
                            },
                            now_ms(),
                        )
                    }),
                }
            }
            let Some(asset_id) = asset_id else { return };
            set.update(|s| s.input_asset_id = Some(asset_id));
            let jobs: Vec<u64> = cells.iter().map(|cell| cell.job).collect();
            self.queue.enqueue(&jobs);
            self.pump_queue();
        });
    }

    /// Submits every queued job that may go now, and arms the timer for the end of a 429 pause.
    pub(crate) fn pump_queue(self) {
        while let Some(id) = self.queue.next_ready(now_ms()) {
            match self.entry(id) {
                Some(entry) => {
                    entry.card.update(|c| c.notice = None);
                    spawn_local(self.submit(entry));
                }
                // Removed while waiting: free its slot.
                None => self.queue.finished(id),
            }
        }
        self.queue
            .wake_when_ready(now_ms(), move || self.pump_queue());
    }

    /// A job ended or was removed: a set's slot is free for the next angle.
    pub(crate) fn release(self, entry: JobEntry) {
        if entry.set.is_some() {
            self.queue.finished(entry.id);
            self.pump_queue();
        }
    }

    pub(super) fn set_entry(&self, set_id: u64) -> Option<SetEntry> {
        self.sets.find(set_id)
    }

    /// How far a set has got (reactive).
    pub fn set_progress(&self, set: &AngleSet) -> SetProgress {
        let mut progress = SetProgress {
            total: set.cells.len(),
            ..SetProgress::default()
        };
        for cell in &set.cells {
            if let Some(entry) = self.entry(cell.job) {
                entry.card.with(|c| {
                    if c.succeeded() {
                        progress.done += 1;
                    } else if c.ended_badly() {
                        progress.failed += 1;
                    }
                });
            }
        }
        progress
    }

    /// The original and every cell, in angle order (reactive on the cards' results).
    pub fn set_frames(&self, set: &AngleSet) -> Vec<Frame> {
        let original = SetAngle { rotate: 0, tilt: 0 };
        let label = |angle: &SetAngle| match set.kind {
            SetKind::Angles => angle.label(set.base_rotation),
            SetKind::Turnaround { .. } => crate::domain::profile::multiangle_2511::view_words(
                angle.azimuth(set.base_rotation),
            )
            .to_string(),
        };
        let mut frames: Vec<((i32, i32), Frame)> = vec![(
            original.order_key_in(set.kind, set.base_rotation),
            Frame {
                label: format!("original ({})", label(&original)),
                job: None,
                url: Some(set.original_url.clone()),
                in_orbit: true,
            },
        )];
        for cell in &set.cells {
            let url = self.entry(cell.job).and_then(|e| {
                e.card
                    .with(|c| c.result.as_ref().map(|r| r.object_url.clone()))
            });
            frames.push((
                cell.angle.order_key_in(set.kind, set.base_rotation),
                Frame {
                    label: label(&cell.angle),
                    job: Some(cell.job),
                    url,
                    in_orbit: cell.angle.tilt == 0,
                },
            ));
        }
        // Stable: the original stays before a ticked "front" cell.
        crate::util::order::sort_by_rank(&mut frames, |((row, column), _)| {
            crate::util::order::pair_rank(*row, *column)
        });
        frames.into_iter().map(|(_, f)| f).collect()
    }

    /// "Retry" on one failed cell: a new job with the same parameters takes its place.
    pub fn retry_cell(self, set_id: u64, job: u64) {
        let (Some(set_entry), Some(old)) = (self.set_entry(set_id), self.entry(job)) else {
            return;
        };
        if !old.card.with_untracked(JobCard::can_retry) {
            return;
        }
        let id = self.jobs.take_id();
        let card = old.card.with_untracked(|card| {
            let mut fresh = JobCard::new(id, card.body.clone(), &card.input_name, now_ms());
            fresh.base_rotation = card.base_rotation;
            fresh.origin = card.origin.clone();
            fresh.notice = Some("Queued.".to_string());
            fresh
        });
        let entry = self
            .jobs
            .make(card, old.thumbnail.get_untracked(), Some(set_id));
        self.jobs.replace(job, entry);
        set_entry.set.update(|s| {
            for cell in &mut s.cells {
                if cell.job == job {
                    cell.job = id;
                }
            }
        });
        self.watch_entry(entry, false);
        self.queue.enqueue(&[id]);
        self.pump_queue();
    }

    /// "Remove set": stops watching its jobs, frees their images, forgets it.
    pub fn remove_set(self, set_id: u64) {
        let Some(set_entry) = self.set_entry(set_id) else {
            return;
        };
        for cell in set_entry.set.get_untracked().cells {
            self.queue.finished(cell.job);
            self.remove(cell.job);
        }
        self.sets.remove(set_id);
        self.jobs.owners().dispose(set_id);
        self.forget_stored(&[crate::studio::history::SETS], set_id);
    }
}
