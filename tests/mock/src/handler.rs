//! The API and CDN request handlers: routing, auth, validation, faults, recording.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::{Value, json};

use crate::image_info;
use crate::knobs::{FaultKind, Knobs};
use crate::store::{RecordedRequest, StoredAsset, StoredJob};
use crate::time::now_ms;
use crate::{MODEL_ID, Shared};

/// Largest request body read (a 6 MB image is ~8 MB in base64).
const BODY_LIMIT: usize = 64 * 1024 * 1024;
/// The API's upload limit.
pub const MAX_UPLOAD_BYTES: usize = 6 * 1024 * 1024;
/// What a generation costs in the mock.
const COST_CU: u32 = 5;

struct Incoming {
    method: String,
    path: String,
    query: String,
    headers: HeaderMap,
    body: Bytes,
    record: usize,
}

async fn read(shared: &Shared, server: &'static str, request: Request) -> Incoming {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or("").to_string();
    let record = shared.with(|store| {
        let seq = store.records.len() as u64;
        store.records.push(RecordedRequest {
            seq,
            at_ms: now_ms().saturating_sub(store.started_ms),
            server,
            method: method.clone(),
            path: path.clone(),
            query: query.clone(),
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
        seq as usize
    });
    Incoming {
        method,
        path,
        query,
        headers: parts.headers,
        body,
        record,
    }
}

/// Marks a response whose connection is cut on purpose (recorded with status 0).
#[derive(Clone, Copy)]
struct Dropped;

fn finish(shared: &Shared, incoming: &Incoming, response: Response) -> Response {
    let status = if response.extensions().get::<Dropped>().is_some() {
        0
    } else {
        response.status().as_u16()
    };
    shared.with(|store| {
        if let Some(record) = store.records.get_mut(incoming.record) {
            record.status = status;
        }
    });
    response
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn error(status: StatusCode, reason: &str) -> Response {
    json_response(status, &json!({ "reason": reason }))
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

fn add_cors(headers: &mut HeaderMap) {
    headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    headers.insert(
        "access-control-allow-headers",
        HeaderValue::from_static("Authorization, Content-Type"),
    );
    headers.insert(
        "access-control-allow-methods",
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        "access-control-expose-headers",
        HeaderValue::from_static("Retry-After"),
    );
    headers.insert("access-control-max-age", HeaderValue::from_static("600"));
}

/// Everything under the API port: `/v1/...` and the `/__control/...` endpoints.
pub async fn api(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if request.uri().path().starts_with("/__control/") {
        return control(&shared, request).await;
    }
    let incoming = read(&shared, "api", request).await;
    let knobs = shared.with(|store| store.knobs.clone());
    let mut response = answer(&shared, &incoming, &knobs).await;
    if knobs.cors {
        add_cors(response.headers_mut());
    }
    finish(&shared, &incoming, response)
}

async fn answer(shared: &Shared, incoming: &Incoming, knobs: &Knobs) -> Response {
    if incoming.method == "OPTIONS" {
        return if knobs.cors {
            StatusCode::NO_CONTENT.into_response()
        } else {
            StatusCode::METHOD_NOT_ALLOWED.into_response()
        };
    }
    let (fault, extra_latency) = pick_fault(shared, incoming);
    let latency = knobs.latency_ms + extra_latency;
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
        Some(FaultKind::RateLimit {
            retry_after_secs,
            remaining_seconds,
        }) => {
            let mut body = json!({ "reason": "Too many requests" });
            if let Some(secs) = remaining_seconds {
                body["remainingSeconds"] = json!(secs);
            }
            let mut response = json_response(StatusCode::TOO_MANY_REQUESTS, &body);
            if let Some(secs) = retry_after_secs {
                if let Ok(value) = HeaderValue::from_str(&secs.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
            }
            return response;
        }
        Some(FaultKind::DropBefore) => return dropped(false),
        _ => {}
    }
    if knobs.error_rate_5xx > 0.0 && shared.with(|s| s.random()) < knobs.error_rate_5xx {
        return json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({ "reason": "Service temporarily unavailable", "error": "Service Unavailable" }),
        );
    }
    if !authorized(shared, &incoming.headers) {
        return json_response(
            StatusCode::UNAUTHORIZED,
            &json!({ "reason": "Unauthorized", "message": "Invalid API key or secret" }),
        );
    }
    let response = route(shared, incoming);
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
fn pick_fault(shared: &Shared, incoming: &Incoming) -> (Option<FaultKind>, u64) {
    shared.with(|store| {
        let mut latency = 0;
        let mut chosen = None;
        for index in 0..store.knobs.faults.len() {
            let fault = store.knobs.faults[index].clone();
            if !fault.matches(&incoming.method, &incoming.path) {
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

fn route(shared: &Shared, incoming: &Incoming) -> Response {
    let Some(rest) = incoming.path.strip_prefix("/v1/") else {
        return error(StatusCode::NOT_FOUND, "Not found");
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let query = parse_query(&incoming.query);
    match (incoming.method.as_str(), segments.as_slice()) {
        ("POST", ["assets"]) => upload_asset(shared, &incoming.body),
        ("POST", ["assets", "get-bulk"]) => get_assets_bulk(shared, &incoming.body),
        ("GET", ["assets", id]) => get_asset(shared, id),
        ("POST", ["generate", "custom", model]) => {
            let dry_run = query.iter().any(|(k, v)| k == "dryRun" && v == "true");
            generate(shared, model, &incoming.body, dry_run)
        }
        ("GET", ["jobs"]) => list_jobs(shared, &query),
        ("GET", ["jobs", id]) => get_job(shared, id),
        ("POST", ["jobs", id, "action"]) => job_action(shared, id, &incoming.body),
        ("GET", ["models", id]) => get_model(shared, id),
        _ => error(StatusCode::NOT_FOUND, "Not found"),
    }
}

fn parse_json(body: &[u8]) -> Result<serde_json::Map<String, Value>, Response> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(error(StatusCode::BAD_REQUEST, "Body must be a JSON object")),
    }
}

fn upload_asset(shared: &Shared, body: &[u8]) -> Response {
    let map = match parse_json(body) {
        Ok(map) => map,
        Err(response) => return response,
    };
    let Some(image) = map.get("image").and_then(Value::as_str) else {
        return error(StatusCode::BAD_REQUEST, "image is required");
    };
    let Some(name) = map
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
    else {
        return error(StatusCode::BAD_REQUEST, "name is required");
    };
    let encoded = match image.split_once(";base64,") {
        Some((prefix, data)) if prefix.starts_with("data:") => data,
        _ => image,
    };
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
        return error(
            StatusCode::BAD_REQUEST,
            "image must be base64 or a base64 data URL",
        );
    };
    if bytes.is_empty() {
        return error(StatusCode::BAD_REQUEST, "image is empty");
    }
    if bytes.len() >= MAX_UPLOAD_BYTES {
        return error(
            StatusCode::BAD_REQUEST,
            "image must be under 6 MB; use the /uploads flow",
        );
    }
    let Some(info) = image_info::sniff(&bytes) else {
        return error(StatusCode::BAD_REQUEST, "Unsupported image format");
    };
    let now = now_ms();
    shared.with(|store| {
        let id = store.new_id("asset");
        let asset = StoredAsset {
            id: id.clone(),
            name: name.to_string(),
            bytes: Arc::new(bytes),
            mime_type: info.mime_type.to_string(),
            width: info.width,
            height: info.height,
            created_ms: now,
            origin: "uploaded",
        };
        let body = json!({ "asset": store.asset_json(&asset, &shared.cdn_base, now) });
        store.assets.insert(id, asset);
        json_response(StatusCode::OK, &body)
    })
}

fn get_asset(shared: &Shared, id: &str) -> Response {
    let now = now_ms();
    shared.with(|store| match store.assets.get(id) {
        Some(asset) => json_response(
            StatusCode::OK,
            &json!({ "asset": store.asset_json(asset, &shared.cdn_base, now) }),
        ),
        None => error(StatusCode::NOT_FOUND, &format!("Asset {id} not found")),
    })
}

fn get_assets_bulk(shared: &Shared, body: &[u8]) -> Response {
    let map = match parse_json(body) {
        Ok(map) => map,
        Err(response) => return response,
    };
    let Some(ids) = map.get("assetIds").and_then(Value::as_array) else {
        return error(StatusCode::BAD_REQUEST, "assetIds is required");
    };
    if ids.len() > 200 {
        return error(StatusCode::BAD_REQUEST, "assetIds accepts at most 200 ids");
    }
    let now = now_ms();
    shared.with(|store| {
        let assets: Vec<Value> = ids
            .iter()
            .filter_map(Value::as_str)
            .filter_map(|id| store.assets.get(id))
            .map(|asset| store.asset_json(asset, &shared.cdn_base, now))
            .collect();
        json_response(StatusCode::OK, &json!({ "assets": assets }))
    })
}

/// Checks one optional number field against its range; `Ok(())` when absent.
fn check_number(
    map: &serde_json::Map<String, Value>,
    name: &str,
    min: f64,
    max: f64,
) -> Result<(), String> {
    match map.get(name) {
        None => Ok(()),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(v) if (min..=max).contains(&v) => Ok(()),
            _ => Err(format!("{name} must be between {min} and {max}")),
        },
        Some(_) => Err(format!("{name} must be a number")),
    }
}

fn validate_generate(
    store_has_asset: impl Fn(&str) -> bool,
    map: &serde_json::Map<String, Value>,
) -> Result<(), String> {
    let image = match map.get("image") {
        None | Some(Value::Null) => return Err("image is required".to_string()),
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(_) => return Err("image must be an asset id".to_string()),
    };
    if !store_has_asset(image) {
        return Err(format!("Asset {image} not found"));
    }
    check_number(map, "rotateDegrees", -90.0, 90.0)?;
    check_number(map, "moveForward", 0.0, 10.0)?;
    check_number(map, "verticalTilt", -1.0, 1.0)?;
    check_number(map, "loraScale", 0.0, 4.0)?;
    for flag in ["useWideAngle", "goFast"] {
        if map.get(flag).is_some_and(|v| !v.is_boolean()) {
            return Err(format!("{flag} must be a boolean"));
        }
    }
    if map.get("prompt").is_some_and(|v| !v.is_string()) {
        return Err("prompt must be a string".to_string());
    }
    if let Some(ratio) = map.get("aspectRatio") {
        let allowed = ["match_input_image", "16:9", "4:3", "1:1", "3:4", "9:16"];
        if !ratio.as_str().is_some_and(|r| allowed.contains(&r)) {
            return Err(format!("aspectRatio must be one of {}", allowed.join(", ")));
        }
    }
    Ok(())
}

fn generate(shared: &Shared, model: &str, body: &[u8], dry_run: bool) -> Response {
    if model != MODEL_ID {
        return error(StatusCode::NOT_FOUND, &format!("Model {model} not found"));
    }
    let map = match parse_json(body) {
        Ok(map) => map,
        Err(response) => return response,
    };
    let now = now_ms();
    shared.with(|store| {
        if let Err(reason) = validate_generate(|id| store.assets.contains_key(id), &map) {
            return error(StatusCode::BAD_REQUEST, &reason);
        }
        if dry_run {
            let status = StatusCode::from_u16(269).unwrap_or(StatusCode::OK);
            return json_response(status, &json!({ "creativeUnitsCost": COST_CU, "creativeUnitsDiscount": 0 }));
        }
        let input_id = map.get("image").and_then(Value::as_str).unwrap_or_default().to_string();
        let Some(input) = store.assets.get(&input_id).cloned() else {
            return error(StatusCode::BAD_REQUEST, &format!("Asset {input_id} not found"));
        };
        let failure = (store.knobs.fail_next_jobs > 0).then(|| {
            store.knobs.fail_next_jobs -= 1;
            (store.knobs.failure_error.clone(), store.knobs.failure_hint.clone())
        });
        let job_id = store.new_id("job");
        let result_id = store.new_id("asset");
        // The "generated" image is the input's bytes: a real, decodable image of the same type.
        store.assets.insert(
            result_id.clone(),
            StoredAsset {
                id: result_id.clone(),
                name: format!("{job_id}.{}", input.mime_type.trim_start_matches("image/")),
                created_ms: now,
                origin: "img2img",
                ..input
            },
        );
        let job = StoredJob {
            id: job_id,
            created_ms: now,
            duration_ms: store.knobs.job_duration_ms,
            input: Value::Object(map),
            result_asset_id: result_id,
            failure,
            unknown_status: store.knobs.unknown_status.clone(),
            canceled_ms: None,
        };
        let body = json!({ "job": job.to_json(now), "creativeUnitsCost": COST_CU, "creativeUnitsDiscount": 0 });
        store.jobs.push(job);
        json_response(StatusCode::OK, &body)
    })
}

fn get_job(shared: &Shared, id: &str) -> Response {
    let now = now_ms();
    shared.with(|store| match store.job_index(id) {
        Some(index) => json_response(
            StatusCode::OK,
            &json!({ "job": store.jobs[index].to_json(now) }),
        ),
        None => error(StatusCode::NOT_FOUND, &format!("Job {id} not found")),
    })
}

fn list_jobs(shared: &Shared, query: &[(String, String)]) -> Response {
    let value = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let page_size = match value("pageSize").map(str::parse::<usize>) {
        None => 50,
        Some(Ok(n)) if (1..=200).contains(&n) => n,
        Some(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "pageSize must be between 1 and 200",
            );
        }
    };
    let offset = match value("paginationToken").map(str::parse::<usize>) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => return error(StatusCode::BAD_REQUEST, "Invalid paginationToken"),
    };
    let now = now_ms();
    shared.with(|store| {
        let jobs: Vec<Value> = store
            .jobs
            .iter()
            .rev()
            .skip(offset)
            .take(page_size)
            .map(|job| job.to_json(now))
            .collect();
        let mut body = json!({ "jobs": jobs });
        if offset + page_size < store.jobs.len() {
            body["nextPaginationToken"] = json!((offset + page_size).to_string());
        }
        json_response(StatusCode::OK, &body)
    })
}

fn job_action(shared: &Shared, id: &str, body: &[u8]) -> Response {
    let map = match parse_json(body) {
        Ok(map) => map,
        Err(response) => return response,
    };
    if map.get("action").and_then(Value::as_str) != Some("cancel") {
        return error(StatusCode::BAD_REQUEST, "action must be \"cancel\"");
    }
    let now = now_ms();
    shared.with(|store| {
        let Some(index) = store.job_index(id) else {
            return error(StatusCode::NOT_FOUND, &format!("Job {id} not found"));
        };
        if !store.knobs.cancel_allowed {
            return error(
                StatusCode::BAD_REQUEST,
                "Cannot cancel this type of job. Action not permitted.",
            );
        }
        let job = &mut store.jobs[index];
        if !job.is_final(now) {
            job.canceled_ms = Some(now);
        }
        json_response(StatusCode::OK, &json!({ "job": job.to_json(now) }))
    })
}

fn get_model(shared: &Shared, id: &str) -> Response {
    if id != MODEL_ID {
        return error(StatusCode::NOT_FOUND, &format!("Model {id} not found"));
    }
    let mut model = model_description();
    if let Some(inputs) = shared.with(|s| s.knobs.model_inputs.clone()) {
        model["inputs"] = inputs;
    }
    json_response(StatusCode::OK, &json!({ "model": model }))
}

/// The model as the mock describes it: the contract's parameter table as `inputs`.
pub fn model_description() -> Value {
    json!({
        "id": MODEL_ID,
        "name": "Qwen Edit Multi-Angle",
        "type": "custom",
        // The rest of what the official SDK's `Model` requires, as Scenario describes a
        // public model of its own.
        "capabilities": ["img2img"],
        "collectionIds": [],
        "createdAt": "2025-11-04T10:00:00.000Z",
        "updatedAt": "2025-11-04T10:00:00.000Z",
        "custom": false,
        "exampleAssetIds": [],
        "privacy": "public",
        "source": "scenario",
        "status": "trained",
        "tags": [],
        "trainingImagesNumber": 0,
        "inputs": [
            { "name": "image", "type": "file", "kind": "image", "label": "Image", "description": "Input image to edit", "required": { "always": true } },
            { "name": "prompt", "type": "string", "label": "Prompt", "default": "", "description": "Optional text instruction appended after the camera directive." },
            { "name": "rotateDegrees", "type": "number", "label": "Rotate", "min": -90, "max": 90, "step": 1, "default": 0, "description": "Camera orbit angle in degrees. Positive values move the camera to the left, while negative values move it to the right." },
            { "name": "moveForward", "type": "number", "label": "Move forward", "min": 0, "max": 10, "step": 1, "default": 0, "description": "Move the camera forward (zoom in). Higher values push towards a close-up." },
            { "name": "verticalTilt", "type": "number", "label": "Vertical tilt", "min": -1, "max": 1, "step": 1, "default": 0, "description": "Vertical camera tilt. -1 = top-down, 1 = low-angle view." },
            { "name": "useWideAngle", "type": "boolean", "label": "Wide-angle lens", "default": false },
            { "name": "aspectRatio", "type": "string", "label": "Aspect ratio", "default": "match_input_image", "allowedValues": ["match_input_image", "16:9", "4:3", "1:1", "3:4", "9:16"] },
            { "name": "loraScale", "type": "number", "label": "LoRA scale", "min": 0, "max": 4, "step": 0.05, "default": 1.25 },
            { "name": "goFast", "type": "boolean", "label": "Go fast", "default": false }
        ]
    })
}

/// `GET /assets/{id}?expires=..&sig=..` on the CDN port.
pub async fn cdn(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let incoming = read(&shared, "cdn", request).await;
    let mut response = cdn_answer(&shared, &incoming);
    response
        .headers_mut()
        .insert("access-control-allow-origin", HeaderValue::from_static("*"));
    finish(&shared, &incoming, response)
}

fn cdn_answer(shared: &Shared, incoming: &Incoming) -> Response {
    if incoming.method == "OPTIONS" {
        // A preflight only happens if the app sends a non-simple header (Authorization): refuse.
        return StatusCode::FORBIDDEN.into_response();
    }
    if incoming.headers.contains_key(header::AUTHORIZATION) {
        return error(
            StatusCode::FORBIDDEN,
            "Authorization header is not allowed on signed URLs",
        );
    }
    let Some(id) = incoming.path.strip_prefix("/assets/") else {
        return error(StatusCode::NOT_FOUND, "Not found");
    };
    let query = parse_query(&incoming.query);
    let value = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let expires = value("expires").and_then(|e| e.parse::<u64>().ok());
    let now = now_ms();
    shared.with(|store| {
        let (Some(expires), Some(sig)) = (expires, value("sig")) else {
            return error(StatusCode::FORBIDDEN, "Missing signature");
        };
        if store.sign(id, expires) != sig {
            return error(StatusCode::FORBIDDEN, "Signature does not match");
        }
        if now > expires {
            return error(StatusCode::FORBIDDEN, "Request has expired");
        }
        if store.knobs.cdn_expire_next > 0 {
            store.knobs.cdn_expire_next -= 1;
            return error(StatusCode::FORBIDDEN, "Request has expired");
        }
        match store.assets.get(id) {
            Some(asset) => (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, asset.mime_type.clone()),
                    (header::CACHE_CONTROL, "private, max-age=86400".to_string()),
                ],
                asset.bytes.as_ref().clone(),
            )
                .into_response(),
            None => error(StatusCode::NOT_FOUND, "Not found"),
        }
    })
}

async fn control(shared: &Shared, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let now = now_ms();
    match (parts.method.as_str(), parts.uri.path()) {
        ("GET", "/__control/knobs") => {
            json_response(StatusCode::OK, &shared.with(|s| json!(s.knobs)))
        }
        ("POST", "/__control/knobs") => {
            let Ok(Value::Object(patch)) = serde_json::from_slice::<Value>(&body) else {
                return error(StatusCode::BAD_REQUEST, "knobs must be a JSON object");
            };
            shared.with(|store| {
                let mut merged = json!(store.knobs);
                for (key, value) in patch {
                    merged[key] = value;
                }
                match serde_json::from_value::<Knobs>(merged) {
                    Ok(knobs) => {
                        store.knobs = knobs;
                        store.reseed();
                        json_response(StatusCode::OK, &json!(store.knobs))
                    }
                    Err(err) => error(StatusCode::BAD_REQUEST, &err.to_string()),
                }
            })
        }
        ("POST", "/__control/reset-knobs") => shared.with(|store| {
            store.knobs = Knobs::default();
            store.reseed();
            json_response(StatusCode::OK, &json!(store.knobs))
        }),
        ("GET", "/__control/requests") => json_response(
            StatusCode::OK,
            &shared.with(|s| json!({ "requests": s.records })),
        ),
        ("POST", "/__control/clear-requests") => {
            shared.with(|s| s.records.clear());
            json_response(StatusCode::OK, &json!({ "cleared": true }))
        }
        ("GET", "/__control/jobs") => json_response(
            StatusCode::OK,
            &shared.with(
                |s| json!({ "jobs": s.jobs.iter().map(|j| j.to_json(now)).collect::<Vec<_>>() }),
            ),
        ),
        _ => error(StatusCode::NOT_FOUND, "Unknown control endpoint"),
    }
}

/// Splits and percent-decodes a query string (`application/x-www-form-urlencoded`).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse_query;

    #[test]
    fn query_strings_decode_as_browsers_encode_them() {
        let pairs = parse_query("a=1&token=x%2By%3D&name=p+q%20r&flag&&empty=");
        let expected = [
            ("a", "1"),
            ("token", "x+y="),
            ("name", "p q r"),
            ("flag", ""),
            ("empty", ""),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(pairs, expected);
    }
}
