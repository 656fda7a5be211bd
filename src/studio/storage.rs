//! Small settings in Web Storage, never failing loudly: private modes and full quotas simply
//! mean "not remembered". The key lives in `sessionStorage` unless the artist asks to be
//! remembered on this device (`localStorage`).
//!
//! ```no_run
//! use angleshot::studio::storage;
//! storage::save_local("angleshot.apiBase", "scenario-api");
//! assert_eq!(storage::load_local("angleshot.apiBase").as_deref(), Some("scenario-api"));
//! ```

/// Key of the per-device API base URL.
pub const API_BASE_KEY: &str = "angleshot.apiBase";
const API_KEY_KEY: &str = "angleshot.apiKey";
const API_SECRET_KEY: &str = "angleshot.apiSecret";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load(storage: Option<web_sys::Storage>, key: &str) -> Option<String> {
    storage?
        .get_item(key)
        .ok()
        .flatten()
        .filter(|value| !value.trim().is_empty())
}

/// The stored value, or `None` when absent, blank, or storage is unavailable.
pub fn load_local(key: &str) -> Option<String> {
    load(local_storage(), key)
}

/// Stores `value`; returns whether it was stored.
pub fn save_local(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Key and secret as stored, and whether they came from `localStorage` ("remembered").
pub struct StoredCredentials {
    pub api_key: String,
    pub api_secret: String,
    pub remembered: bool,
}

/// Loads the key: this tab's session first, then the device.
pub fn load_credentials() -> StoredCredentials {
    let session = (
        load(session_storage(), API_KEY_KEY),
        load(session_storage(), API_SECRET_KEY),
    );
    if let (Some(api_key), Some(api_secret)) = session {
        return StoredCredentials {
            api_key,
            api_secret,
            remembered: false,
        };
    }
    match (load_local(API_KEY_KEY), load_local(API_SECRET_KEY)) {
        (Some(api_key), Some(api_secret)) => StoredCredentials {
            api_key,
            api_secret,
            remembered: true,
        },
        _ => StoredCredentials {
            api_key: String::new(),
            api_secret: String::new(),
            remembered: false,
        },
    }
}

/// Saves the key in the session, or on the device when `remember`; never in both.
pub fn save_credentials(api_key: &str, api_secret: &str, remember: bool) {
    forget_credentials();
    let target = if remember {
        local_storage()
    } else {
        session_storage()
    };
    if let Some(storage) = target {
        let _ = storage.set_item(API_KEY_KEY, api_key);
        let _ = storage.set_item(API_SECRET_KEY, api_secret);
    }
}

/// Removes the key from both storages.
pub fn forget_credentials() {
    for storage in [session_storage(), local_storage()].into_iter().flatten() {
        let _ = storage.remove_item(API_KEY_KEY);
        let _ = storage.remove_item(API_SECRET_KEY);
    }
}
