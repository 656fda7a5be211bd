//! Builds every request the app sends, as plain data: URL, method, auth header, JSON body.
//! Nothing outside `api` builds a URL. Being plain data, every request shape is tested natively.
//!
//! ```
//! use angleshot::api::request::{self, ApiConfig};
//! let config = ApiConfig::new("http://127.0.0.1:9000/v1/", "key", "secret");
//! let req = request::get_job(&config, "job_1").unwrap();
//! assert_eq!(req.url, "http://127.0.0.1:9000/v1/jobs/job_1");
//! assert_eq!(req.authorization, "Basic a2V5OnNlY3JldA==");
//! ```

use base64::Engine as _;
use serde::Serialize;

use std::future::Future;
use std::pin::Pin;

use super::error::ApiError;
use super::response::RawResponse;
use super::types::{BulkAssetsBody, JobActionBody, UploadAssetBody};

/// The API's public base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.cloud.scenario.com/v1";

/// Largest page `GET /jobs` accepts.
pub const MAX_PAGE_SIZE: u16 = 200;

/// Most ids one `POST /assets/get-bulk` accepts.
pub const MAX_BULK_ASSETS: usize = 200;

/// Answers a request without the network (the demo); see [`Backend::Demo`].
pub type LocalTransport = fn(ApiRequest) -> Pin<Box<dyn Future<Output = RawResponse>>>;

/// Who answers the requests: Scenario over HTTP, or a simulated backend in the page.
#[derive(Clone, Copy, Default)]
pub enum Backend {
    /// The browser's `fetch` to the base URL.
    #[default]
    Http,
    /// The demo: this function answers every request, nothing reaches the network.
    Demo(LocalTransport),
}

impl Backend {
    /// Whether this is the simulated backend.
    pub fn is_demo(&self) -> bool {
        matches!(self, Backend::Demo(_))
    }
}

// By kind: two demo transports are the same backend (function pointers do not compare
// reliably).
impl PartialEq for Backend {
    fn eq(&self, other: &Self) -> bool {
        self.is_demo() == other.is_demo()
    }
}
impl Eq for Backend {}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_demo() { "Demo" } else { "Http" })
    }
}

/// Where to send requests and with which credentials.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ApiConfig {
    /// Direct API (`https://api.cloud.scenario.com/v1`) or a proxy base, absolute or relative
    /// to the page (`scenario-api`).
    pub base_url: String,
    pub api_key: String,
    pub api_secret: String,
    /// Optional `projectId` query parameter; a project-scoped key does not need it.
    pub project_id: Option<String>,
    /// Who answers.
    pub backend: Backend,
}

// Hand-written so the secret never reaches a log line through `{:?}`.
impl std::fmt::Debug for ApiConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiConfig")
            .field("base_url", &self.base_url)
            .field("api_key", &"<hidden>")
            .field("api_secret", &"<hidden>")
            .field("project_id", &self.project_id)
            .field("backend", &self.backend)
            .finish()
    }
}

impl ApiConfig {
    /// A config with no project id.
    pub fn new(base_url: &str, api_key: &str, api_secret: &str) -> Self {
        ApiConfig {
            base_url: base_url.to_string(),
            api_key: api_key.to_string(),
            api_secret: api_secret.to_string(),
            project_id: None,
            backend: Backend::Http,
        }
    }

    /// `Basic base64("<API_KEY>:<API_SECRET>")`.
    pub fn authorization(&self) -> String {
        let pair = format!("{}:{}", self.api_key.trim(), self.api_secret.trim());
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }

    /// Whether both halves of the key are filled in.
    pub fn has_credentials(&self) -> bool {
        !self.api_key.trim().is_empty() && !self.api_secret.trim().is_empty()
    }

    /// The base without surrounding blanks or a trailing slash; an error when empty or when
    /// it carries a query or fragment (which would corrupt every path appended to it).
    pub fn normalized_base(&self) -> Result<&str, ApiError> {
        let base = self.base_url.trim().trim_end_matches('/');
        if base.is_empty() {
            return Err(ApiError::InvalidRequest {
                message: "the API base URL is empty".to_string(),
            });
        }
        if base.contains(['?', '#']) || base.chars().any(char::is_whitespace) {
            return Err(ApiError::InvalidRequest {
                message: format!("the API base URL \"{base}\" must not contain '?', '#' or spaces"),
            });
        }
        if let Some(warning) = insecure_base_warning(base) {
            return Err(ApiError::InvalidRequest { message: warning });
        }
        Ok(base)
    }

    /// Full URL for `path` (which starts with `/`) with its query pairs, values encoded.
    fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<String, ApiError> {
        let mut url = format!("{}{}", self.normalized_base()?, path);
        let project = self
            .project_id
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let pairs = query
            .iter()
            .copied()
            .chain(project.map(|p| ("projectId", p)));
        for (index, (name, value)) in pairs.enumerate() {
            url.push(if index == 0 { '?' } else { '&' });
            url.push_str(name);
            url.push('=');
            url.push_str(&encode_component(value));
        }
        Ok(url)
    }
}

/// HTTP method of an [`ApiRequest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// One request, ready to send.
#[derive(Clone, PartialEq)]
pub struct ApiRequest {
    /// Who answers it (the config's backend).
    pub backend: Backend,
    pub method: Method,
    pub url: String,
    /// The `Authorization` header value.
    pub authorization: String,
    /// JSON body; sent with `Content-Type: application/json`.
    pub body: Option<String>,
}

impl std::fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("authorization", &"<hidden>")
            .field("body", &self.body)
            .finish()
    }
}

fn get(config: &ApiConfig, path: &str, query: &[(&str, &str)]) -> Result<ApiRequest, ApiError> {
    Ok(ApiRequest {
        backend: config.backend,
        method: Method::Get,
        url: config.url(path, query)?,
        authorization: config.authorization(),
        body: None,
    })
}

fn post<B: Serialize>(
    config: &ApiConfig,
    path: &str,
    query: &[(&str, &str)],
    body: &B,
) -> Result<ApiRequest, ApiError> {
    let body = serde_json::to_string(body).map_err(|err| ApiError::InvalidRequest {
        message: err.to_string(),
    })?;
    Ok(ApiRequest {
        backend: config.backend,
        method: Method::Post,
        url: config.url(path, query)?,
        authorization: config.authorization(),
        body: Some(body),
    })
}

/// `POST /assets`.
pub fn upload_asset(config: &ApiConfig, body: &UploadAssetBody) -> Result<ApiRequest, ApiError> {
    post(config, "/assets", &[], body)
}

/// `POST /generate/custom/{modelId}` with that model's body (e.g. a [`GenerateBody`]).
pub fn generate<B: Serialize>(
    config: &ApiConfig,
    model_id: &str,
    body: &B,
) -> Result<ApiRequest, ApiError> {
    post(config, &generate_path(model_id), &[], body)
}

/// `POST /generate/custom/{modelId}?dryRun=true`: the cost, not a job.
pub fn estimate_cost<B: Serialize>(
    config: &ApiConfig,
    model_id: &str,
    body: &B,
) -> Result<ApiRequest, ApiError> {
    post(
        config,
        &generate_path(model_id),
        &[("dryRun", "true")],
        body,
    )
}

/// `GET /jobs/{jobId}`.
pub fn get_job(config: &ApiConfig, job_id: &str) -> Result<ApiRequest, ApiError> {
    get(config, &format!("/jobs/{}", encode_component(job_id)), &[])
}

/// `GET /jobs?pageSize=..&paginationToken=..`; the page size is clamped to 1..=200.
pub fn list_jobs(
    config: &ApiConfig,
    page_size: u16,
    pagination_token: Option<&str>,
) -> Result<ApiRequest, ApiError> {
    list(config, "/jobs", page_size, pagination_token)
}

/// `GET /assets?pageSize=..&paginationToken=..`, paged like the jobs.
pub fn list_assets(
    config: &ApiConfig,
    page_size: u16,
    pagination_token: Option<&str>,
) -> Result<ApiRequest, ApiError> {
    list(config, "/assets", page_size, pagination_token)
}

fn list(
    config: &ApiConfig,
    path: &str,
    page_size: u16,
    pagination_token: Option<&str>,
) -> Result<ApiRequest, ApiError> {
    let size = page_size.clamp(1, MAX_PAGE_SIZE).to_string();
    let mut query = vec![("pageSize", size.as_str())];
    if let Some(token) = pagination_token.filter(|t| !t.is_empty()) {
        query.push(("paginationToken", token));
    }
    get(config, path, &query)
}

/// `POST /jobs/{jobId}/action` with `{"action":"cancel"}`.
pub fn cancel_job(config: &ApiConfig, job_id: &str) -> Result<ApiRequest, ApiError> {
    let body = JobActionBody {
        action: "cancel".to_string(),
    };
    post(
        config,
        &format!("/jobs/{}/action", encode_component(job_id)),
        &[],
        &body,
    )
}

/// `GET /assets/{assetId}`.
pub fn get_asset(config: &ApiConfig, asset_id: &str) -> Result<ApiRequest, ApiError> {
    get(
        config,
        &format!("/assets/{}", encode_component(asset_id)),
        &[],
    )
}

/// `POST /assets/get-bulk`; at most [`MAX_BULK_ASSETS`] ids (callers chunk).
pub fn get_assets_bulk(config: &ApiConfig, asset_ids: &[String]) -> Result<ApiRequest, ApiError> {
    if asset_ids.len() > MAX_BULK_ASSETS {
        return Err(ApiError::InvalidRequest {
            message: format!("at most {MAX_BULK_ASSETS} asset ids per bulk request"),
        });
    }
    let body = BulkAssetsBody {
        asset_ids: asset_ids.to_vec(),
    };
    post(config, "/assets/get-bulk", &[], &body)
}

/// `GET /models/{modelId}`.
pub fn get_model(config: &ApiConfig, model_id: &str) -> Result<ApiRequest, ApiError> {
    get(
        config,
        &format!("/models/{}", encode_component(model_id)),
        &[],
    )
}

fn generate_path(model_id: &str) -> String {
    format!("/generate/custom/{}", encode_component(model_id))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Why a base URL must not be used: plain `http://` to a host other than this machine would
/// send the key in clear. `None` for `https://`, loopback and relative (same-origin) bases.
///
/// ```
/// use angleshot::api::request::insecure_base_warning;
/// assert!(insecure_base_warning("http://api.example.com/v1").is_some());
/// assert!(insecure_base_warning("http://127.0.0.1:9000/v1").is_none());
/// assert!(insecure_base_warning("https://api.cloud.scenario.com/v1").is_none());
/// assert!(insecure_base_warning("scenario-api").is_none());
/// ```
pub fn insecure_base_warning(base: &str) -> Option<String> {
    let base = base.trim();
    let rest = match base.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("http://") => &base[7..],
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    }
    .to_ascii_lowercase();
    let loopback = host == "localhost"
        || host.ends_with(".localhost")
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback());
    (!loopback).then(|| {
        format!(
            "plain-HTTP API base \"{base}\" refused: your key would travel unencrypted. Use https:// (plain http:// only works for this machine, e.g. a local proxy)."
        )
    })
}
