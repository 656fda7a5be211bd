//! The mock follows the contract for every endpoint, and every knob does what it says.

use std::time::Duration;

use angleshot_mock::client::{Answer, call};
use angleshot_mock::{Fault, FaultKind, Knobs, MockOptions, MockServer};
use base64::Engine as _;
use serde_json::{Value, json};

/// A 1×1 PNG.
const PNG_1X1: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

struct Mock {
    server: MockServer,
    _runtime: tokio::runtime::Runtime,
}

fn start(knobs: Knobs) -> Mock {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime
        .block_on(MockServer::start(MockOptions {
            knobs,
            ..MockOptions::default()
        }))
        .unwrap();
    Mock {
        server,
        _runtime: runtime,
    }
}

fn auth() -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("test-key:test-secret")
    )
}

impl Mock {
    fn send(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        self.try_send(method, path, body).unwrap()
    }

    /// `Err` when the connection was cut before any status arrived.
    fn try_send(&self, method: &str, path: &str, body: Option<Value>) -> std::io::Result<Answer> {
        let auth = auth();
        let body = body.map(|b| b.to_string());
        call(
            self.server.api_addr,
            method,
            path,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            body.as_deref(),
        )
    }

    fn upload(&self) -> String {
        let answer = self.send(
            "POST",
            "/v1/assets",
            Some(json!({ "image": format!("data:image/png;base64,{PNG_1X1}"), "name": "dot.png" })),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.json()["asset"]["id"].as_str().unwrap().to_string()
    }

    fn generate(&self, image: &str) -> Answer {
        self.send(
            "POST",
            "/v1/generate/custom/model_qwen-edit-multiangle",
            Some(json!({ "image": image, "rotateDegrees": 45 })),
        )
    }

    /// Generates on `image` and returns the new job's id.
    fn new_job(&self, image: &str) -> String {
        self.generate(image).json()["job"]["jobId"]
            .as_str()
            .unwrap()
            .to_string()
    }

    fn cdn(&self, url: &str, headers: &[(&str, &str)]) -> Answer {
        let target = url
            .strip_prefix(&format!("http://{}", self.server.cdn_addr))
            .unwrap();
        call(self.server.cdn_addr, "GET", target, headers, None).unwrap()
    }
}

/// The names of a `GET /models/{id}` answer's inputs, in order.
fn input_names(answer: &Value) -> Vec<&str> {
    answer["model"]["inputs"]
        .as_array()
        .map(|inputs| inputs.iter().filter_map(|i| i["name"].as_str()).collect())
        .unwrap_or_default()
}

fn fast() -> Knobs {
    Knobs {
        job_duration_ms: 400,
        ..Knobs::default()
    }
}

#[test]
fn requests_without_correct_basic_auth_get_401() {
    let mock = start(fast());
    let none = call(
        mock.server.api_addr,
        "GET",
        "/v1/models/model_qwen-edit-multiangle",
        &[],
        None,
    )
    .unwrap();
    assert_eq!(none.status, 401);
    assert_eq!(none.json()["reason"], "Unauthorized");
    let wrong = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("test-key:nope")
    );
    let bad = call(
        mock.server.api_addr,
        "GET",
        "/v1/jobs",
        &[("Authorization", &wrong)],
        None,
    )
    .unwrap();
    assert_eq!(bad.status, 401);
}

#[test]
fn upload_stores_the_image_and_reports_its_size() {
    let mock = start(fast());
    let answer = mock.send(
        "POST",
        "/v1/assets",
        Some(json!({ "image": PNG_1X1, "name": "dot.png" })),
    );
    assert_eq!(answer.status, 200);
    let asset = &answer.json()["asset"];
    assert!(asset["id"].as_str().unwrap().starts_with("asset_"));
    assert_eq!(asset["mimeType"], "image/png");
    assert_eq!(asset["properties"]["width"], 1);
    assert_eq!(asset["properties"]["height"], 1);
    let fetched = mock.send(
        "GET",
        &format!("/v1/assets/{}", asset["id"].as_str().unwrap()),
        None,
    );
    assert_eq!(fetched.json()["asset"]["id"], asset["id"]);
}

#[test]
fn upload_validation() {
    let mock = start(fast());
    let cases = [
        (json!({ "name": "x.png" }), "image is required"),
        (json!({ "image": PNG_1X1 }), "name is required"),
        (json!({ "image": "%%%", "name": "x" }), "base64"),
        (
            json!({ "image": base64::engine::general_purpose::STANDARD.encode("<svg onload=alert(1)>"), "name": "x.svg" }),
            "Unsupported",
        ),
    ];
    for (body, reason) in cases {
        let answer = mock.send("POST", "/v1/assets", Some(body.clone()));
        assert_eq!(answer.status, 400, "{body}");
        assert!(
            answer.json()["reason"].as_str().unwrap().contains(reason),
            "{}",
            answer.body
        );
    }
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(angleshot_mock::MAX_UPLOAD_BYTES, 0);
    let answer = mock.send("POST", "/v1/assets", Some(json!({ "image": base64::engine::general_purpose::STANDARD.encode(big), "name": "big.png" })));
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("6 MB"));
}

#[test]
fn generate_validates_like_the_real_api() {
    let mock = start(fast());
    let image = mock.upload();
    let path = "/v1/generate/custom/model_qwen-edit-multiangle";
    let cases = [
        (json!({ "rotateDegrees": 45 }), "image is required"),
        (json!({ "image": "asset_nope" }), "not found"),
        (
            json!({ "image": image, "rotateDegrees": 135 }),
            "rotateDegrees",
        ),
        (json!({ "image": image, "moveForward": -1 }), "moveForward"),
        (json!({ "image": image, "verticalTilt": 2 }), "verticalTilt"),
        (json!({ "image": image, "loraScale": 4.5 }), "loraScale"),
        (
            json!({ "image": image, "aspectRatio": "2:1" }),
            "aspectRatio",
        ),
        (
            json!({ "image": image, "useWideAngle": "yes" }),
            "useWideAngle",
        ),
        (
            json!({ "image": image, "rotateDegrees": "45" }),
            "rotateDegrees",
        ),
    ];
    for (body, reason) in cases {
        let answer = mock.send("POST", path, Some(body.clone()));
        assert_eq!(answer.status, 400, "{body}");
        assert!(
            answer.json()["reason"].as_str().unwrap().contains(reason),
            "{body}: {}",
            answer.body
        );
    }
    let other_model = mock.send(
        "POST",
        "/v1/generate/custom/model_other",
        Some(json!({ "image": image })),
    );
    assert_eq!(other_model.status, 404);
}

#[test]
fn dry_run_answers_269_with_the_cost_and_creates_no_job() {
    let mock = start(fast());
    let image = mock.upload();
    let answer = mock.send(
        "POST",
        "/v1/generate/custom/model_qwen-edit-multiangle?dryRun=true",
        Some(json!({ "image": image })),
    );
    assert_eq!(answer.status, 269);
    assert_eq!(answer.json()["creativeUnitsCost"], 5);
    assert_eq!(mock.send("GET", "/v1/jobs", None).json()["jobs"], json!([]));
}

#[test]
fn a_job_runs_queued_then_in_progress_with_rising_progress_then_success() {
    let mock = start(Knobs {
        job_duration_ms: 1000,
        ..Knobs::default()
    });
    let image = mock.upload();
    let created = mock.generate(&image);
    assert_eq!(created.status, 200);
    let body = created.json();
    assert_eq!(body["job"]["status"], "queued");
    assert_eq!(body["creativeUnitsCost"], 5);
    let id = body["job"]["jobId"].as_str().unwrap().to_string();
    let mut seen = Vec::new();
    let mut progress = Vec::new();
    for _ in 0..40 {
        let job = mock.send("GET", &format!("/v1/jobs/{id}"), None).json()["job"].clone();
        let status = job["status"].as_str().unwrap().to_string();
        if status == "in-progress" {
            progress.push(job["progress"].as_f64().unwrap());
        }
        if seen.last() != Some(&status) {
            seen.push(status.clone());
        }
        if status == "success" {
            assert_eq!(job["jobType"], "custom");
            assert_eq!(job["progress"], 1.0);
            assert_eq!(job["metadata"]["input"]["rotateDegrees"], 45);
            assert_eq!(job["statusHistory"].as_array().unwrap().len(), 3);
            let asset_ids = job["metadata"]["assetIds"].as_array().unwrap();
            assert_eq!(asset_ids.len(), 1);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(seen, ["queued", "in-progress", "success"]);
    assert!(
        progress.len() >= 3 && progress.windows(2).all(|w| w[0] <= w[1]),
        "{progress:?}"
    );
    assert!(progress.last().unwrap() > progress.first().unwrap());
}

#[test]
fn results_come_from_the_cdn_by_signed_expiring_urls_that_refuse_authorization() {
    let mock = start(Knobs {
        job_duration_ms: 50,
        ..Knobs::default()
    });
    let image = mock.upload();
    let id = mock.new_job(&image);
    std::thread::sleep(Duration::from_millis(120));
    let job = mock.send("GET", &format!("/v1/jobs/{id}"), None).json();
    let result_id = job["job"]["metadata"]["assetIds"][0]
        .as_str()
        .unwrap()
        .to_string();
    let bulk = mock.send(
        "POST",
        "/v1/assets/get-bulk",
        Some(json!({ "assetIds": [result_id, "asset_missing"] })),
    );
    let assets = bulk.json()["assets"].as_array().unwrap().clone();
    assert_eq!(assets.len(), 1);
    let url = assets[0]["url"].as_str().unwrap().to_string();
    assert!(
        url.starts_with(&format!("http://{}/assets/", mock.server.cdn_addr)),
        "CDN is a separate port: {url}"
    );

    let image_bytes = mock.cdn(&url, &[]);
    assert_eq!(image_bytes.status, 200);
    assert_eq!(image_bytes.header("content-type"), Some("image/png"));
    assert_eq!(image_bytes.header("access-control-allow-origin"), Some("*"));

    let with_auth = mock.cdn(&url, &[("Authorization", &auth())]);
    assert_eq!(with_auth.status, 403);
    let tampered = mock.cdn(&url.replace("Signature=", "Signature=9"), &[]);
    assert_eq!(tampered.status, 403);

    mock.server.set_knobs(|k| k.asset_url_ttl_secs = 0);
    let short = mock
        .send("GET", &format!("/v1/assets/{result_id}"), None)
        .json()["asset"]["url"]
        .as_str()
        .unwrap()
        .to_string();
    std::thread::sleep(Duration::from_millis(20));
    let expired = mock.cdn(&short, &[]);
    assert_eq!(expired.status, 403);
    assert!(expired.body.contains("expired"));

    let cdn_records: Vec<_> = mock
        .server
        .requests()
        .into_iter()
        .filter(|r| r.server == "cdn")
        .collect();
    assert_eq!(cdn_records.len(), 4);
    assert_eq!(
        cdn_records
            .iter()
            .filter(|r| r.header("authorization").is_some())
            .count(),
        1
    );
}

#[test]
fn job_listing_pages_newest_first() {
    let mock = start(fast());
    let image = mock.upload();
    let ids: Vec<String> = (0..3).map(|_| mock.new_job(&image)).collect();
    let first = mock.send("GET", "/v1/jobs?pageSize=2", None).json();
    let listed: Vec<&str> = first["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["jobId"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [ids[2].as_str(), ids[1].as_str()]);
    let token = first["nextPaginationToken"].as_str().unwrap();
    let second = mock
        .send(
            "GET",
            &format!("/v1/jobs?pageSize=2&paginationToken={token}"),
            None,
        )
        .json();
    assert_eq!(second["jobs"][0]["jobId"], ids[0].as_str());
    assert!(second.get("nextPaginationToken").is_none());
    assert_eq!(mock.send("GET", "/v1/jobs?pageSize=201", None).status, 400);
}

#[test]
fn cancel_is_refused_for_custom_jobs_unless_allowed() {
    let mock = start(Knobs {
        job_duration_ms: 5000,
        ..Knobs::default()
    });
    let image = mock.upload();
    let id = mock.new_job(&image);
    let refused = mock.send(
        "POST",
        &format!("/v1/jobs/{id}/action"),
        Some(json!({ "action": "cancel" })),
    );
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.json()["reason"],
        "Cannot cancel this type of job. Action not permitted."
    );
    assert_eq!(
        mock.send(
            "POST",
            "/v1/jobs/job_nope/action",
            Some(json!({ "action": "cancel" }))
        )
        .status,
        404
    );
    mock.server.set_knobs(|k| k.cancel_allowed = true);
    let canceled = mock.send(
        "POST",
        &format!("/v1/jobs/{id}/action"),
        Some(json!({ "action": "cancel" })),
    );
    assert_eq!(canceled.json()["job"]["status"], "canceled");
    assert_eq!(
        mock.send("GET", &format!("/v1/jobs/{id}"), None).json()["job"]["status"],
        "canceled"
    );
}

#[test]
fn model_description_and_unknown_ids() {
    let mock = start(fast());
    let model = mock
        .send("GET", "/v1/models/model_qwen-edit-multiangle", None)
        .json();
    let names = input_names(&model);
    assert_eq!(
        names,
        [
            "image",
            "prompt",
            "rotateDegrees",
            "moveForward",
            "verticalTilt",
            "useWideAngle",
            "aspectRatio",
            "loraScale",
            "goFast"
        ]
    );
    assert_eq!(mock.send("GET", "/v1/models/model_x", None).status, 404);
    mock.server.set_knobs(|k| {
        k.model_inputs = Some(json!([{ "name": "rotateDegrees", "min": -45, "max": 45 }]))
    });
    let narrowed = mock
        .send("GET", "/v1/models/model_qwen-edit-multiangle", None)
        .json();
    assert_eq!(narrowed["model"]["inputs"][0]["max"], 45);
    assert_eq!(mock.send("GET", "/v1/jobs/job_missing", None).status, 404);
    assert_eq!(
        mock.send("GET", "/v1/assets/asset_missing", None).status,
        404
    );
}

#[test]
fn failing_jobs_carry_error_and_hint() {
    let mock = start(Knobs {
        job_duration_ms: 30,
        fail_next_jobs: 1,
        ..Knobs::default()
    });
    let image = mock.upload();
    let failing = mock.new_job(&image);
    let fine = mock.new_job(&image);
    std::thread::sleep(Duration::from_millis(80));
    let job = mock
        .send("GET", &format!("/v1/jobs/{failing}"), None)
        .json()["job"]
        .clone();
    assert_eq!(job["status"], "failure");
    assert_eq!(
        job["metadata"]["error"],
        "The model could not process this image."
    );
    assert!(
        job["metadata"]["hint"]
            .as_str()
            .unwrap()
            .contains("plain background")
    );
    assert_eq!(
        mock.send("GET", &format!("/v1/jobs/{fine}"), None).json()["job"]["status"],
        "success"
    );
}

#[test]
fn unknown_status_knob() {
    let mock = start(Knobs {
        job_duration_ms: 2000,
        unknown_status: Some("dreaming".into()),
        ..Knobs::default()
    });
    let image = mock.upload();
    let id = mock.new_job(&image);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        mock.send("GET", &format!("/v1/jobs/{id}"), None).json()["job"]["status"],
        "dreaming"
    );
}

#[test]
fn rate_limit_with_and_without_retry_after() {
    let mock = start(fast());
    mock.server.set_knobs(|k| {
        k.faults = vec![
            Fault::next(
                FaultKind::RateLimit {
                    retry_after_secs: Some(3),
                    remaining_seconds: None,
                },
                "/jobs",
                1,
            ),
            Fault::next(
                FaultKind::RateLimit {
                    retry_after_secs: None,
                    remaining_seconds: Some(12),
                },
                "/jobs",
                1,
            ),
        ]
    });
    let first = mock.send("GET", "/v1/jobs", None);
    assert_eq!(
        (first.status, first.header("retry-after")),
        (429, Some("3"))
    );
    let second = mock.send("GET", "/v1/jobs", None);
    assert_eq!((second.status, second.header("retry-after")), (429, None));
    assert_eq!(second.json()["remainingSeconds"], 12);
    assert_eq!(
        mock.send("GET", "/v1/jobs", None).status,
        200,
        "spent faults stop firing"
    );
}

#[test]
fn error_rate_5xx_is_roughly_the_share_asked() {
    let mock = start(Knobs {
        error_rate_5xx: 0.3,
        ..fast()
    });
    let failures = (0..100)
        .filter(|_| mock.send("GET", "/v1/jobs", None).status == 503)
        .count();
    assert!((15..=45).contains(&failures), "{failures} of 100");
}

#[test]
fn latency_delays_answers() {
    let mock = start(Knobs {
        latency_ms: 300,
        ..fast()
    });
    let started = std::time::Instant::now();
    mock.send("GET", "/v1/jobs", None);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn dropped_connections_before_and_after_handling() {
    let mock = start(fast());
    let image = mock.upload();
    mock.server
        .set_knobs(|k| k.faults = vec![Fault::next(FaultKind::DropBefore, "/generate", 1)]);
    let path = "/v1/generate/custom/model_qwen-edit-multiangle";
    let cut = mock.try_send("POST", path, Some(json!({ "image": image })));
    assert!(cut.as_ref().map_or(true, |a| a.cut), "{cut:?}");
    assert_eq!(
        mock.send("GET", "/v1/jobs", None).json()["jobs"],
        json!([]),
        "nothing was created"
    );

    mock.server
        .set_knobs(|k| k.faults = vec![Fault::next(FaultKind::DropAfter, "/generate", 1)]);
    let cut = mock.try_send("POST", path, Some(json!({ "image": image })));
    assert!(
        cut.as_ref().map_or(true, |a| a.cut),
        "no usable answer: {cut:?}"
    );
    assert_eq!(
        mock.send("GET", "/v1/jobs", None).json()["jobs"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "the job exists"
    );
    let records = mock.server.requests();
    assert_eq!(
        records
            .iter()
            .filter(|r| r.path.contains("/generate") && r.status == 0)
            .count(),
        2
    );
}

#[test]
fn malformed_json_knob() {
    let mock = start(fast());
    mock.server
        .set_knobs(|k| k.faults = vec![Fault::next(FaultKind::Malformed, "/jobs", 1)]);
    let answer = mock.send("GET", "/v1/jobs", None);
    assert_eq!(answer.status, 200);
    assert!(serde_json::from_str::<Value>(&answer.body).is_err());
}

#[test]
fn cors_headers_on_and_off() {
    let mock = start(fast());
    let preflight = call(
        mock.server.api_addr,
        "OPTIONS",
        "/v1/jobs",
        &[
            ("Origin", "http://x"),
            ("Access-Control-Request-Headers", "authorization"),
        ],
        None,
    )
    .unwrap();
    assert!(
        (200..300).contains(&preflight.status),
        "a preflight passes with any 2xx: {}",
        preflight.status
    );
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    assert!(
        preflight
            .header("access-control-allow-headers")
            .unwrap()
            .to_ascii_lowercase()
            .contains("authorization"),
        "header names are case-insensitive"
    );
    assert_eq!(
        mock.send("GET", "/v1/jobs", None)
            .header("access-control-expose-headers")
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("retry-after"),
        "the app reads Retry-After from a 429"
    );
    mock.server.set_knobs(|k| k.cors = false);
    let blocked = call(
        mock.server.api_addr,
        "OPTIONS",
        "/v1/jobs",
        &[("Origin", "http://x")],
        None,
    )
    .unwrap();
    assert_eq!(blocked.header("access-control-allow-origin"), None);
    assert_eq!(
        mock.send("GET", "/v1/jobs", None)
            .header("access-control-allow-origin"),
        None
    );
}

#[test]
fn every_request_is_recorded_with_headers_and_body() {
    let mock = start(fast());
    let image = mock.upload();
    mock.generate(&image);
    let records = mock.server.requests();
    let generate = records
        .iter()
        .find(|r| r.path.ends_with("model_qwen-edit-multiangle"))
        .unwrap();
    assert_eq!(generate.method, "POST");
    assert_eq!(generate.header("authorization"), Some(auth().as_str()));
    assert_eq!(
        generate.json(),
        json!({ "image": image, "rotateDegrees": 45 })
    );
    assert_eq!(generate.status, 200);
    assert!(records[0].body_len > 0);
}

#[test]
fn control_endpoint_reads_and_merges_knobs_and_lists_requests() {
    let mock = start(fast());
    let addr = mock.server.api_addr;
    let set = call(addr, "POST", "/__control/knobs", &[], Some(r#"{"latencyMs":5,"faults":[{"kind":{"type":"status","status":503,"body":"{}"},"pathContains":"/jobs","remaining":1}]}"#)).unwrap();
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.json()["latencyMs"], 5);
    assert_eq!(
        set.json()["jobDurationMs"],
        400,
        "unmentioned knobs keep their value"
    );
    assert_eq!(mock.send("GET", "/v1/jobs", None).status, 503);
    let requests = call(addr, "GET", "/__control/requests", &[], None)
        .unwrap()
        .json();
    assert_eq!(
        requests["requests"].as_array().unwrap().len(),
        1,
        "control calls are not recorded"
    );
    assert_eq!(requests["requests"][0]["status"], 503);
    call(addr, "POST", "/__control/clear-requests", &[], None).unwrap();
    assert!(mock.server.requests().is_empty());
    assert_eq!(
        call(addr, "POST", "/__control/knobs", &[], Some("[1]"))
            .unwrap()
            .status,
        400
    );
    let reset = call(addr, "POST", "/__control/reset-knobs", &[], None)
        .unwrap()
        .json();
    assert_eq!(reset["latencyMs"], 0);
    assert_eq!(
        call(addr, "GET", "/__control/knobs", &[], None)
            .unwrap()
            .json()["cors"],
        true
    );
    assert_eq!(
        call(addr, "GET", "/__control/jobs", &[], None)
            .unwrap()
            .json()["jobs"],
        json!([])
    );
}

/// #20: the 2511 model is served beside the seed's, with its own inputs; a body holding a
/// field a model does not list is refused with the reason; `numOutputs` makes that many
/// results in one job.
#[test]
fn the_2511_model_takes_its_own_inputs_and_makes_several_takes() {
    let mock = start(fast());
    let model = mock
        .send("GET", "/v1/models/model_qwen-edit-multiangle-2511", None)
        .json();
    let names = input_names(&model);
    assert_eq!(
        names,
        [
            "images",
            "horizontalAngle",
            "verticalAngle",
            "zoom",
            "loraScale",
            "numOutputs",
            "numInferenceSteps",
            "guidanceScale",
            "acceleration",
            "seed"
        ]
    );
    let image = mock.upload();
    let path = "/v1/generate/custom/model_qwen-edit-multiangle-2511";
    let refused = |body: Value, reason: &str| {
        let answer = mock.send("POST", path, Some(body));
        assert_eq!(answer.status, 400, "{}", answer.body);
        assert!(answer.body.contains(reason), "{reason}: {}", answer.body);
    };
    refused(
        json!({ "image": image }),
        "image is not an input of this model",
    );
    refused(
        json!({ "images": [image], "prompt": "x" }),
        "prompt is not an input",
    );
    refused(
        json!({ "images": [image], "rotateDegrees": 45 }),
        "rotateDegrees is not an input",
    );
    refused(json!({ "images": [] }), "images must be one asset id");
    refused(
        json!({ "images": [image], "verticalAngle": -60 }),
        "verticalAngle must be between",
    );
    refused(
        json!({ "images": [image], "acceleration": "max" }),
        "acceleration must be one of",
    );
    // The seed model refuses the 2511's fields just the same.
    let seed = mock.send(
        "POST",
        "/v1/generate/custom/model_qwen-edit-multiangle",
        Some(json!({ "image": image, "horizontalAngle": 90 })),
    );
    assert_eq!(seed.status, 400, "{}", seed.body);
    assert!(
        seed.body.contains("horizontalAngle is not an input"),
        "{}",
        seed.body
    );

    let made = mock.send(
        "POST",
        path,
        Some(json!({ "images": [image], "horizontalAngle": 180, "verticalAngle": 30, "zoom": 10, "numOutputs": 3, "seed": 42 })),
    );
    assert_eq!(made.status, 200, "{}", made.body);
    let id = made.json()["job"]["jobId"].as_str().unwrap().to_string();
    std::thread::sleep(Duration::from_millis(500));
    let job = mock.send("GET", &format!("/v1/jobs/{id}"), None).json();
    assert_eq!(job["job"]["status"], "success");
    let assets = job["job"]["metadata"]["assetIds"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(assets.len(), 3, "three takes: {job}");
    for asset in assets {
        let asset = asset.as_str().unwrap();
        assert_eq!(
            mock.send("GET", &format!("/v1/assets/{asset}"), None)
                .status,
            200
        );
    }
}

#[test]
fn jobs_and_assets_made_elsewhere_list_newest_first_with_their_input_and_thumbnails() {
    let mock = start(fast());
    let mine = mock.new_job(&mock.upload());
    let seeded = call(
        mock.server.api_addr,
        "POST",
        "/__control/elsewhere",
        &[("Content-Type", "application/json")],
        Some(
            &json!({
                "image": PNG_1X1,
                "assets": ["crate.png", "lamp.png"],
                "jobs": [
                    { "modelId": "model_qwen-edit-multiangle", "input": { "rotateDegrees": 90 } },
                    { "modelId": "model_qwen-edit-multiangle-2511",
                      "input": { "horizontalAngle": 180, "numOutputs": 2 } },
                    { "modelId": "model_flux", "input": { "prompt": "a chair" } },
                ],
            })
            .to_string(),
        ),
    )
    .unwrap()
    .json();
    let job_ids = seeded["jobs"].as_array().unwrap();
    assert_eq!(job_ids.len(), 3);
    assert_eq!(seeded["results"][1].as_array().unwrap().len(), 2);
    // Newest first: this session's job, then the seeded ones from the newest back.
    let page = mock.send("GET", "/v1/jobs?pageSize=2", None).json();
    let listed: Vec<&str> = page["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["jobId"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [mine.as_str(), job_ids[2].as_str().unwrap()]);
    let token = page["nextPaginationToken"].as_str().unwrap();
    let rest = mock
        .send(
            "GET",
            &format!("/v1/jobs?pageSize=2&paginationToken={token}"),
            None,
        )
        .json();
    let older = &rest["jobs"];
    assert_eq!(older[0]["jobId"], job_ids[1]);
    assert_eq!(older[0]["status"], "success");
    assert_eq!(
        older[0]["metadata"]["input"]["modelId"],
        "model_qwen-edit-multiangle-2511"
    );
    assert_eq!(
        older[0]["metadata"]["input"]["images"],
        json!([seeded["assets"][0]])
    );
    assert_eq!(older[1]["metadata"]["input"]["image"], seeded["assets"][0]);
    assert!(rest.get("nextPaginationToken").is_none());
    // Assets newest first, each with a thumbnail link of its own, paged the same way.
    let assets = mock.send("GET", "/v1/assets?pageSize=200", None).json();
    let assets = assets["assets"].as_array().unwrap();
    assert_eq!(
        assets.len(),
        2 + 4 + 2,
        "two seeded, four results, my upload and result"
    );
    let names: Vec<&str> = assets
        .iter()
        .filter(|a| a["source"] == "uploaded")
        .map(|a| a["metadata"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["dot.png", "lamp.png", "crate.png"]);
    let thumbnail = assets[0]["thumbnail"]["url"].as_str().unwrap();
    assert!(thumbnail.contains("variant=thumbnail"));
    assert_eq!(mock.cdn(thumbnail, &[]).status, 200);
    let first = mock.send("GET", "/v1/assets?pageSize=3", None).json();
    assert_eq!(first["assets"].as_array().unwrap().len(), 3);
    assert_eq!(first["nextPaginationToken"], "3");
}
