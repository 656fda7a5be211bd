//! Every request shape the client builds: exact URLs, methods, auth and JSON field names.

use angleshot::api::request::{self, ApiConfig, Method};
use angleshot::api::types::{AspectRatio, GenerateBody, MODEL_ID, UploadAssetBody};
use serde_json::{Value, json};

fn config() -> ApiConfig {
    ApiConfig::new("https://api.cloud.scenario.com/v1/", "my-key", "my-secret")
}

fn body(req: &request::ApiRequest) -> Value {
    serde_json::from_str(req.body.as_deref().expect("a body")).expect("JSON body")
}

#[test]
fn basic_auth_is_base64_of_key_colon_secret() {
    // echo -n 'my-key:my-secret' | base64
    assert_eq!(config().authorization(), "Basic bXkta2V5Om15LXNlY3JldA==");
}

#[test]
fn upload_asset_posts_image_and_name() {
    let req = request::upload_asset(
        &config(),
        &UploadAssetBody {
            image: "data:image/png;base64,AAAA".into(),
            name: "chair.png".into(),
        },
    )
    .unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, "https://api.cloud.scenario.com/v1/assets");
    assert_eq!(
        body(&req),
        json!({ "image": "data:image/png;base64,AAAA", "name": "chair.png" })
    );
}

#[test]
fn generate_sends_image_and_the_eight_fields_with_integer_camera_values() {
    let params = GenerateBody {
        rotate_degrees: -45,
        move_forward: 5,
        vertical_tilt: 1,
        use_wide_angle: true,
        aspect_ratio: AspectRatio::Wide16x9,
        lora_scale: 1.5,
        go_fast: true,
        prompt: "studio light".into(),
        ..GenerateBody::with_defaults("asset_1")
    };
    let req = request::generate(&config(), MODEL_ID, &params).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(
        req.url,
        "https://api.cloud.scenario.com/v1/generate/custom/model_qwen-edit-multiangle"
    );
    let sent = req.body.clone().unwrap();
    assert_eq!(
        body(&req),
        json!({
            "image": "asset_1", "prompt": "studio light", "rotateDegrees": -45, "moveForward": 5,
            "verticalTilt": 1, "useWideAngle": true, "aspectRatio": "16:9", "loraScale": 1.5,
            "goFast": true
        })
    );
    // Integers on the wire, not 5.0: the model was trained on whole states.
    assert!(sent.contains("\"rotateDegrees\":-45,"), "{sent}");
    assert!(sent.contains("\"moveForward\":5,"), "{sent}");
    assert!(sent.contains("\"verticalTilt\":1,"), "{sent}");
}

#[test]
fn generate_defaults_match_the_contract() {
    let req =
        request::generate(&config(), MODEL_ID, &GenerateBody::with_defaults("asset_9")).unwrap();
    assert_eq!(
        body(&req),
        json!({
            "image": "asset_9", "prompt": "", "rotateDegrees": 0, "moveForward": 0,
            "verticalTilt": 0, "useWideAngle": false, "aspectRatio": "match_input_image",
            "loraScale": 1.25, "goFast": false
        })
    );
}

#[test]
fn every_aspect_ratio_has_its_wire_spelling() {
    let spelled: Vec<&str> = AspectRatio::ALL.iter().map(|r| r.as_wire()).collect();
    assert_eq!(
        spelled,
        ["match_input_image", "16:9", "4:3", "1:1", "3:4", "9:16"]
    );
    for ratio in AspectRatio::ALL {
        assert_eq!(serde_json::to_value(ratio).unwrap(), json!(ratio.as_wire()));
        assert_eq!(AspectRatio::from_wire(ratio.as_wire()), Some(ratio));
    }
    assert_eq!(AspectRatio::from_wire("2:1"), None);
}

#[test]
fn estimate_cost_is_a_dry_run_of_the_same_body() {
    let params = GenerateBody::with_defaults("asset_1");
    let req = request::estimate_cost(&config(), MODEL_ID, &params).unwrap();
    assert_eq!(
        req.url,
        "https://api.cloud.scenario.com/v1/generate/custom/model_qwen-edit-multiangle?dryRun=true"
    );
    assert_eq!(
        req.body,
        request::generate(&config(), MODEL_ID, &params)
            .unwrap()
            .body
    );
}

#[test]
fn job_reads_list_cancel_and_model_urls() {
    let c = config();
    let get = request::get_job(&c, "job_abc").unwrap();
    assert_eq!(
        (get.method, get.url.as_str()),
        (
            Method::Get,
            "https://api.cloud.scenario.com/v1/jobs/job_abc"
        )
    );
    assert_eq!(get.body, None);
    assert_eq!(get.authorization, c.authorization());

    let list = request::list_jobs(&c, 50, Some("tok/en=1")).unwrap();
    assert_eq!(
        list.url,
        "https://api.cloud.scenario.com/v1/jobs?pageSize=50&paginationToken=tok%2Fen%3D1"
    );
    assert_eq!(
        request::list_jobs(&c, 0, None).unwrap().url,
        "https://api.cloud.scenario.com/v1/jobs?pageSize=1"
    );
    assert_eq!(
        request::list_jobs(&c, 999, Some("")).unwrap().url,
        "https://api.cloud.scenario.com/v1/jobs?pageSize=200"
    );

    let cancel = request::cancel_job(&c, "job_abc").unwrap();
    assert_eq!(
        (cancel.method, cancel.url.as_str()),
        (
            Method::Post,
            "https://api.cloud.scenario.com/v1/jobs/job_abc/action"
        )
    );
    assert_eq!(body(&cancel), json!({ "action": "cancel" }));

    let model = request::get_model(&c, MODEL_ID).unwrap();
    assert_eq!(
        model.url,
        "https://api.cloud.scenario.com/v1/models/model_qwen-edit-multiangle"
    );
}

#[test]
fn asset_reads_single_and_bulk() {
    let c = config();
    assert_eq!(
        request::get_asset(&c, "asset_1").unwrap().url,
        "https://api.cloud.scenario.com/v1/assets/asset_1"
    );
    let ids = vec!["asset_1".to_string(), "asset_2".to_string()];
    let bulk = request::get_assets_bulk(&c, &ids).unwrap();
    assert_eq!(
        bulk.url,
        "https://api.cloud.scenario.com/v1/assets/get-bulk"
    );
    assert_eq!(body(&bulk), json!({ "assetIds": ["asset_1", "asset_2"] }));
    let too_many: Vec<String> = (0..201).map(|i| format!("asset_{i}")).collect();
    assert!(request::get_assets_bulk(&c, &too_many).is_err());
}

#[test]
fn ids_are_encoded_as_one_path_segment() {
    let url = request::get_job(&config(), "../assets?x=1").unwrap().url;
    assert_eq!(
        url,
        "https://api.cloud.scenario.com/v1/jobs/..%2Fassets%3Fx%3D1"
    );
}

#[test]
fn proxy_and_relative_bases_work_and_project_id_is_appended() {
    let mut c = ApiConfig::new("scenario-api", "k", "s");
    assert_eq!(
        request::get_model(&c, MODEL_ID).unwrap().url,
        "scenario-api/models/model_qwen-edit-multiangle"
    );
    c.base_url = " http://127.0.0.1:9000/v1// ".into();
    c.project_id = Some("proj 1".into());
    assert_eq!(
        request::get_job(&c, "job_1").unwrap().url,
        "http://127.0.0.1:9000/v1/jobs/job_1?projectId=proj%201"
    );
    assert_eq!(
        request::list_jobs(&c, 10, None).unwrap().url,
        "http://127.0.0.1:9000/v1/jobs?pageSize=10&projectId=proj%201"
    );
}

#[test]
fn unusable_bases_are_refused_before_sending() {
    for base in ["", "   ", "https://api/v1?x=1", "https://api/v1#frag"] {
        let c = ApiConfig::new(base, "k", "s");
        assert!(
            request::get_model(&c, MODEL_ID).is_err(),
            "{base:?} should be refused"
        );
    }
}

#[test]
fn debug_output_never_shows_the_secret() {
    let c = config();
    let shown = format!("{c:?} {:?}", request::get_model(&c, MODEL_ID).unwrap());
    assert!(
        !shown.contains("my-secret") && !shown.contains("my-key"),
        "{shown}"
    );
    assert!(!shown.contains(&c.authorization()), "{shown}");
}

#[test]
fn a_plain_http_base_is_refused_unless_it_is_this_machine() {
    use angleshot::api::request::{self, ApiConfig, insecure_base_warning};
    for refused in [
        "http://api.example.com/v1",
        "HTTP://10.0.0.5:8080/v1",
        "http://127.0.0.1.evil.com/v1",
        "http://user@example.com/",
    ] {
        assert!(insecure_base_warning(refused).is_some(), "{refused}");
        let config = ApiConfig::new(refused, "k", "s");
        let err = request::get_model(&config, MODEL_ID).unwrap_err();
        assert!(
            err.user_message().contains("unencrypted"),
            "{refused}: {}",
            err.user_message()
        );
    }
    for allowed in [
        "https://api.cloud.scenario.com/v1",
        "http://127.0.0.1:9000/v1",
        "http://localhost:8080/x",
        "http://[::1]:9/v1",
        "http://127.8.0.1/v1",
        "scenario-api",
        "/scenario-api",
    ] {
        assert_eq!(insecure_base_warning(allowed), None, "{allowed}");
        assert!(
            request::get_model(&ApiConfig::new(allowed, "k", "s"), MODEL_ID).is_ok(),
            "{allowed}"
        );
    }
}
