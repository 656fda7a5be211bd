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
