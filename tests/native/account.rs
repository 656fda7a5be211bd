//! #21: the account's own jobs and images, read back from what `GET /jobs` and `GET /assets`
//! answer.

use angleshot::api::types::{Asset, FromJson, Job, JobStatus};
use angleshot::domain::account::{account_images, account_jobs, body_of, model_of};
use angleshot::domain::jobs::Phase;
use angleshot::domain::profile::{JobBody, Model};
use serde_json::{Value, json};

fn job(id: &str, status: &str, input: Value) -> Job {
    Job::from_json(&json!({
        "jobId": id, "status": status, "createdAt": "2026-11-30T10:00:00.000Z",
        "metadata": { "assetIds": if status == "success" { json!(["asset_r"]) } else { json!([]) },
                      "input": input },
    }))
    .unwrap()
}

#[test]
fn the_model_comes_from_input_model_id_else_from_the_inputs_shape() {
    let named = job(
        "j",
        "success",
        json!({ "modelId": "model_qwen-edit-multiangle-2511", "images": ["a"] }),
    );
    assert_eq!(model_of(&named), Some(Model::QwenEditMultiangle2511));
    let other = job(
        "j",
        "success",
        json!({ "modelId": "model_flux", "image": "a", "rotateDegrees": 1 }),
    );
    assert_eq!(
        model_of(&other),
        None,
        "a named model that is not multi-angle is left out"
    );
    let seed_shape = job("j", "success", json!({ "image": "a", "rotateDegrees": 45 }));
    assert_eq!(model_of(&seed_shape), Some(Model::QwenEditMultiangle));
    let ring_shape = job(
        "j",
        "success",
        json!({ "images": ["a"], "horizontalAngle": 90 }),
    );
    assert_eq!(model_of(&ring_shape), Some(Model::QwenEditMultiangle2511));
    assert_eq!(
        model_of(&job("j", "success", json!({ "prompt": "a lamp" }))),
        None
    );
    assert_eq!(
        model_of(&Job::from_json(&json!({ "jobId": "j" })).unwrap()),
        None
    );
}

#[test]
fn a_recorded_input_lies_over_the_profiles_defaults_and_odd_values_keep_them() {
    let body = body_of(
        Model::QwenEditMultiangle,
        &json!({ "image": "asset_1", "rotateDegrees": 90, "verticalTilt": "steep", "extra": 1 }),
    )
    .unwrap();
    let JobBody::Multiangle(body) = body else {
        panic!("seed model")
    };
    assert_eq!(
        (body.image.as_str(), body.rotate_degrees, body.vertical_tilt),
        ("asset_1", 90, 0)
    );
    let ring = body_of(
        Model::QwenEditMultiangle2511,
        &json!({ "images": ["asset_2"], "horizontalAngle": 225, "numOutputs": 2, "seed": 7 }),
    )
    .unwrap();
    assert_eq!(ring.image(), "asset_2");
    assert_eq!(ring.takes(), 2);
    assert_eq!(
        ring.turn(),
        135,
        "225° is 135° to the artist's left, in the seed model's sign"
    );
    assert!(
        body_of(Model::QwenEditMultiangle, &json!({ "rotateDegrees": 90 })).is_none(),
        "no image"
    );
    assert!(body_of(Model::QwenEditMultiangle2511, &json!({ "images": [] })).is_none());
}

#[test]
fn listed_jobs_are_the_multi_angle_ones_not_already_cards_and_become_cards_as_they_stand() {
    let page = [
        job(
            "job_3",
            "in-progress",
            json!({ "modelId": "model_qwen-edit-multiangle", "image": "a" }),
        ),
        job(
            "job_2",
            "success",
            json!({ "modelId": "model_flux", "prompt": "x" }),
        ),
        job(
            "job_1",
            "success",
            json!({ "modelId": "model_qwen-edit-multiangle-2511", "images": ["b"] }),
        ),
        job(
            "job_0",
            "success",
            json!({ "modelId": "model_qwen-edit-multiangle", "image": "c" }),
        ),
    ];
    let listed = account_jobs(&page, &["job_0".to_string()]);
    let ids: Vec<&str> = listed.iter().map(|j| j.job.job_id.as_str()).collect();
    assert_eq!(ids, ["job_3", "job_1"]);
    assert!(
        listed[1]
            .label()
            .starts_with("Qwen Edit Multi-Angle 2511 · ")
    );
    assert!(listed[1].label().ends_with(" · 2026-11-30 10:00 · success"));

    let running = listed[0].card(7, 2.0e12);
    assert_eq!(
        (running.local_id, running.phase.clone()),
        (7, Phase::Running)
    );
    assert_eq!(running.job_id.as_deref(), Some("job_3"));
    assert!(running.posted, "never submitted again");
    let done = listed[1].card(8, 2.0e12);
    assert_eq!(done.phase, Phase::Done);
    assert_eq!(done.status, Some(JobStatus::Success));
    assert_eq!(done.result_asset_ids, ["asset_r"]);
    assert_eq!(done.input_name, "b (from your account)");
    assert!(
        done.submitted_ms < 2.0e12,
        "made when the API says: {}",
        done.submitted_ms
    );
}

#[test]
fn account_images_show_their_thumbnail_else_their_url_and_skip_what_is_not_an_image() {
    let assets: Vec<Asset> = [
        json!({ "id": "a1", "url": "https://cdn/a1", "mimeType": "image/png",
                "thumbnail": { "assetId": "t1", "url": "https://cdn/t1" },
                "metadata": { "name": "crate.png" }, "properties": { "width": 640, "height": 480 } }),
        json!({ "id": "a2", "url": "https://cdn/a2", "mimeType": "image/webp" }),
        json!({ "id": "a3", "url": "https://cdn/a3", "mimeType": "model/gltf-binary" }),
        json!({ "id": "a4", "mimeType": "image/png" }),
    ]
    .iter()
    .filter_map(Asset::from_json)
    .collect();
    let images = account_images(&assets);
    let shown: Vec<(&str, &str, &str)> = images
        .iter()
        .map(|i| {
            (
                i.asset_id.as_str(),
                i.name.as_str(),
                i.thumbnail_url.as_str(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("a1", "crate.png", "https://cdn/t1"),
            ("a2", "a2", "https://cdn/a2")
        ]
    );
    assert_eq!((images[0].width, images[0].height), (640, 480));
}
