//! The API's endpoints: each route's handler (as `routes.rs` wires them) and the answer it
//! gives, validated as the contract says.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::{Value, json};

use crate::image_info;
use crate::store::{StoredAsset, StoredJob};
use crate::time::now_ms;
use crate::{MODEL_ID, Shared};

/// The API's upload limit.
pub const MAX_UPLOAD_BYTES: usize = 6 * 1024 * 1024;
/// What a generation costs in the mock.
const COST_CU: u32 = 5;

pub(crate) fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

pub(crate) fn error(status: StatusCode, reason: &str) -> Response {
    json_response(status, &json!({ "reason": reason }))
}

// The routes' handlers: axum extracts the path, query and body; the functions below answer.

pub(crate) async fn upload_asset_route(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    upload_asset(&shared, &body)
}

pub(crate) async fn get_asset_route(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Response {
    get_asset(&shared, &id)
}

pub(crate) async fn get_assets_bulk_route(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Response {
    get_assets_bulk(&shared, &body)
}

pub(crate) async fn generate_route(
    State(shared): State<Arc<Shared>>,
    Path(model): Path<String>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let dry_run = parse_query(query.as_deref().unwrap_or(""))
        .iter()
        .any(|(k, v)| k == "dryRun" && v == "true");
    generate(&shared, &model, &body, dry_run)
}

pub(crate) async fn list_jobs_route(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Response {
    list_jobs(&shared, &parse_query(query.as_deref().unwrap_or("")))
}

pub(crate) async fn get_job_route(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Response {
    get_job(&shared, &id)
}

pub(crate) async fn job_action_route(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    job_action(&shared, &id, &body)
}

pub(crate) async fn get_model_route(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Response {
    get_model(&shared, &id)
}

/// Any other path or method.
pub(crate) async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "Not found")
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
        // The "generated" image is the input's bytes: a real, decodable image of the same type
        // (or the PNG a test asked for).
        let chosen = store.knobs.result_png_base64.as_deref().and_then(|b64| {
            base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok()
        });
        let result = match chosen {
            Some(bytes) => {
                let info = image_info::sniff(&bytes);
                StoredAsset {
                    width: info.as_ref().and_then(|i| i.width),
                    height: info.as_ref().and_then(|i| i.height),
                    bytes: Arc::new(bytes),
                    mime_type: "image/png".to_string(),
                    ..input
                }
            }
            None => input,
        };
        store.assets.insert(
            result_id.clone(),
            StoredAsset {
                id: result_id.clone(),
                name: format!("{job_id}.{}", result.mime_type.trim_start_matches("image/")),
                created_ms: now,
                origin: "img2img",
                ..result
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
