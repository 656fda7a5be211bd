//! Property test: arbitrary JSON (and arbitrary text) under any status goes through every
//! response decoder and the error parser without a panic. A panic in wasm kills the app.
//! And the app's own JSON reader (`json::reader`) reads exactly what serde_json reads.

#![cfg(not(target_arch = "wasm32"))]

use angleshot::api::error::ApiError;
use angleshot::api::response::{RawResponse, decode, decode_cancel, decode_cost};
use angleshot::api::types::{
    AssetEnvelope, AssetsEnvelope, GenerateResponse, JobEnvelope, JobsPage, ModelEnvelope,
};
use angleshot::domain::settings::api_base_from_config;
use proptest::prelude::*;
use serde_json::Value;

/// The field names the decoders look for (used as keys and as string values), so nested shapes
/// get exercised.
const FIELD_NAMES: &[&str] = &[
    "job",
    "jobId",
    "status",
    "progress",
    "metadata",
    "assetIds",
    "error",
    "hint",
    "asset",
    "assets",
    "url",
    "id",
    "mimeType",
    "model",
    "inputs",
    "reason",
    "message",
    "name",
    "creativeUnitsCost",
    "jobs",
    "nextPaginationToken",
    "statusHistory",
    "properties",
    "width",
    "height",
    "min",
    "max",
    "default",
    "type",
    "remainingSeconds",
    "apiBase",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::String),
        // Field names and values the decoders look for, so nested shapes get exercised.
        prop::sample::select(
            FIELD_NAMES
                .iter()
                .chain(
                    [
                        "success",
                        "failure",
                        "in-progress",
                        "<img src=x onerror=alert(1)>"
                    ]
                    .iter()
                )
                .copied()
                .collect::<Vec<_>>(),
        )
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop::sample::select(FIELD_NAMES.to_vec());
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..6).prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

fn every_decoder(status: u16, text: &str) {
    let raw = RawResponse {
        status,
        retry_after: Some(text.chars().take(8).collect()),
        text: text.to_string(),
    };
    let _ = decode::<JobEnvelope>(&raw).map(|e| {
        (
            e.job.status.is_final(),
            e.job.progress_fraction(),
            e.job.error().map(str::len),
            e.job.asset_ids().len(),
        )
    });
    let _ = decode::<GenerateResponse>(&raw);
    let _ = decode::<AssetEnvelope>(&raw);
    let _ = decode::<AssetsEnvelope>(&raw);
    let _ = decode::<JobsPage>(&raw);
    let _ = decode::<ModelEnvelope>(&raw).map(|m| {
        angleshot::domain::profile::multiangle::Ranges::from_model_inputs(&m.model.inputs)
    });
    let _ = decode_cost(&raw);
    let _ = decode_cancel(&raw);
    let err = ApiError::from_status(status, raw.retry_after.as_deref(), text);
    let _ = (err.user_message(), err.class());
    let _ = api_base_from_config(text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_a_decoder(value in json_value(), status in prop::sample::select(vec![200u16, 201, 269, 400, 401, 403, 404, 429, 500, 503, 0, 999])) {
        every_decoder(status, &value.to_string());
    }

    #[test]
    fn arbitrary_text_never_panics_a_decoder(text in ".{0,200}", status in any::<u16>()) {
        every_decoder(status, &text);
    }
}
