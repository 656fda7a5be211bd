//! What the stage shows: the job or set the artist picked, or — until they pick one, or after
//! the picked one is removed — the newest.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::studio::selection::{Pick, SelectionStore};
//! let selection = SelectionStore::new();
//! selection.pick(Pick::Job(3));
//! assert_eq!(selection.picked().get_untracked(), Some(Pick::Job(3)));
//! ```

use leptos::prelude::*;

/// A gallery item: a single job or a whole set, by local id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    Job(u64),
    Set(u64),
}

/// The stage's choice.
#[derive(Clone, Copy)]
pub struct SelectionStore {
    picked: RwSignal<Option<Pick>>,
}

impl Default for SelectionStore {
    fn default() -> Self {
        Self::new()
    }
}

impl SelectionStore {
    /// Nothing picked: the stage shows the newest item.
    pub fn new() -> Self {
        SelectionStore {
            picked: RwSignal::new(None),
        }
    }

    /// The picked item (reactive); it may name an item removed since.
    pub fn picked(&self) -> ReadSignal<Option<Pick>> {
        self.picked.read_only()
    }

    /// Puts `item` on the stage.
    pub fn pick(&self, item: Pick) {
        self.picked.set(Some(item));
    }
}
