//! `/__control/...` on the API port: tests read and change the knobs, read and clear the
//! recorded requests, list the jobs with their state, and seed jobs and assets made elsewhere. Never recorded, never faulted.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::Shared;
use crate::handler::{error, json_response};
use crate::knobs::Knobs;
use crate::time::now_ms;

/// The control routes.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/__control/knobs", get(knobs).post(change_knobs))
        .route("/__control/reset-knobs", post(reset_knobs))
        .route("/__control/requests", get(requests))
        .route("/__control/clear-requests", post(clear_requests))
        .route("/__control/jobs", get(jobs))
        .route(
            "/__control/elsewhere",
            post(crate::elsewhere::seed_elsewhere),
        )
}

async fn knobs(State(shared): State<Arc<Shared>>) -> Response {
    json_response(StatusCode::OK, &shared.with(|s| json!(s.knobs)))
}

/// Merges a JSON object of knobs into the current ones.
async fn change_knobs(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
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

async fn reset_knobs(State(shared): State<Arc<Shared>>) -> Response {
    shared.with(|store| {
        store.knobs = Knobs::default();
        store.reseed();
        json_response(StatusCode::OK, &json!(store.knobs))
    })
}

async fn requests(State(shared): State<Arc<Shared>>) -> Response {
    json_response(
        StatusCode::OK,
        &shared.with(|s| json!({ "requests": s.records })),
    )
}

async fn clear_requests(State(shared): State<Arc<Shared>>) -> Response {
    shared.with(|s| s.records.clear());
    json_response(StatusCode::OK, &json!({ "cleared": true }))
}

async fn jobs(State(shared): State<Arc<Shared>>) -> Response {
    let now = now_ms();
    json_response(
        StatusCode::OK,
        &shared
            .with(|s| json!({ "jobs": s.jobs.iter().map(|j| j.to_json(now)).collect::<Vec<_>>() })),
    )
}
