//! Reads and writes small per-device settings in `localStorage`, never failing loudly:
//! private modes and full quotas simply mean "not remembered".
//!
//! ```no_run
//! use angleshot::studio::storage;
//! storage::save_local("angleshot.apiBase", "scenario-api");
//! assert_eq!(storage::load_local("angleshot.apiBase").as_deref(), Some("scenario-api"));
//! ```

/// Key of the per-device API base URL.
pub const API_BASE_KEY: &str = "angleshot.apiBase";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored value, or `None` when absent, blank, or storage is unavailable.
pub fn load_local(key: &str) -> Option<String> {
    local_storage()?
        .get_item(key)
        .ok()
        .flatten()
        .filter(|value| !value.trim().is_empty())
}

/// Stores `value`; returns whether it was stored.
pub fn save_local(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}
