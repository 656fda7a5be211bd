//! The persistence store: the history database once it is open, and why the history is not
//! being kept when it is not (shown under the job list). `persist.rs` and `restore.rs` write
//! and read records through it.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use angleshot::studio::kept::KeptStore;
//! let kept = KeptStore::new();
//! assert!(kept.database().is_none(), "opened after the first paint");
//! kept.failed("IndexedDB is not available here".into());
//! assert!(kept.note().get_untracked().is_some());
//! ```

use std::rc::Rc;

use leptos::prelude::*;

use crate::studio::history::Database;

/// See the module docs.
#[derive(Clone, Copy)]
pub struct KeptStore {
    db: StoredValue<Option<Rc<Database>>, LocalStorage>,
    note: RwSignal<Option<String>>,
    /// Whether the browser keeps the history, in words (Settings).
    durability: RwSignal<Option<String>>,
    /// What "Export backup" or "Import backup" did last, or is doing.
    backup: RwSignal<Option<String>>,
    /// Whether this page has asked for persistent storage yet.
    persist_asked: StoredValue<bool>,
}

impl Default for KeptStore {
    fn default() -> Self {
        Self::new()
    }
}

impl KeptStore {
    /// Not open yet.
    pub fn new() -> Self {
        KeptStore {
            db: StoredValue::new_local(None),
            note: RwSignal::new(None),
            durability: RwSignal::new(None),
            backup: RwSignal::new(None),
            persist_asked: StoredValue::new(false),
        }
    }

    /// Whether the browser keeps the history, in words (reactive).
    pub fn durability(&self) -> ReadSignal<Option<String>> {
        self.durability.read_only()
    }

    /// The browser said how it keeps the history.
    pub fn set_durability(&self, words: String) {
        self.durability.set(Some(words));
    }

    /// True the first time only: whether to ask for persistent storage now.
    pub fn first_ask(&self) -> bool {
        let asked = self.persist_asked.get_value();
        self.persist_asked.set_value(true);
        !asked
    }

    /// The open database, if any (none: the history lives in this tab only).
    pub fn database(&self) -> Option<Rc<Database>> {
        self.db.with_value(Clone::clone)
    }

    /// The database opened.
    pub fn opened(&self, db: Rc<Database>) {
        self.db.set_value(Some(db));
    }

    /// Storage refused something: say why.
    pub fn failed(&self, message: String) {
        self.note.set(Some(message));
    }

    /// What the backup's status line says (reactive).
    pub fn backup_status(&self) -> ReadSignal<Option<String>> {
        self.backup.read_only()
    }

    /// The backup's status line says `message`.
    pub fn say_backup(&self, message: Option<String>) {
        self.backup.set(message);
    }

    /// What the history's status line says now (`None`: nothing).
    pub fn say(&self, message: Option<String>) {
        self.note.set(message);
    }

    /// Why the history is not being kept, when it is not (reactive).
    pub fn note(&self) -> ReadSignal<Option<String>> {
        self.note.read_only()
    }
}
