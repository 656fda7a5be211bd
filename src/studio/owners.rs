//! Each card and each set lives under a reactive owner of its own, a child of the studio's:
//! its signals and its saving effect are disposed when it goes (Remove, Clear history, set
//! removal, a set cell retried), instead of living as long as the studio.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::studio::owners::ItemOwners;
//! let owners = ItemOwners::new();
//! let title = owners.owned(7, String::from("chair"));
//! owners.dispose(7); // `title` is disposed a task later
//! assert_eq!(owners.count(), 0);
//! ```

use std::time::Duration;

use leptos::prelude::*;

/// The owners of the items (cards and sets) alive now, by local id.
#[derive(Clone, Copy)]
pub struct ItemOwners {
    /// The owner the store was made under: each item's owner is its child, not a child of
    /// the component whose button made it (which may re-render and dispose it).
    root: StoredValue<Option<Owner>>,
    owners: StoredValue<Vec<(u64, Owner)>>,
}

impl Default for ItemOwners {
    fn default() -> Self {
        Self::new()
    }
}

impl ItemOwners {
    /// Owners to be made under the current owner.
    pub fn new() -> Self {
        ItemOwners {
            root: StoredValue::new(Owner::current()),
            owners: StoredValue::new(Vec::new()),
        }
    }

    /// Runs `make` under the owner of item `id`, made on first use.
    pub fn under<T>(&self, id: u64, make: impl FnOnce() -> T) -> T {
        let root = self.root.get_value();
        let owner = self.owners.try_update_value(|owners| {
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

    /// A signal owned by item `id`.
    pub fn owned<T: Send + Sync + 'static>(&self, id: u64, value: T) -> RwSignal<T> {
        self.under(id, || RwSignal::new(value))
    }

    /// Disposes what item `id` owns. A task later: by then the views that showed it have let
    /// go of it (a row re-rendered in between would read a disposed signal).
    pub fn dispose(&self, id: u64) {
        let owner = self
            .owners
            .try_update_value(|owners| {
                let at = owners.iter().position(|(item, _)| *item == id)?;
                Some(owners.swap_remove(at).1)
            })
            .flatten();
        if let Some(owner) = owner {
            set_timeout(move || owner.cleanup(), Duration::ZERO);
        }
    }

    /// How many items own reactive nodes now.
    pub fn count(&self) -> usize {
        self.owners.with_value(Vec::len)
    }
}
