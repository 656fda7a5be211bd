//! The stored history: records round-trip, a v1 record migrates, a page closed mid-submit comes
//! back "unsure" (never resubmitted), and a lost generate answer is matched to its job. The
//! hand-written record readers accept, refuse and read exactly what serde's derives do.

use angleshot::api::types::{FromJson, GenerateBody, Job, JobStatus};
use angleshot::domain::angle_set::SetAngle;
use angleshot::domain::history::{
    FORMAT_VERSION, card_from_record, decode_job_record, decode_set_record, job_record, set_record,
};
use angleshot::domain::jobs::{JobCard, JobOrigin, Phase, ResultImage};
use angleshot::domain::profile::JobBody;
use angleshot::domain::reconcile::find_lost_job;
use angleshot::util::time::iso8601;
use angleshot::util::time::parse_iso8601_ms;
use serde_json::json;

fn body(rotate: i32) -> GenerateBody {
    GenerateBody {
        rotate_degrees: rotate,
        prompt: "red chair".into(),
        ..GenerateBody::with_defaults("asset_in")
    }
}

/// A finished card with every optional part filled in.
fn finished_card() -> JobCard {
    let mut card = JobCard::new(42, body(45), "chair.png", 1_000.0);
    card.job_id = Some("job_9".into());
    card.phase = Phase::Done;
    card.status = Some(JobStatus::Success);
    card.progress = Some(1.0);
    card.result_asset_ids = vec!["asset_out".into()];
    card.result = Some(ResultImage {
        asset_id: "asset_out".into(),
        object_url: "blob:http://x/1".into(),
        mime_type: "image/png".into(),
    });
    card.base_rotation = 90;
    card
}

#[test]
fn a_card_round_trips_through_its_record() {
    let card = finished_card();
    let record = job_record(&card, Some(7), "data:image/webp;base64,AAAA");
    let json = serde_json::to_string(&record).unwrap();
    assert!(
        !json.contains("blob:"),
        "tab-only URLs are not stored: {json}"
    );
    let back = decode_job_record(&json).unwrap();
    assert_eq!(back, record);
    assert_eq!(back.version, FORMAT_VERSION);
    let restored = card_from_record(&back);
    assert_eq!(restored.phase, Phase::Done);
    assert_eq!(restored.status, Some(JobStatus::Success));
    assert_eq!(restored.total_rotation(), 135);
    assert_eq!(
        restored.result, None,
        "the image is attached from the stored bytes"
    );
    assert_eq!(job_record(&card, None, "blob:http://x/2").thumbnail, "");
}

#[test]
fn a_page_closed_mid_submit_comes_back_unsure_and_running_jobs_resume() {
    let mut card = JobCard::new(1, body(0), "chair.png", 0.0);
    card.posted = true; // its POST was on its way
    let restored = card_from_record(&job_record(&card, None, ""));
    assert_eq!(restored.phase, Phase::Unsure);
    assert!(
        restored
            .error
            .unwrap()
            .contains("checking your recent jobs")
    );
    let mut running = JobCard::new(2, body(0), "chair.png", 0.0);
    running.phase = Phase::Running;
    running.job_id = Some("job_2".into());
    assert!(card_from_record(&job_record(&running, None, "")).is_watching());
}

#[test]
fn a_card_keeps_where_it_was_made_and_old_records_read_as_unknown() {
    for origin in [
        JobOrigin::Demo,
        JobOrigin::Api("http://127.0.0.1:9000/v1".to_string()),
    ] {
        let mut card = finished_card();
        card.origin = Some(origin.clone());
        let json = serde_json::to_string(&job_record(&card, None, "")).unwrap();
        let back = card_from_record(&decode_job_record(&json).unwrap());
        assert_eq!(back.origin, Some(origin));
    }
    let mut old = serde_json::to_value(job_record(&finished_card(), None, "")).unwrap();
    old.as_object_mut().unwrap().remove("origin");
    let back = card_from_record(&decode_job_record(&old.to_string()).unwrap());
    assert_eq!(back.origin, None, "made before origins were kept");
}

/// #20: each record carries its model; one from before models were kept (or naming a model
/// this build does not know) reads as the seed's.
#[test]
fn a_card_keeps_its_model_and_old_records_read_as_the_seed_model() {
    use angleshot::domain::profile::{Model, multiangle_2511};
    let mut card = finished_card();
    card.body = multiangle_2511::body(
        multiangle_2511::Pose::FRONT,
        &multiangle_2511::Options::default(),
        "asset_1",
    )
    .into();
    let json = serde_json::to_string(&job_record(&card, None, "")).unwrap();
    assert!(
        json.contains(r#""model":"model_qwen-edit-multiangle-2511""#),
        "{json}"
    );
    let back = card_from_record(&decode_job_record(&json).unwrap());
    assert_eq!(back.model(), Model::QwenEditMultiangle2511);
    let mut old = serde_json::to_value(job_record(&finished_card(), None, "")).unwrap();
    old.as_object_mut().unwrap().remove("model");
    let back = card_from_record(&decode_job_record(&old.to_string()).unwrap());
    assert_eq!(
        back.model(),
        Model::QwenEditMultiangle,
        "made before models were kept"
    );
    old["model"] = json!("model_from_the_future");
    let back = card_from_record(&decode_job_record(&old.to_string()).unwrap());
    assert_eq!(back.model(), Model::QwenEditMultiangle);
}

#[test]
fn a_demo_job_found_after_a_reload_is_stopped_and_says_why() {
    let mut running = JobCard::new(1, body(45), "robot.png", 0.0);
    running.phase = Phase::Running;
    running.orphaned_demo_job(5.0);
    assert_eq!(running.phase, Phase::Stopped);
    assert!(
        running
            .notice
            .unwrap()
            .contains("cannot be watched any more")
    );
    let mut done = finished_card();
    done.orphaned_demo_job(5.0);
    assert_eq!(
        done.phase,
        Phase::Done,
        "a finished demo job stays as it was"
    );
}

#[test]
fn a_job_never_posted_comes_back_waiting_and_one_posted_comes_back_unsure() {
    let waiting = JobCard::new(3, body(90), "chair.png", 0.0);
    let back = card_from_record(&job_record(&waiting, Some(1), ""));
    assert_eq!(
        back.phase,
        Phase::Submitting,
        "nothing was created: it goes again"
    );
    assert_eq!(back.error, None);
    let mut posted = JobCard::new(4, body(90), "chair.png", 0.0);
    posted.posted = true;
    let back = card_from_record(&job_record(&posted, Some(1), ""));
    assert_eq!(
        back.phase,
        Phase::Unsure,
        "its answer was lost: look it up, never resend"
    );
    let mut old = serde_json::to_value(job_record(&waiting, None, "")).unwrap();
    old.as_object_mut().unwrap().remove("posted");
    let back = card_from_record(&decode_job_record(&old.to_string()).unwrap());
    assert_eq!(
        back.phase,
        Phase::Unsure,
        "an older record may have been sent"
    );
}

#[test]
fn a_stored_v1_record_is_migrated() {
    let v1 = json!({
        "v": 1, "id": 7, "jobId": "job_1",
        "params": { "image": "asset_1", "rotateDegrees": -90, "verticalTilt": 1, "prompt": "x" },
        "inputName": "chair.png", "status": "success", "resultAssetId": "asset_2", "createdAt": 1000
    });
    let record = decode_job_record(&v1.to_string()).unwrap();
    assert_eq!(record.version, FORMAT_VERSION);
    assert_eq!(record.local_id, 7);
    let body = record.body.as_multiangle().unwrap();
    assert_eq!(body.image, "asset_1");
    assert_eq!((body.rotate_degrees, body.vertical_tilt), (-90, 1));
    assert_eq!(
        body.lora_scale, 1.25,
        "missing fields take the contract's defaults"
    );
    assert_eq!(record.phase, "done");
    assert_eq!(record.result_asset_ids, ["asset_2"]);
    let running =
        json!({ "v": 1, "id": 8, "jobId": "job_3", "params": {}, "status": "in-progress" });
    assert_eq!(
        decode_job_record(&running.to_string()).unwrap().phase,
        "running"
    );
    assert!(decode_job_record(r#"{"version": 99}"#).is_err());
    assert!(decode_job_record("not json").is_err());
}

#[test]
fn set_records_round_trip() {
    let cells = [
        (
            SetAngle {
                rotate: 45,
                tilt: 0,
            },
            11,
        ),
        (
            SetAngle {
                rotate: 0,
                tilt: -1,
            },
            12,
        ),
    ];
    let record = set_record(
        10,
        "chair.png",
        "data:image/png;base64,AA",
        Some("asset_in"),
        0,
        5.0,
        &cells,
    );
    let back = decode_set_record(&serde_json::to_string(&record).unwrap()).unwrap();
    assert_eq!(back.angles(), cells);
    assert_eq!(back.original, "data:image/png;base64,AA");
}

#[test]
fn iso_dates_parse_back() {
    for ms in [0.0, 1_795_000_000_123.0, 951_782_400_000.0] {
        assert_eq!(parse_iso8601_ms(&iso8601(ms)), Some(ms));
    }
    assert_eq!(
        parse_iso8601_ms("2026-11-18T12:06:40+01:00"),
        Some(1_795_000_000_000.0)
    );
    assert_eq!(
        parse_iso8601_ms("2026-11-18T11:06:40Z"),
        Some(1_795_000_000_000.0)
    );
    for bad in [
        "",
        "yesterday",
        "2026-13-01T00:00:00Z",
        "2026-11-18",
        "2026-11-18T25:00:00Z",
    ] {
        assert_eq!(parse_iso8601_ms(bad), None, "{bad}");
    }
}

fn listed(id: &str, created_ms: f64, input: serde_json::Value) -> Job {
    Job::from_json(&json!({
        "jobId": id, "status": "in-progress", "createdAt": iso8601(created_ms),
        "metadata": { "assetIds": [], "input": input }
    }))
    .unwrap()
}

#[test]
fn a_lost_answer_is_matched_by_time_and_exact_parameters() {
    let sent = JobBody::from(body(45));
    let input = serde_json::to_value(&sent).unwrap();
    let submitted = 1_000_000.0;
    let mut other = input.clone();
    other["rotateDegrees"] = json!(90);
    let recent = vec![
        listed("job_old", submitted - 10.0 * 60_000.0, input.clone()),
        listed("job_other_params", submitted + 50.0, other),
        listed("job_claimed", submitted + 60.0, input.clone()),
        listed("job_ours", submitted + 80.0, input.clone()),
        listed("job_later_twin", submitted + 900.0, input.clone()),
    ];
    let found = find_lost_job(&sent, submitted, &recent, &["job_claimed".to_string()]);
    assert_eq!(found.map(|j| j.job_id.as_str()), Some("job_ours"));
    assert_eq!(
        find_lost_job(&body(-45).into(), submitted, &recent, &[]).map(|j| j.job_id.as_str()),
        None
    );
    let no_input: Job =
        Job::from_json(&json!({ "jobId": "j", "createdAt": iso8601(submitted) })).unwrap();
    assert!(
        find_lost_job(&sent, submitted, &[no_input], &[]).is_none(),
        "unknown input never matches"
    );
}

/// Property tests: valid records mutated field by field (dropped, `null`, another type, out of
/// range, a fraction where an integer belongs), at the top level and inside `body`, `result`
/// and `cells`, read the same by hand and by serde's derives.
#[cfg(not(target_arch = "wasm32"))]
mod readers_match_the_derives {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn valid_job() -> Value {
        serde_json::to_value(job_record(&finished_card(), Some(7), "data:x")).unwrap()
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
            let by_hand = decode_job_record(&text).ok().map(|r| serde_json::to_value(r).unwrap());
            let by_derive = serde_json::from_str::<crate::derived_records::JobRecord>(&text)
                .ok()
                .map(|r| serde_json::to_value(r).unwrap());
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
                    decode_set_record(&text).ok().map(|r| serde_json::to_value(r).unwrap()),
                    serde_json::from_str::<crate::derived_records::SetRecord>(&text)
                        .ok()
                        .map(|r| serde_json::to_value(r).unwrap()),
                    "{}", text
                );
            }
        }

        #[test]
        fn generate_bodies_read_as_the_derive_reads_them(edits in edits()) {
            let valid = serde_json::to_value(GenerateBody::with_defaults("asset_in")).unwrap();
            let value = mutate(valid, &edits, &[""]);
            prop_assert_eq!(
                GenerateBody::read(&value).ok().map(|b| serde_json::to_value(b).unwrap()),
                serde_json::from_value::<crate::derived_records::GenerateBody>(value.clone())
                    .ok()
                    .map(|b| serde_json::to_value(b).unwrap()),
                "{}", value
            );
        }
    }

    #[test]
    fn the_unmutated_records_read_back() {
        assert!(decode_job_record(&valid_job().to_string()).is_ok());
        assert!(decode_set_record(&valid_set().to_string()).is_ok());
    }
}
