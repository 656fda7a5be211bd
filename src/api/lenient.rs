//! Reading an answer's fields so that one odd optional field never fails the whole response.
//!
//! The contract marks much of the API's shape as "unknown": a field we merely display must not
//! make the job it belongs to undecodable. These helpers read a parsed JSON object and turn a
//! wrong type into "absent" (see `types::FromJson`, which uses them).
//!
//! ```
//! use angleshot::api::lenient::{list_of, number_of, text_of};
//! let job = serde_json::json!({"progress": "half", "jobType": 7, "assetIds": ["a", 1, "b"]});
//! assert_eq!(number_of(&job, "progress"), None);
//! assert_eq!(text_of(&job, "jobType").as_deref(), Some("7"));
//! assert_eq!(list_of(&job, "assetIds", |v| v.as_str().map(str::to_string)), ["a", "b"]);
//! ```

use serde_json::Value;

use crate::util::math::parse_number;

/// `value[key]` unless it is missing or `null` (a field kept as raw JSON).
pub fn present<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.get(key).filter(|v| !v.is_null())
}

/// `value[key]` shown as text: a string as it is, other JSON as its compact text; missing or
/// `null` is `None`.
pub fn text_of(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// `value[key]` as a number, sent as a number or as a numeric string; anything else is `None`.
pub fn number_of(value: &Value, key: &str) -> Option<f64> {
    match value.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => parse_number(s),
        _ => None,
    }
}

/// `value[key]` as a list: a non-list is empty, and elements `item` cannot read are skipped.
pub fn list_of<T>(value: &Value, key: &str, item: impl Fn(&Value) -> Option<T>) -> Vec<T> {
    match value.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(item).collect(),
        _ => Vec::new(),
    }
}
