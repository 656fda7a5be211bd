//! `POST /__control/elsewhere`: jobs and assets made outside this browser (another device,
//! Scenario's web app), back-dated so they list behind nothing the test makes later.
//!
//! Body: `{ "image": "<base64 PNG>", "assets": ["crate.png", ...], "jobs": [{ "modelId",
//! "input": {...}, "ageSecs"?, "running"? }] }`. A multi-angle job's input without an image
//! gets the first asset's id. Answers `{ "assets": [ids], "jobs": [ids], "results": [[ids]] }`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine as _;
use serde_json::{Map, Value, json};

use crate::Shared;
use crate::handler::{error, json_response};
use crate::image_info;
use crate::models::MockModel;
use crate::store::{Store, StoredAsset, StoredJob};
use crate::time::now_ms;

/// How long ago the assets were uploaded.
const ASSET_AGE_MS: u64 = 3_600_000;

pub(crate) async fn seed_elsewhere(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
        return error(StatusCode::BAD_REQUEST, "body must be a JSON object");
    };
    match shared.with(|store| seed(store, &body)) {
        Ok(made) => json_response(StatusCode::OK, &made),
        Err(reason) => error(StatusCode::BAD_REQUEST, reason),
    }
}

/// Makes what `body` describes (see the module docs) and answers the new ids.
pub fn seed(store: &mut Store, body: &Map<String, Value>) -> Result<Value, &'static str> {
    let Some(bytes) = body
        .get("image")
        .and_then(Value::as_str)
        .and_then(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok())
    else {
        return Err("image (base64) is required");
    };
    let Some(info) = image_info::sniff(&bytes) else {
        return Err("image is not a known image format");
    };
    let now = now_ms();
    let image = StoredAsset {
        id: String::new(),
        name: String::new(),
        bytes: Arc::new(bytes),
        mime_type: info.mime_type.to_string(),
        width: info.width,
        height: info.height,
        created_ms: now.saturating_sub(ASSET_AGE_MS),
        origin: "uploaded",
    };
    let names: Vec<&str> = list(body, "assets")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let jobs = list(body, "jobs");
    {
        let mut asset_ids = Vec::new();
        for (at, name) in names.iter().enumerate() {
            let id = store.new_id("asset");
            let asset = StoredAsset {
                id: id.clone(),
                name: name.to_string(),
                created_ms: image.created_ms + at as u64,
                ..image.clone()
            };
            store.assets.insert(id.clone(), asset);
            asset_ids.push(id);
        }
        let mut job_ids = Vec::new();
        let mut results = Vec::new();
        for (at, job) in jobs.iter().enumerate() {
            let model_id = job["modelId"]
                .as_str()
                .unwrap_or("model_unknown")
                .to_string();
            let model = MockModel::from_id(&model_id);
            let mut input = job["input"].as_object().cloned().unwrap_or_default();
            if let Some(first) = asset_ids.first() {
                fill_image(model, &mut input, first);
            }
            // Older jobs first: the first listed is the oldest.
            let age_ms = job["ageSecs"]
                .as_u64()
                .map_or(((jobs.len() - at) as u64) * 60_000, |s| s * 1000);
            let created_ms = now.saturating_sub(age_ms);
            let running = job["running"].as_bool().unwrap_or(false);
            let takes = model.map_or(1, |m| m.outputs(&input));
            let id = store.new_id("job");
            let result_ids: Vec<String> = (0..takes).map(|_| store.new_id("asset")).collect();
            for result_id in &result_ids {
                let result = StoredAsset {
                    id: result_id.clone(),
                    name: format!("{id}.png"),
                    created_ms,
                    origin: "img2img",
                    ..image.clone()
                };
                store.assets.insert(result_id.clone(), result);
            }
            store.jobs.push(StoredJob {
                id: id.clone(),
                model_id,
                created_ms,
                // A running job ends a minute from now; a finished one took a second.
                duration_ms: if running { age_ms + 60_000 } else { 1000 },
                input: Value::Object(input),
                result_asset_ids: result_ids.clone(),
                failure: None,
                unknown_status: None,
                canceled_ms: None,
            });
            job_ids.push(id);
            results.push(result_ids);
        }
        Ok(json!({ "assets": asset_ids, "jobs": job_ids, "results": results }))
    }
}

fn list<'a>(body: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    body.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The model's image field, when the input has none.
fn fill_image(model: Option<MockModel>, input: &mut Map<String, Value>, asset_id: &str) {
    match model {
        Some(MockModel::Multiangle) => {
            input.entry("image").or_insert_with(|| json!(asset_id));
        }
        Some(MockModel::Multiangle2511) => {
            input.entry("images").or_insert_with(|| json!([asset_id]));
        }
        None => {}
    }
}
