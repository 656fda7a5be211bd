//! JSON text in and out: parsing always goes through [`serde_json::Value`].
//!
//! Why: a type's `Deserialize` impl is compiled once for every serde_json reader it meets (the
//! text parser and `Value`; the lenient field helpers already read `Value`). Parsing text to
//! `Value` first compiles each impl once, which keeps near-identical copies out of the wasm
//! (16 KB). The extra step costs microseconds on bodies of a few kilobytes. Writing stays
//! direct: through `Value` the keys would come out sorted, not in the struct's order.
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
//! struct Point { x: i32 }
//! let text = angleshot::json::to_text(&Point { x: 1 }).unwrap();
//! assert_eq!(text, r#"{"x":1}"#);
//! assert_eq!(angleshot::json::from_text::<Point>(&text).unwrap(), Point { x: 1 });
//! ```

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses JSON text as `T`.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str::<Value>(text).and_then(serde_json::from_value)
}

/// Compact JSON text of `value`.
pub fn to_text<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(value)
}

/// Indented JSON text of `value` (for files a person may open).
pub fn to_pretty_text<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(value)
}
