//! Which API base URL applies: the per-device setting, else the host's `config.json`, else
//! Scenario's public API.
//!
//! ```
//! use angleshot::domain::settings::{api_base_from_config, choose_api_base};
//! let host = api_base_from_config(r#"{"apiBase":"/scenario-api"}"#);
//! assert_eq!(choose_api_base(None, host.as_deref()), "/scenario-api");
//! assert_eq!(choose_api_base(Some("http://127.0.0.1:9000/v1"), host.as_deref()), "http://127.0.0.1:9000/v1");
//! ```

use crate::api::request::DEFAULT_BASE_URL;

/// `apiBase` from a `config.json` body; `None` for anything unusable.
pub fn api_base_from_config(text: &str) -> Option<String> {
    let value: serde_json::Value = crate::util::json::parse(text).ok()?;
    value
        .get("apiBase")?
        .as_str()
        .map(str::trim)
        .filter(|base| !base.is_empty())
        .map(str::to_string)
}

/// Device setting, then host default, then the public API.
pub fn choose_api_base(device: Option<&str>, host: Option<&str>) -> String {
    [device, host]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|base| !base.is_empty())
        .unwrap_or(DEFAULT_BASE_URL)
        .to_string()
}
