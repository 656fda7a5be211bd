//! What can go wrong talking to Scenario, told apart so the UI can say the plain reason.
//!
//! ```
//! use angleshot::api::error::ApiError;
//! let err = ApiError::from_status(401, None, r#"{"reason":"Unauthorized"}"#);
//! assert!(err.user_message().contains("key or secret rejected"));
//! ```

use serde_json::Value;

use super::lenient;

/// Longest piece of a raw body repeated in a message: enough to diagnose, never a page of HTML.
const RAW_EXCERPT_CHARS: usize = 300;

/// The JSON body of a non-2xx answer. Its full schema is unknown: every field is optional and
/// the raw text is kept as the fallback.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ErrorBody {
    pub reason: Option<String>,
    pub message: Option<String>,
    pub error: Option<String>,
    pub name: Option<String>,
    pub details: Option<Value>,
    /// Some 429 bodies say how long to wait.
    pub remaining_seconds: Option<f64>,
    /// The body exactly as received.
    pub raw: String,
}

impl ErrorBody {
    /// Parses any text: JSON objects fill the fields, anything else is kept only as `raw`.
    pub fn parse(text: &str) -> Self {
        let value = crate::util::json::parse(text).unwrap_or(Value::Null);
        ErrorBody {
            reason: lenient::text_of(&value, "reason"),
            message: lenient::text_of(&value, "message"),
            error: lenient::text_of(&value, "error"),
            name: lenient::text_of(&value, "name"),
            details: lenient::present(&value, "details").cloned(),
            remaining_seconds: lenient::number_of(&value, "remainingSeconds"),
            raw: text.to_string(),
        }
    }

    /// The API's own words: `reason`, else `message`, else `error`, else an excerpt of the raw
    /// text; `None` for an empty body.
    pub fn summary(&self) -> Option<String> {
        [&self.reason, &self.message, &self.error]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .map(str::to_string)
            .or_else(|| {
                let raw = self.raw.trim();
                (!raw.is_empty()).then(|| excerpt(raw))
            })
    }
}

/// Everything an API call can fail with.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request never got an HTTP status: offline, DNS, dropped connection, or (most often
    /// from a browser) blocked by CORS.
    Network { message: String },
    /// A non-2xx status, with the parsed body and, for 429, how long to wait if the API said.
    Http {
        status: u16,
        body: ErrorBody,
        retry_after_secs: Option<f64>,
    },
    /// A 2xx answer whose body is not what the contract describes.
    Decode {
        status: u16,
        message: String,
        raw: String,
    },
    /// The request could not be built (for instance an unusable base URL).
    InvalidRequest { message: String },
}

/// How the app should react to an error; see [`ApiError::class`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ErrorClass {
    /// No status: offline or CORS. Retrying later may work.
    Unreachable,
    /// 401: the key or secret is wrong. Retrying will not help.
    BadCredentials,
    /// 403: plan or scope. Retrying will not help.
    Forbidden,
    /// 404: unknown job or asset.
    NotFound,
    /// 429: wait this long if known, else back off.
    RateLimited { retry_after_secs: Option<f64> },
    /// 5xx: transient.
    ServerError,
    /// Other 4xx: the request itself is wrong.
    Rejected,
    /// Undecodable answer or unbuildable request.
    Malformed,
}

impl ApiError {
    /// Builds the error for a non-2xx answer from its status, `Retry-After` header and body.
    pub fn from_status(status: u16, retry_after_header: Option<&str>, text: &str) -> Self {
        let body = ErrorBody::parse(text);
        let retry_after_secs = retry_after_header.and_then(parse_retry_after).or(body
            .remaining_seconds
            .filter(|s| s.is_finite() && *s >= 0.0));
        ApiError::Http {
            status,
            body,
            retry_after_secs,
        }
    }

    /// The HTTP status, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Http { status, .. } | ApiError::Decode { status, .. } => Some(*status),
            ApiError::Network { .. } | ApiError::InvalidRequest { .. } => None,
        }
    }

    /// The limit a 429 names (`details.actionLimit`, e.g. the team's parallel custom jobs).
    ///
    /// ```
    /// use angleshot::api::error::ApiError;
    /// let err = ApiError::from_status(429, None, r#"{"reason":"Too many","details":{"actionLimit":2}}"#);
    /// assert_eq!(err.action_limit(), Some(2));
    /// assert_eq!(ApiError::from_status(429, None, "{}").action_limit(), None);
    /// ```
    pub fn action_limit(&self) -> Option<usize> {
        let ApiError::Http {
            status: 429, body, ..
        } = self
        else {
            return None;
        };
        let limit = lenient::number_of(body.details.as_ref()?, "actionLimit")?;
        (limit >= 1.0 && limit.is_finite()).then_some(limit as usize)
    }

    /// What kind of failure this is, for retry and wording decisions.
    pub fn class(&self) -> ErrorClass {
        match self {
            ApiError::Network { .. } => ErrorClass::Unreachable,
            ApiError::Decode { .. } | ApiError::InvalidRequest { .. } => ErrorClass::Malformed,
            ApiError::Http {
                status,
                retry_after_secs,
                ..
            } => match status {
                401 => ErrorClass::BadCredentials,
                403 => ErrorClass::Forbidden,
                404 => ErrorClass::NotFound,
                429 => ErrorClass::RateLimited {
                    retry_after_secs: *retry_after_secs,
                },
                500..=599 => ErrorClass::ServerError,
                _ => ErrorClass::Rejected,
            },
        }
    }

    /// Whether trying the same read again later may succeed (never used for generate POSTs,
    /// which are not retried automatically).
    pub fn is_transient(&self) -> bool {
        matches!(
            self.class(),
            ErrorClass::Unreachable
                | ErrorClass::RateLimited { .. }
                | ErrorClass::ServerError
                | ErrorClass::Malformed
        )
    }

    /// One plain sentence for the artist, with the API's own words where it gave some.
    pub fn user_message(&self) -> String {
        let api_words = match self {
            ApiError::Http { body, .. } => body.summary(),
            _ => None,
        };
        let plain = match self.class() {
            ErrorClass::Unreachable => {
                let tried = match self {
                    ApiError::Network { message } => tried_address(message)
                        .map(|address| format!(" Tried {address}."))
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                format!(
                    "The browser could not reach the API (often CORS): set a proxy base URL in Settings, or check that you are online.{tried}"
                )
            }
            ErrorClass::BadCredentials => {
                "API key or secret rejected (401): check both in Settings.".to_string()
            }
            ErrorClass::Forbidden => {
                "Your plan or key scope does not allow this model (403).".to_string()
            }
            ErrorClass::NotFound => {
                "Not found (404): the job or asset is unknown to this key's project.".to_string()
            }
            ErrorClass::RateLimited {
                retry_after_secs: Some(secs),
            } => {
                format!(
                    "Rate limited (429): waiting {} s before trying again.",
                    crate::util::math::whole(secs.ceil())
                )
            }
            ErrorClass::RateLimited {
                retry_after_secs: None,
            } => "Rate limited (429): backing off before trying again.".to_string(),
            ErrorClass::ServerError => format!(
                "Scenario had a temporary problem ({}).",
                self.status().unwrap_or(500)
            ),
            ErrorClass::Rejected => format!(
                "The API refused the request ({}).",
                self.status().unwrap_or(400)
            ),
            ErrorClass::Malformed => match self {
                ApiError::InvalidRequest { message } => {
                    format!("Cannot send the request: {message}")
                }
                ApiError::Decode { message, raw, .. } => format!(
                    "The API answered something unexpected ({message}): {}",
                    excerpt(raw)
                ),
                _ => "The API answered something unexpected.".to_string(),
            },
        };
        match api_words {
            Some(words) => format!("{plain} API said: {words}"),
            None => plain,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for ApiError {}

/// `Retry-After` in seconds. The HTTP-date form is not supported (it needs a clock we do not
/// trust to match the server's) and yields `None`, so the caller backs off instead.
pub fn parse_retry_after(value: &str) -> Option<f64> {
    crate::util::math::parse_number(value).filter(|s| s.is_finite() && *s >= 0.0)
}

fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(RAW_EXCERPT_CHARS).collect();
    if text.chars().count() > RAW_EXCERPT_CHARS {
        out.push('…');
    }
    out
}

/// How a network error's message starts when it names the address it tried.
pub const TRIED: &str = "tried ";

/// The address a network error's message names, if it names one.
fn tried_address(message: &str) -> Option<&str> {
    // An address never holds ": " (a space is not allowed in it): that ends it.
    let (address, _) = message.strip_prefix(TRIED)?.split_once(": ")?;
    Some(address)
}
