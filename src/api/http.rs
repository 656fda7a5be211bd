//! The one place that puts a request on the wire (gloo-net, i.e. the browser's `fetch`).
//!
//! ```no_run
//! # async fn demo() {
//! use angleshot::api::{http, request::{self, ApiConfig}};
//! let config = ApiConfig::new("scenario-api", "key", "secret");
//! if let Ok(req) = request::get_model(&config, "model_qwen-edit-multiangle") {
//!     let _answer = http::send(req).await;
//! }
//! # }
//! ```

use gloo_net::http::{Request, RequestBuilder};

use super::error::ApiError;
use super::request::{ApiRequest, Backend, Method};
use super::response::RawResponse;

/// Sends `request` and reads the whole answer. A failure before a status arrives (CORS,
/// offline, a dropped connection) is [`ApiError::Network`]; any status is a [`RawResponse`].
pub async fn send(request: ApiRequest) -> Result<RawResponse, ApiError> {
    // Demo mode: the simulated backend answers, nothing reaches the network.
    if let Backend::Demo(answer) = request.backend {
        return Ok(answer(request).await);
    }
    let builder = match request.method {
        Method::Get => Request::get(&request.url),
        Method::Post => Request::post(&request.url),
    }
    .header("Authorization", &request.authorization);
    let prepared = match request.body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|err| network_error(&request.url, err))?;
    let response = prepared
        .send()
        .await
        .map_err(|err| network_error(&request.url, err))?;
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    // A connection cut mid-body also has no usable answer: treat it as the network's fault.
    let text = response
        .text()
        .await
        .map_err(|err| network_error(&request.url, err))?;
    Ok(RawResponse {
        status,
        retry_after,
        text,
    })
}

/// Downloads a CDN link into a `Blob` (bytes stay in the browser, no copy into wasm): no
/// `Authorization`, URL untouched. Returns the status too, since an expired link answers 403.
pub async fn fetch_public_blob(url: &str) -> Result<(u16, web_sys::Blob), ApiError> {
    let response = RequestBuilder::new(url)
        .send()
        .await
        .map_err(|err| network_error(url, err))?;
    let status = response.status();
    let raw: web_sys::Response = response.into();
    let promise = raw.blob().map_err(|err| ApiError::Network {
        message: format!("{err:?}"),
    })?;
    let blob = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|err| ApiError::Network {
            message: format!("{err:?}"),
        })?;
    use wasm_bindgen::JsCast as _;
    let blob = blob
        .dyn_into::<web_sys::Blob>()
        .map_err(|_| ApiError::Network {
            message: "the CDN answer is not a blob".to_string(),
        })?;
    Ok((status, blob))
}

/// Reads a small text file next to the page (e.g. `config.json`); `None` on any failure.
pub async fn fetch_text(url: &str) -> Option<String> {
    let response = RequestBuilder::new(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

/// What the browser said, after the address it tried (without its query: a CDN link's
/// signature stays out of the message).
fn network_error(url: &str, err: gloo_net::Error) -> ApiError {
    let tried = url.split('?').next().unwrap_or(url);
    ApiError::Network {
        message: format!("{}{tried}: {err}", super::error::TRIED),
    }
}
