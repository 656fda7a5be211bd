//! The API's endpoints: each route's handler (as `routes.rs` wires them) and the answer it
//! gives, validated as the contract says.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::{Value, json};

use crate::Shared;
use crate::image_info;
use crate::models::MockModel;
use crate::store::{StoredAsset, StoredJob};
use crate::time::now_ms;

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

pub(crate) async fn list_assets_route(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Response {
    list_assets(&shared, &parse_query(query.as_deref().unwrap_or("")))
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
fn generate(shared: &Shared, model: &str, body: &[u8], dry_run: bool) -> Response {
    let Some(model) = MockModel::from_id(model) else {
        return error(StatusCode::NOT_FOUND, &format!("Model {model} not found"));
    };
    let map = match parse_json(body) {
        Ok(map) => map,
        Err(response) => return response,
    };
    let now = now_ms();
    shared.with(|store| {
        let input_id = match model.validate(|id| store.assets.contains_key(id), &map) {
            Ok(input_id) => input_id,
            Err(reason) => return error(StatusCode::BAD_REQUEST, &reason),
        };
        if dry_run {
            let status = StatusCode::from_u16(269).unwrap_or(StatusCode::OK);
            return json_response(status, &json!({ "creativeUnitsCost": COST_CU, "creativeUnitsDiscount": 0 }));
        }
        let Some(input) = store.assets.get(&input_id).cloned() else {
            return error(StatusCode::BAD_REQUEST, &format!("Asset {input_id} not found"));
        };
        let failure = (store.knobs.fail_next_jobs > 0).then(|| {
            store.knobs.fail_next_jobs -= 1;
            (store.knobs.failure_error.clone(), store.knobs.failure_hint.clone())
        });
        let job_id = store.new_id("job");
        let takes = model
            .outputs(&map)
            .min(store.knobs.max_outputs.unwrap_or(usize::MAX));
        // The "generated" image is the input's bytes: a real, decodable image of the same type
        // (or the PNG a test asked for).
        let in_turn = (!store.knobs.result_png_sequence.is_empty()).then(|| {
            let sequence = &store.knobs.result_png_sequence;
            sequence[store.jobs.len() % sequence.len()].clone()
        });
        let chosen = in_turn.or_else(|| store.knobs.result_png_base64.clone());
        let chosen = chosen.as_deref().and_then(|b64| {
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
        // One asset per take (`numOutputs`).
        let result_ids: Vec<String> = (0..takes).map(|_| store.new_id("asset")).collect();
        for (take, result_id) in result_ids.iter().enumerate() {
            let suffix = if takes > 1 { format!("_{}", take + 1) } else { String::new() };
            store.assets.insert(
                result_id.clone(),
                StoredAsset {
                    id: result_id.clone(),
                    name: format!("{job_id}{suffix}.{}", result.mime_type.trim_start_matches("image/")),
                    created_ms: now,
                    origin: "img2img",
                    ..result.clone()
                },
            );
        }
        let job = StoredJob {
            id: job_id,
            model_id: model.id().to_string(),
            created_ms: now,
            duration_ms: store.knobs.job_duration_ms,
            input: Value::Object(map),
            result_asset_ids: result_ids,
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

/// `pageSize` (1..=200, 50 when absent) and the offset a `paginationToken` stands for.
fn page_of(query: &[(String, String)]) -> Result<(usize, usize), Response> {
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
            return Err(error(
                StatusCode::BAD_REQUEST,
                "pageSize must be between 1 and 200",
            ));
        }
    };
    let offset = match value("paginationToken").map(str::parse::<usize>) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => return Err(error(StatusCode::BAD_REQUEST, "Invalid paginationToken")),
    };
    Ok((page_size, offset))
}

/// One page of `items` under `key`, with `nextPaginationToken` when more follow.
fn paged(key: &str, items: Vec<Value>, page_size: usize, offset: usize) -> Response {
    let total = items.len();
    let page: Vec<Value> = items.into_iter().skip(offset).take(page_size).collect();
    let mut body = json!({ key: page });
    if offset + page_size < total {
        body["nextPaginationToken"] = json!((offset + page_size).to_string());
    }
    json_response(StatusCode::OK, &body)
}

fn list_jobs(shared: &Shared, query: &[(String, String)]) -> Response {
    let (page_size, offset) = match page_of(query) {
        Ok(page) => page,
        Err(response) => return response,
    };
    let now = now_ms();
    shared.with(|store| {
        let jobs = store
            .jobs_newest_first()
            .into_iter()
            .map(|job| job.to_json(now))
            .collect();
        paged("jobs", jobs, page_size, offset)
    })
}

fn list_assets(shared: &Shared, query: &[(String, String)]) -> Response {
    let (page_size, offset) = match page_of(query) {
        Ok(page) => page,
        Err(response) => return response,
    };
    let now = now_ms();
    shared.with(|store| {
        let assets = store
            .assets_newest_first()
            .into_iter()
            .map(|asset| store.asset_json(asset, &shared.cdn_base, now))
            .collect();
        paged("assets", assets, page_size, offset)
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
    let Some(found) = MockModel::from_id(id) else {
        return error(StatusCode::NOT_FOUND, &format!("Model {id} not found"));
    };
    let mut model = found.description();
    if let Some(inputs) = shared.with(|s| s.knobs.model_inputs.clone()) {
        model["inputs"] = inputs;
    }
    json_response(StatusCode::OK, &json!({ "model": model }))
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
