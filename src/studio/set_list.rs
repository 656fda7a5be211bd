//! The sets store: the angle sets in the list (newest first, each its own signal) and the
//! angles ticked in the set editor. Private signals; the studio's set actions (`sets.rs`)
//! add, replace and remove through it.
//!
//! ```no_run
//! use angleshot::domain::angle_set::SET_CHOICES;
//! use angleshot::studio::set_list::SetsStore;
//! let sets = SetsStore::new();
//! sets.tick(SET_CHOICES[2], true); // "front" joins the next set
//! ```

use leptos::prelude::*;

use crate::domain::angle_set::{DEFAULT_SET, SET_CHOICES, SetAngle, SetKind, TurnaroundOffer};

/// One cell of a set: its angle and the job (card) that currently stands for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetCell {
    pub angle: SetAngle,
    pub job: u64,
}

/// A set as the studio keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct AngleSet {
    pub input_name: String,
    /// The input as shown (data: or blob: URL of the image the set started from).
    pub original_url: String,
    pub input_asset_id: Option<String>,
    /// The input's rotation from the first original (chaining).
    pub base_rotation: i32,
    pub created_ms: f64,
    pub cells: Vec<SetCell>,
    pub kind: SetKind,
    /// The sprite sheet's grid, as last picked on the set (not kept).
    pub sheet_grid: crate::domain::sprite_sheet::Grid,
    /// "Packing 3 of 7…" while a ZIP is built, or why it failed.
    pub packing: Option<String>,
}

impl AngleSet {
    /// The set a stored record stands for (from the device or a backup).
    pub fn from_record(record: &crate::domain::history::SetRecord) -> Self {
        AngleSet {
            input_name: record.input_name.clone(),
            original_url: record.original.clone(),
            input_asset_id: record.input_asset_id.clone(),
            base_rotation: record.base_rotation,
            created_ms: record.created_ms,
            cells: record
                .angles()
                .into_iter()
                .map(|(angle, job)| SetCell { angle, job })
                .collect(),
            kind: record.kind(),
            sheet_grid: Default::default(),
            packing: None,
        }
    }
}

/// A set in the list; its own signal so a change re-renders only that group.
#[derive(Debug, Clone, Copy)]
pub struct SetEntry {
    pub id: u64,
    pub set: RwSignal<AngleSet>,
}

/// See the module docs.
#[derive(Clone, Copy)]
pub struct SetsStore {
    list: RwSignal<Vec<SetEntry>>,
    choices: RwSignal<Vec<SetAngle>>,
    offer: RwSignal<Option<TurnaroundOffer>>,
}

impl Default for SetsStore {
    fn default() -> Self {
        Self::new()
    }
}

impl SetsStore {
    /// No sets; the default angles ticked.
    pub fn new() -> Self {
        SetsStore {
            list: RwSignal::new(Vec::new()),
            choices: RwSignal::new(DEFAULT_SET.to_vec()),
            offer: RwSignal::new(None),
        }
    }

    /// The turnaround waiting for the artist's yes (reactive).
    pub fn turnaround_offer(&self) -> ReadSignal<Option<TurnaroundOffer>> {
        self.offer.read_only()
    }

    pub(crate) fn offer_now(&self) -> Option<TurnaroundOffer> {
        self.offer.get_untracked()
    }

    pub(crate) fn offer(&self, offer: Option<TurnaroundOffer>) {
        self.offer.set(offer);
    }

    /// The sets, newest first (reactive).
    pub fn list(&self) -> ReadSignal<Vec<SetEntry>> {
        self.list.read_only()
    }

    /// The ticked angles, in the editor's order (reactive).
    pub fn choices(&self) -> ReadSignal<Vec<SetAngle>> {
        self.choices.read_only()
    }

    /// Ticks or unticks an angle of the editor.
    pub fn tick(&self, angle: SetAngle, on: bool) {
        self.choices.update(|choices| {
            choices.retain(|a| *a != angle);
            if on {
                choices.push(angle);
            }
            // The editor's order, so a set is submitted in a predictable order.
            crate::util::order::sort_by_rank(choices, |a| {
                SET_CHOICES
                    .iter()
                    .position(|c| c == a)
                    .map_or(i128::MAX, |p| p as i128)
            });
        });
    }

    /// The set with this id.
    pub fn find(&self, id: u64) -> Option<SetEntry> {
        self.list
            .with_untracked(|sets| sets.iter().find(|s| s.id == id).copied())
    }

    /// Whether a set is still in the list.
    pub fn contains(&self, id: u64) -> bool {
        self.find(id).is_some()
    }

    /// A new set goes first.
    pub fn add(&self, entry: SetEntry) {
        self.list.update(|sets| sets.insert(0, entry));
    }

    /// Sets read back from storage join the list in id order (newest first).
    pub fn merge(&self, restored: &[SetEntry]) {
        self.list
            .update(|sets| crate::util::order::merge_newest_first(sets, restored, |s| s.id));
    }

    /// Takes a set out of the list (its owner is the caller's to dispose).
    pub fn remove(&self, id: u64) {
        self.list.update(|sets| sets.retain(|s| s.id != id));
    }

    /// Empties the list, handing back what was in it.
    pub fn take_all(&self) -> Vec<SetEntry> {
        let mut taken = Vec::new();
        self.list.update(|sets| taken = std::mem::take(sets));
        taken
    }
}
