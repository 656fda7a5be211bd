//! Each card and each set lives under a reactive owner of its own, a child of the studio's:
//! its signals and its saving effect are disposed when it goes (Remove, Clear history, set
//! removal, a set cell retried), instead of living as long as the studio.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! studio.clear_history(); // every card's and set's owner is disposed
//! assert_eq!(studio.owned_items(), 0);
//! ```

use std::time::Duration;

use leptos::prelude::*;

use crate::studio::state::Studio;

impl Studio {
    /// Runs `make` under the owner of card or set `id`, made on first use.
    pub(super) fn under_item<T>(&self, id: u64, make: impl FnOnce() -> T) -> T {
        let root = self.root.get_value();
        let owner = self.item_owners.try_update_value(|owners| {
            if let Some((_, owner)) = owners.iter().find(|(item, _)| *item == id) {
                return owner.clone();
            }
            let owner = root.as_ref().map_or_else(Owner::new, Owner::child);
            owners.push((id, owner.clone()));
            owner
        });
        match owner {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }

    /// A signal owned by card or set `id`.
    pub(super) fn owned<T: Send + Sync + 'static>(&self, id: u64, value: T) -> RwSignal<T> {
        self.under_item(id, || RwSignal::new(value))
    }

    /// Disposes what card or set `id` owns. A task later: by then the views that showed it
    /// have let go of it (a row re-rendered in between would read a disposed signal).
    pub(super) fn dispose_item(&self, id: u64) {
        let owner = self
            .item_owners
            .try_update_value(|owners| {
                let at = owners.iter().position(|(item, _)| *item == id)?;
                Some(owners.swap_remove(at).1)
            })
            .flatten();
        if let Some(owner) = owner {
            set_timeout(move || owner.cleanup(), Duration::ZERO);
        }
    }

    /// How many cards and sets own reactive nodes now.
    pub fn owned_items(&self) -> usize {
        self.item_owners.with_value(Vec::len)
    }
}
