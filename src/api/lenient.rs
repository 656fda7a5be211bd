//! Serde helpers that never fail a whole response because one optional field is odd.
//!
//! The contract marks much of the API's shape as "unknown": a field we merely display must not
//! make the job it belongs to undecodable. These helpers turn a wrong type into "absent".
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Job {
//!     #[serde(default, deserialize_with = "angleshot::api::lenient::opt")]
//!     progress: Option<f64>,
//! }
//! let job: Job = serde_json::from_str(r#"{"progress":"half"}"#).unwrap();
//! assert_eq!(job.progress, None);
//! ```

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// An optional field: a missing, null or wrongly typed value becomes `None`.
pub fn opt<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

/// A list field: a non-list becomes empty, and elements of the wrong type are skipped.
pub fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Value::deserialize(deserializer)?;
    Ok(match value {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|item| serde_json::from_value(item).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// A number the API may send as a number or as a numeric string; anything else is `None`.
pub fn number<'de, D>(deserializer: D) -> Result<Option<f64>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    Ok(match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => crate::domain::math::parse_number(&s),
        _ => None,
    })
}

/// A text field shown to the user: strings as they are, other JSON as its compact text.
pub fn text<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    Ok(match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    })
}
