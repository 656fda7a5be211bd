//! The two servers as axum `Router`s. The API: the contract's routes, wrapped (outermost
//! first) by request recording, the runtime "CORS off" knob, tower-http's CORS layer, and the
//! fault knobs with the key check; `/__control/...` beside them, untouched by all of that.
//! The CDN: signed asset URLs, recorded, readable from any origin.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use serde_json::json;
use tower_http::cors::{Any, CorsLayer};

use crate::Shared;
use crate::handler::{self, json_response};
use crate::knobs::FaultKind;
use crate::store::RecordedRequest;
use crate::time::now_ms;

/// Largest request body read (a 6 MB image is ~8 MB in base64).
const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The API server.
pub fn api(shared: Arc<Shared>) -> Router {
    let routes = Router::new()
        .route(
            "/v1/assets",
            get(handler::list_assets_route).post(handler::upload_asset_route),
        )
        .route("/v1/assets/get-bulk", post(handler::get_assets_bulk_route))
        .route("/v1/assets/{id}", get(handler::get_asset_route))
        .route("/v1/generate/custom/{model}", post(handler::generate_route))
        .route("/v1/jobs", get(handler::list_jobs_route))
        .route("/v1/jobs/{id}", get(handler::get_job_route))
        .route("/v1/jobs/{id}/action", post(handler::job_action_route))
        .route("/v1/models/{id}", get(handler::get_model_route))
        .method_not_allowed_fallback(handler::not_found)
        .fallback(handler::not_found)
        // An image the API refuses for size must reach the handler to be refused in words.
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(shared.clone(), faults))
        .layer(cors())
        .layer(middleware::from_fn_with_state(shared.clone(), cors_knob))
        .layer(middleware::from_fn_with_state(shared.clone(), record_api));
    crate::control::router().merge(routes).with_state(shared)
}

/// The CDN server.
pub fn cdn(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/assets/{id}",
            get(crate::cdn::asset).options(crate::cdn::preflight),
        )
        .fallback(crate::cdn::not_found)
        .layer(middleware::map_response(|mut response: Response| async {
            response
                .headers_mut()
                .insert("access-control-allow-origin", HeaderValue::from_static("*"));
            response
        }))
        .layer(middleware::from_fn_with_state(shared.clone(), record_cdn))
        .with_state(shared)
}

/// What a browser may send and read: the key in `Authorization`, JSON, and `Retry-After`.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// With the `cors` knob off the API behaves as a server without CORS: a preflight is
/// refused and no `access-control-*` header reaches the browser.
async fn cors_knob(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    if shared.with(|store| store.knobs.cors) {
        return next.run(request).await;
    }
    if request.method() == Method::OPTIONS {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let mut response = next.run(request).await;
    let cors_headers: Vec<HeaderName> = response
        .headers()
        .keys()
        .filter(|name| name.as_str().starts_with("access-control-"))
        .cloned()
        .collect();
    for name in cors_headers {
        response.headers_mut().remove(name);
    }
    response
}

/// Marks a response whose connection is cut on purpose (recorded with status 0).
#[derive(Clone, Copy)]
struct Dropped;

async fn record_api(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    record(&shared, "api", request, next).await
}

async fn record_cdn(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    record(&shared, "cdn", request, next).await
}

/// Records the request (with its body, put back for the handler) and then the status it got.
async fn record(shared: &Shared, server: &'static str, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let seq = shared.with(|store| {
        let seq = store.records.len();
        store.records.push(RecordedRequest {
            seq: seq as u64,
            at_ms: now_ms().saturating_sub(store.started_ms),
            server,
            method: parts.method.as_str().to_string(),
            path: parts.uri.path().to_string(),
            query: parts.uri.query().unwrap_or("").to_string(),
            headers: parts
                .headers
                .iter()
                .map(|(n, v)| {
                    (
                        n.as_str().to_string(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body: RecordedRequest::body_text(&body),
            body_len: body.len(),
            status: 0,
        });
        seq
    });
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let status = if response.extensions().get::<Dropped>().is_some() {
        0
    } else {
        response.status().as_u16()
    };
    shared.with(|store| {
        if let Some(record) = store.records.get_mut(seq) {
            record.status = status;
        }
    });
    response
}

/// The fault knobs (status faults, 429s, latency, dropped connections, 5xx, garbled JSON)
/// and the key check, around every API route.
async fn faults(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let (fault, extra_latency) =
        pick_fault(&shared, request.method().as_str(), request.uri().path());
    let (latency, error_rate) = shared.with(|s| (s.knobs.latency_ms, s.knobs.error_rate_5xx));
    let latency = latency + extra_latency;
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    match &fault {
        Some(FaultKind::Status { status, body }) => {
            let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (
                status,
                [(header::CONTENT_TYPE, "application/json")],
                body.clone(),
            )
                .into_response();
        }
        Some(FaultKind::ActionLimit { limit }) => {
            let body = json!({
                "reason": format!("Too many parallel custom jobs: at most {limit} at once"),
                "details": { "actionLimit": limit, "action": "custom-jobs-in-parallel" },
            });
            return json_response(StatusCode::TOO_MANY_REQUESTS, &body);
        }
        Some(FaultKind::RateLimit {
            retry_after_secs,
            remaining_seconds,
        }) => {
            let mut body = json!({ "reason": "Too many requests" });
            if let Some(secs) = remaining_seconds {
                body["remainingSeconds"] = json!(secs);
            }
            let mut response = json_response(StatusCode::TOO_MANY_REQUESTS, &body);
            if let Some(secs) = retry_after_secs
                && let Ok(value) = HeaderValue::from_str(&secs.to_string())
            {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            return response;
        }
        Some(FaultKind::DropBefore) => return dropped(false),
        _ => {}
    }
    if error_rate > 0.0 && shared.with(|s| s.random()) < error_rate {
        return json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({ "reason": "Service temporarily unavailable", "error": "Service Unavailable" }),
        );
    }
    if !authorized(&shared, request.headers()) {
        return json_response(
            StatusCode::UNAUTHORIZED,
            &json!({ "reason": "Unauthorized", "message": "Invalid API key or secret" }),
        );
    }
    let response = next.run(request).await;
    match fault {
        Some(FaultKind::DropAfter) => dropped(true),
        Some(FaultKind::Malformed) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"job\": {\"jobId\": \"job_trunc",
        )
            .into_response(),
        _ => response,
    }
}

/// The first matching non-latency fault (spending one of its uses) and the summed latency of
/// matching latency faults.
fn pick_fault(shared: &Shared, method: &str, path: &str) -> (Option<FaultKind>, u64) {
    shared.with(|store| {
        let mut latency = 0;
        let mut chosen = None;
        for index in 0..store.knobs.faults.len() {
            let fault = store.knobs.faults[index].clone();
            if !fault.matches(method, path) {
                continue;
            }
            if let FaultKind::Latency { ms } = fault.kind {
                latency += ms;
                continue;
            }
            if chosen.is_some() || (fault.probability < 1.0 && store.random() >= fault.probability)
            {
                continue;
            }
            if let Some(left) = store.knobs.faults[index].remaining.as_mut() {
                *left -= 1;
            }
            chosen = Some(fault.kind);
        }
        (chosen, latency)
    })
}

fn authorized(shared: &Shared, headers: &HeaderMap) -> bool {
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", shared.api_key, shared.api_secret))
    );
    headers
        .get(header::AUTHORIZATION)
        .is_some_and(|v| v.as_bytes() == expected.as_bytes())
}

/// A response whose connection is cut: before anything is sent, or (`after_headers`) after
/// the status and the first bytes of the body. Browsers silently resend a request whose
/// reused connection closed before any answer, so "the answer was lost" must start one.
fn dropped(after_headers: bool) -> Response {
    use futures_util::StreamExt as _;
    let first: Vec<Result<Bytes, std::io::Error>> = if after_headers {
        vec![Ok(Bytes::from_static(b"{\"job\":"))]
    } else {
        Vec::new()
    };
    let cut = futures_util::stream::once(async move {
        if after_headers {
            // Give the server time to flush the status and the first bytes before the cut.
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err::<Bytes, std::io::Error>(std::io::Error::other("connection dropped by the mock"))
    });
    let stream = futures_util::stream::iter(first).chain(cut);
    let mut response = Response::new(Body::from_stream(stream));
    response.extensions_mut().insert(Dropped);
    response
}
