//! JSON text in: parsing always goes through [`serde_json::Value`].
//!
//! Why: a type's `Deserialize` impl is compiled once for every serde_json reader it meets (the
//! text parser and `Value`). Parsing text to `Value` first compiles each impl once, which keeps
//! near-identical copies out of the wasm (16 KB). The extra step costs microseconds on bodies
//! of a few kilobytes. Writing needs nothing of the kind: `serde_json::to_string` directly.
//!
//! ```
//! #[derive(serde::Deserialize, PartialEq, Debug)]
//! struct Point { x: i32 }
//! assert_eq!(angleshot::json::from_text::<Point>(r#"{"x":1}"#).unwrap(), Point { x: 1 });
//! ```

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses JSON text as `T`.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str::<Value>(text).and_then(serde_json::from_value)
}
