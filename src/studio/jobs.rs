//! The jobs store: every card in the list (newest first), each with its own signals under
//! its own reactive owner (`owners`), and the local ids cards and sets are given. The
//! studio's actions add, find and remove cards through it; nothing else holds the list.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::studio::jobs::JobsStore;
//! let jobs = JobsStore::new();
//! let id = jobs.take_id();
//! assert!(jobs.find(id).is_none());
//! assert!(jobs.list().with_untracked(Vec::is_empty));
//! ```

use leptos::prelude::*;

use crate::domain::jobs::JobCard;
use crate::studio::owners::ItemOwners;

/// One card in the job list; its own signal so an update re-renders only that card.
#[derive(Debug, Clone, Copy)]
pub struct JobEntry {
    pub id: u64,
    /// The angle set this job belongs to, if any.
    pub set: Option<u64>,
    pub card: RwSignal<JobCard>,
    pub thumbnail: RwSignal<String>,
}

/// See the module docs.
#[derive(Clone, Copy)]
pub struct JobsStore {
    list: RwSignal<Vec<JobEntry>>,
    next_id: StoredValue<u64>,
    owners: ItemOwners,
}

impl Default for JobsStore {
    fn default() -> Self {
        Self::new()
    }
}

impl JobsStore {
    /// No cards. Ids grow across sessions (a new session starts later than every earlier id).
    pub fn new() -> Self {
        JobsStore {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(js_sys::Date::now().max(1.0) as u64),
            owners: ItemOwners::new(),
        }
    }

    /// The cards, newest first (reactive).
    pub fn list(&self) -> ReadSignal<Vec<JobEntry>> {
        self.list.read_only()
    }

    /// The owners of cards and sets.
    pub fn owners(&self) -> ItemOwners {
        self.owners
    }

    /// A fresh local id for a card or a set.
    pub fn take_id(&self) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Ids read back from storage are never given again.
    pub fn ids_taken_up_to(&self, highest: u64) {
        self.next_id
            .update_value(|next| *next = (*next).max(highest + 1));
    }

    /// A card for `card`, under its own owner (not yet in the list).
    pub fn make(&self, card: JobCard, thumbnail: String, set: Option<u64>) -> JobEntry {
        let id = card.local_id;
        JobEntry {
            id,
            set,
            card: self.owners.owned(id, card),
            thumbnail: self.owners.owned(id, thumbnail),
        }
    }

    /// A card goes on top of the list.
    pub fn add(&self, entry: JobEntry) {
        self.list.update(|jobs| jobs.insert(0, entry));
    }

    /// `entry` takes the place of card `old`, on top (a set cell retried); `old`'s owner is
    /// disposed.
    pub fn replace(&self, old: u64, entry: JobEntry) {
        self.list.update(|jobs| {
            jobs.retain(|e| e.id != old);
            jobs.insert(0, entry);
        });
        self.owners.dispose(old);
    }

    /// Cards read back from storage join the list by age.
    pub fn merge(&self, restored: &[JobEntry]) {
        self.list
            .update(|jobs| crate::util::order::merge_newest_first(jobs, restored, |e| e.id));
    }

    /// Card `id`.
    pub fn find(&self, id: u64) -> Option<JobEntry> {
        self.list
            .with_untracked(|jobs| jobs.iter().find(|e| e.id == id).copied())
    }

    /// The card watching API job `job_id`.
    pub fn find_job(&self, job_id: &str) -> Option<JobEntry> {
        self.list.with_untracked(|jobs| {
            jobs.iter()
                .find(|e| {
                    e.card
                        .with_untracked(|c| c.job_id.as_deref() == Some(job_id))
                })
                .copied()
        })
    }

    /// Every API job id a card already stands for.
    pub fn claimed_job_ids(&self) -> Vec<String> {
        self.list.with_untracked(|jobs| {
            jobs.iter()
                .filter_map(|e| e.card.with_untracked(|c| c.job_id.clone()))
                .collect()
        })
    }

    /// Takes card `id` out of the list and disposes its owner.
    pub fn remove(&self, id: u64) {
        self.list.update(|jobs| jobs.retain(|e| e.id != id));
        self.owners.dispose(id);
    }

    /// Empties the list, disposing every card's owner; hands back what was in it.
    pub fn take_all(&self) -> Vec<JobEntry> {
        let mut taken = Vec::new();
        self.list.update(|jobs| taken = std::mem::take(jobs));
        for entry in &taken {
            self.owners.dispose(entry.id);
        }
        taken
    }
}
