//! JSON text in: everything is parsed to a [`serde_json::Value`] and read from there by hand
//! ([`Fields`] for the app's stored records, `api::types::FromJson` for API answers).
//!
//! Why: a type's `Deserialize` derive is compiled per type, and those copies were the largest
//! part of the wasm after the views. One parser to `Value` (serde_json's) and plain field
//! reads keep them out; writing is `serde_json::to_string` directly.
//!
//! ```
//! let value = angleshot::util::json::parse(r#"{"x":1}"#).unwrap();
//! assert_eq!(value["x"], 1);
//! assert!(angleshot::util::json::parse("not json").is_err());
//! ```

use serde_json::Value;

/// Parses JSON text; the error says why not.
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|err| err.to_string())
}

/// An object's fields read one by one, as serde's derive reads them (a missing required field,
/// or any present field of the wrong type, is an error; unknown fields are ignored) but
/// without a reader compiled per type: for the app's own stored records, where a derive for
/// each record cost the browser build several kilobytes.
///
/// ```
/// use angleshot::util::json::{Fields, string};
/// let value = serde_json::json!({ "name": "chair", "size": 3 });
/// let fields = Fields::of(&value, "thing").unwrap();
/// assert_eq!(fields.required("name", string).unwrap(), "chair");
/// assert_eq!(fields.optional("note", string).unwrap(), None);
/// assert!(fields.required("size", string).is_err());
/// ```
pub struct Fields<'a> {
    object: &'a serde_json::Map<String, Value>,
    what: &'static str,
}

impl<'a> Fields<'a> {
    /// The fields of `value`, which must be an object; `what` names it in errors.
    pub fn of(value: &'a Value, what: &'static str) -> Result<Self, String> {
        match value {
            Value::Object(object) => Ok(Fields { object, what }),
            _ => Err(format!("{what}: not an object")),
        }
    }

    /// A field that must be present and readable.
    pub fn required<T>(&self, key: &str, read: fn(&Value) -> Option<T>) -> Result<T, String> {
        self.object
            .get(key)
            .and_then(read)
            .ok_or_else(|| self.wrong(key))
    }

    /// A field with a default (`#[serde(default)]`): absent is the default, present must read.
    pub fn or_default<T: Default>(
        &self,
        key: &str,
        read: fn(&Value) -> Option<T>,
    ) -> Result<T, String> {
        match self.object.get(key) {
            None => Ok(T::default()),
            Some(value) => read(value).ok_or_else(|| self.wrong(key)),
        }
    }

    /// An `Option` field: absent or `null` is `None`, anything else must read.
    pub fn optional<T>(
        &self,
        key: &str,
        read: fn(&Value) -> Option<T>,
    ) -> Result<Option<T>, String> {
        match self.object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value).map(Some).ok_or_else(|| self.wrong(key)),
        }
    }

    /// The raw value of a required field.
    pub fn value(&self, key: &str) -> Result<&'a Value, String> {
        self.object.get(key).ok_or_else(|| self.wrong(key))
    }

    fn wrong(&self, key: &str) -> String {
        format!(
            "{}: field `{key}` is missing or of the wrong type",
            self.what
        )
    }
}

/// A JSON string.
pub fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

/// A JSON integer that fits an `i32` (no fractions, as serde reads an `i32`).
pub fn int32(value: &Value) -> Option<i32> {
    value.as_i64().and_then(|n| i32::try_from(n).ok())
}

/// A JSON integer that fits a `u32`.
pub fn uint32(value: &Value) -> Option<u32> {
    value.as_u64().and_then(|n| u32::try_from(n).ok())
}

/// A list whose every item reads (one bad item fails the list, as serde's `Vec` does).
pub fn list<T>(value: &Value, item: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    value.as_array()?.iter().map(item).collect()
}
