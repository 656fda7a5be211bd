//! The stage and the gallery: which items the gallery lists (newest first, a set's jobs inside
//! their set), which one the stage shows, and the results the full-screen viewer steps through.

use leptos::prelude::*;

use crate::studio::selection::Pick;
use crate::studio::state::Studio;

impl Studio {
    /// Single jobs and sets, newest first (ids grow with time); reactive.
    pub fn gallery(&self) -> Vec<Pick> {
        let mut items: Vec<Pick> = self.jobs.list().with(|jobs| {
            jobs.iter()
                .filter(|e| e.set.is_none())
                .map(|e| Pick::Job(e.id))
                .collect()
        });
        self.sets
            .list()
            .with(|sets| items.extend(sets.iter().map(|s| Pick::Set(s.id))));
        crate::util::order::sort_by_rank(&mut items, |item| -i128::from(pick_id(*item)));
        items
    }

    /// What the stage shows: the picked item while it exists, else the newest (reactive).
    pub fn on_stage(&self) -> Option<Pick> {
        let exists = |pick: Pick| match pick {
            Pick::Job(id) => self
                .jobs
                .list()
                .with(|jobs| jobs.iter().any(|e| e.id == id && e.set.is_none())),
            Pick::Set(id) => self
                .sets
                .list()
                .with(|sets| sets.iter().any(|s| s.id == id)),
        };
        self.selection
            .picked()
            .get()
            .filter(|pick| exists(*pick))
            .or_else(|| self.gallery().first().copied())
    }

    /// Every job with a result, in gallery order, a set's in its contact sheet's order: what
    /// ←/→ steps through in the viewer (reactive).
    pub fn viewable_results(&self) -> Vec<u64> {
        let has_result = |id: u64| {
            self.entry(id)
                .is_some_and(|e| e.card.with(|c| c.result.is_some()))
        };
        let mut ids = Vec::new();
        for item in self.gallery() {
            match item {
                Pick::Job(id) => ids.push(id),
                Pick::Set(id) => {
                    if let Some(set) = self.set_entry(id) {
                        let frames = set.set.with(|s| self.set_frames(s));
                        ids.extend(frames.iter().filter_map(|f| f.job));
                    }
                }
            }
        }
        ids.retain(|id| has_result(*id));
        ids
    }
}

impl Studio {
    /// The picture a job started from, as large as this device has it: the current input's
    /// own bytes when the job was made on it, else the job's thumbnail (reactive).
    pub fn original_of(&self, entry: crate::studio::jobs::JobEntry) -> String {
        let asset = entry.card.with(|c| c.body.image().to_string());
        let current = self.input.image().with(|input| {
            input
                .as_ref()
                .filter(|i| !asset.is_empty() && i.asset_id.as_deref() == Some(asset.as_str()))
                .map(|i| i.data_url.clone().unwrap_or_else(|| i.thumbnail.clone()))
        });
        current.unwrap_or_else(|| {
            entry
                .thumbnail
                .with(|t| crate::studio::thumbs::display_url(t))
        })
    }
}

/// The local id of a gallery item (jobs and sets share one counter).
pub fn pick_id(pick: Pick) -> u64 {
    match pick {
        Pick::Job(id) | Pick::Set(id) => id,
    }
}

impl Studio {
    /// How many jobs run, and the newest running one's progress (0..1): what the bar next to
    /// Generate shows (reactive).
    pub fn running(&self) -> Option<(usize, f64)> {
        let mut count = 0;
        let mut newest = None;
        self.jobs.list().with(|jobs| {
            for entry in jobs {
                let progress = entry
                    .card
                    .with(|c| c.shows_progress().then(|| c.progress.unwrap_or(0.0)));
                if let Some(progress) = progress {
                    count += 1;
                    newest.get_or_insert(progress);
                }
            }
        });
        newest.map(|progress| (count, progress))
    }
}
