//! Property test: the hand-written readers of stored records and of the generate body accept
//! and refuse exactly what serde's derives of the same types do, and read the same values.
//! Valid records are mutated field by field (dropped, `null`, another type, out of range,
//! a fraction where an integer belongs), at the top level and inside `body`, `result` and
//! `cells`.

#![cfg(not(target_arch = "wasm32"))]

use angleshot::api::types::GenerateBody;
use angleshot::domain::angle_set::SetAngle;
use angleshot::domain::history::{
    JobRecord, SetRecord, decode_job_record, decode_set_record, job_record, set_record,
};
use angleshot::domain::jobs::{JobCard, Phase, ResultImage};
use proptest::prelude::*;
use serde_json::{Value, json};

fn valid_job() -> Value {
    let mut card = JobCard::new(
        42,
        GenerateBody::with_defaults("asset_in"),
        "chair.png",
        1e3,
    );
    card.job_id = Some("job_9".into());
    card.phase = Phase::Done;
    card.progress = Some(0.5);
    card.result_asset_ids = vec!["asset_out".into()];
    card.result = Some(ResultImage {
        asset_id: "asset_out".into(),
        object_url: "data:image/png;base64,AA".into(),
        mime_type: "image/png".into(),
    });
    serde_json::to_value(job_record(&card, Some(7), "data:x")).unwrap()
}

fn valid_set() -> Value {
    let cells = [
        (
            SetAngle {
                rotate: 45,
                tilt: -1,
            },
            3,
        ),
        (SetAngle { rotate: 0, tilt: 0 }, 4),
    ];
    serde_json::to_value(set_record(
        9,
        "chair.png",
        "data:x",
        Some("a"),
        90,
        5.0,
        &cells,
    ))
    .unwrap()
}

/// Values of every JSON kind, including the edges of the integer types.
fn replacement() -> impl Strategy<Value = Option<Value>> {
    prop::sample::select(vec![
        None,
        Some(Value::Null),
        Some(json!(true)),
        Some(json!("16:9")),
        Some(json!("text")),
        Some(json!(1)),
        Some(json!(-1)),
        Some(json!(2.5)),
        Some(json!(3.0)),
        Some(json!(4_294_967_296_u64)),
        Some(json!(2_147_483_648_u64)),
        Some(json!(u64::MAX)),
        Some(json!([])),
        Some(json!(["x"])),
        Some(json!([1])),
        Some(json!({})),
        Some(json!({ "rotate": 1, "tilt": 0, "job": 2 })),
        Some(json!({ "assetId": "a", "mimeType": "image/png" })),
    ])
}

/// The object at `path` inside `value` (`""` is the top level).
fn object_at<'a>(
    value: &'a mut Value,
    path: &str,
) -> Option<&'a mut serde_json::Map<String, Value>> {
    let target = match path {
        "" => value,
        "cells" => value.get_mut("cells")?.get_mut(0)?,
        key => value.get_mut(key)?,
    };
    target.as_object_mut()
}

fn mutate(mut value: Value, edits: &[(usize, usize, Option<Value>)], paths: &[&str]) -> Value {
    for (path_pick, key_pick, new) in edits {
        let path = paths[path_pick % paths.len()];
        let Some(object) = object_at(&mut value, path) else {
            continue;
        };
        let keys: Vec<String> = object.keys().cloned().collect();
        if keys.is_empty() {
            continue;
        }
        let key = &keys[key_pick % keys.len()];
        match new {
            None => {
                object.remove(key);
            }
            Some(v) => {
                object.insert(key.clone(), v.clone());
            }
        }
    }
    value
}

fn edits() -> impl Strategy<Value = Vec<(usize, usize, Option<Value>)>> {
    prop::collection::vec((any::<usize>(), any::<usize>(), replacement()), 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn job_records_read_as_the_derive_reads_them(edits in edits()) {
        let value = mutate(valid_job(), &edits, &["", "", "body", "result"]);
        let text = value.to_string();
        let by_hand = decode_job_record(&text).ok();
        let by_derive = serde_json::from_str::<JobRecord>(&text).ok();
        // The hand reader also migrates old versions; compare today's only.
        if value.get("version") == Some(&json!(2)) {
            prop_assert_eq!(by_hand, by_derive, "{}", text);
        }
    }

    #[test]
    fn set_records_read_as_the_derive_reads_them(edits in edits()) {
        let value = mutate(valid_set(), &edits, &["", "cells"]);
        let text = value.to_string();
        if value.get("version") == Some(&json!(2)) {
            prop_assert_eq!(
                decode_set_record(&text).ok(),
                serde_json::from_str::<SetRecord>(&text).ok(),
                "{}", text
            );
        }
    }

    #[test]
    fn generate_bodies_read_as_the_derive_reads_them(edits in edits()) {
        let valid = serde_json::to_value(GenerateBody::with_defaults("asset_in")).unwrap();
        let value = mutate(valid, &edits, &[""]);
        prop_assert_eq!(
            GenerateBody::read(&value).ok(),
            serde_json::from_value::<GenerateBody>(value.clone()).ok(),
            "{}", value
        );
    }
}

#[test]
fn the_unmutated_records_read_back() {
    assert!(decode_job_record(&valid_job().to_string()).is_ok());
    assert!(decode_set_record(&valid_set().to_string()).is_ok());
}
