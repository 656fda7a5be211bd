//! What "Test connection" tells the artist, decided from the API's answer.
//!
//! ```
//! use angleshot::api::error::ApiError;
//! use angleshot::domain::connection::ConnectionReport;
//! let report = ConnectionReport::from_result(&Err(ApiError::Network { message: "x".into() }));
//! assert!(!report.ok);
//! assert!(report.text.contains("proxy base URL"));
//! ```

use crate::api::error::ApiError;
use crate::api::types::Model;

/// The outcome shown beside the "Test connection" button.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionReport {
    pub ok: bool,
    pub text: String,
}

impl ConnectionReport {
    /// Before any request: the report naming the first empty field, if one is.
    ///
    /// ```
    /// use angleshot::domain::connection::ConnectionReport;
    /// let report = ConnectionReport::missing_field("https://api.cloud.scenario.com/v1", "key", " ").unwrap();
    /// assert_eq!(report.text, "Not tested: the API secret is empty. Enter it in Settings first.");
    /// assert!(ConnectionReport::missing_field("/p", "key", "secret").is_none());
    /// ```
    pub fn missing_field(base: &str, key: &str, secret: &str) -> Option<Self> {
        let missing = [
            ("API base URL", base),
            ("API key", key),
            ("API secret", secret),
        ]
        .into_iter()
        .find(|(_, value)| value.trim().is_empty())?
        .0;
        Some(ConnectionReport {
            ok: false,
            text: format!("Not tested: the {missing} is empty. Enter it in Settings first."),
        })
    }

    /// Builds the report from `GET /models/{id}`'s result.
    pub fn from_result(result: &Result<Model, ApiError>) -> Self {
        match result {
            Ok(model) => {
                let name = model.name.as_deref().unwrap_or(&model.id);
                ConnectionReport {
                    ok: true,
                    text: format!("Connected: {name} ({} inputs).", model.inputs.len()),
                }
            }
            Err(err) => ConnectionReport {
                ok: false,
                text: err.user_message(),
            },
        }
    }
}
