//! Every response shape in the contract decodes, and malformed ones become errors, not panics.

use angleshot::api::error::{ApiError, ErrorClass};
use angleshot::api::response::{CancelOutcome, RawResponse, decode, decode_cancel, decode_cost};
use angleshot::api::types::{
    AssetEnvelope, AssetsEnvelope, GenerateResponse, JobEnvelope, JobStatus, JobsPage,
    ModelEnvelope,
};

fn ok(text: &str) -> RawResponse {
    RawResponse::new(200, None, text)
}

#[test]
fn full_job_decodes_every_documented_field() {
    let raw = ok(
        r#"{"job":{"jobId":"job_1","jobType":"custom","status":"failure","progress":0.42,
        "statusHistory":[{"date":"2026-11-24T10:00:00Z","status":"queued"},{"date":"2026-11-24T10:00:05Z","status":"failure"}],
        "createdAt":"2026-11-24T10:00:00Z","updatedAt":"2026-11-24T10:00:05Z",
        "metadata":{"assetIds":[],"error":"NSFW content","hint":"Try another image","input":{"rotateDegrees":45}},
        "billing":{"cuCost":5,"cuDiscount":1},"unexpected":"ignored"}}"#,
    );
    let job = decode::<JobEnvelope>(&raw).unwrap().job;
    assert_eq!(job.job_id, "job_1");
    assert_eq!(job.job_type.as_deref(), Some("custom"));
    assert_eq!(job.status, JobStatus::Failure);
    assert_eq!(job.progress_fraction(), Some(0.42));
    assert_eq!(job.status_history.len(), 2);
    assert_eq!(job.status_history[1].status, JobStatus::Failure);
    assert_eq!(job.error(), Some("NSFW content"));
    assert_eq!(job.hint(), Some("Try another image"));
    assert_eq!(job.billing.as_ref().and_then(|b| b.cu_cost), Some(5.0));
    assert_eq!(job.created_at.as_deref(), Some("2026-11-24T10:00:00Z"));
}

#[test]
fn minimal_job_from_the_seed_page_decodes() {
    let job = decode::<JobEnvelope>(&ok(r#"{"job":{"jobId":"job_abc123","status":"success","metadata":{"assetIds":["asset_abc123"]}}}"#))
        .unwrap()
        .job;
    assert_eq!(job.asset_ids(), ["asset_abc123".to_string()]);
    assert!(job.status.is_final());
    assert_eq!(job.progress, None);
    assert_eq!(job.error(), None);
}

#[test]
fn all_eight_statuses_and_unknown_ones() {
    let known = [
        "pending",
        "queued",
        "warming-up",
        "in-progress",
        "finalizing",
        "success",
        "failure",
        "canceled",
    ];
    for text in known {
        let status = JobStatus::from_wire(text);
        assert!(!matches!(status, JobStatus::Unknown(_)), "{text}");
        assert_eq!(status.as_wire(), text);
        assert_eq!(
            status.is_final(),
            ["success", "failure", "canceled"].contains(&text)
        );
    }
    let job = decode::<JobEnvelope>(&ok(
        r#"{"job":{"jobId":"j","status":"rendering-in-space"}}"#,
    ))
    .unwrap()
    .job;
    assert_eq!(job.status, JobStatus::Unknown("rendering-in-space".into()));
    assert!(!job.status.is_final(), "unknown statuses keep being polled");
}

#[test]
fn wrong_types_in_optional_fields_are_tolerated() {
    let raw = ok(
        r#"{"job":{"jobId":"j","status":7,"progress":"0.5","statusHistory":"nope",
        "metadata":{"assetIds":["a",3,null,"b"],"error":{"code":1},"hint":null},"billing":"free","createdAt":12}}"#,
    );
    let job = decode::<JobEnvelope>(&raw).unwrap().job;
    assert_eq!(job.status, JobStatus::Unknown("7".into()));
    assert_eq!(job.progress, Some(0.5));
    assert!(job.status_history.is_empty());
    assert_eq!(job.asset_ids(), ["a".to_string(), "b".to_string()]);
    assert_eq!(job.error(), Some(r#"{"code":1}"#));
    assert_eq!(job.billing, None);
    assert_eq!(job.created_at.as_deref(), Some("12"));
}

#[test]
fn out_of_range_progress_is_clamped() {
    let job = decode::<JobEnvelope>(&ok(
        r#"{"job":{"jobId":"j","status":"in-progress","progress":7}}"#,
    ))
    .unwrap()
    .job;
    assert_eq!(job.progress_fraction(), Some(1.0));
}

#[test]
fn malformed_bodies_are_decode_errors() {
    for text in [
        "",
        "not json",
        "{\"job\": {\"jobId\": \"job_trunc",
        "{}",
        "{\"job\":{}}",
        "[]",
        "{\"job\":null}",
    ] {
        match decode::<JobEnvelope>(&ok(text)) {
            Err(ApiError::Decode {
                status: 200, raw, ..
            }) => assert_eq!(raw, text),
            other => panic!("{text:?} gave {other:?}"),
        }
    }
}

#[test]
fn generate_answer_with_cost() {
    let answer = decode::<GenerateResponse>(&ok(
        r#"{"job":{"jobId":"job_1","status":"queued"},"creativeUnitsCost":5,"creativeUnitsDiscount":0}"#,
    ))
    .unwrap();
    assert_eq!(answer.job.status, JobStatus::Queued);
    assert_eq!(answer.creative_units_cost, Some(5.0));
    assert_eq!(answer.creative_units_discount, Some(0.0));
}

#[test]
fn dry_run_269_is_a_success_and_keeps_raw_text() {
    let raw = RawResponse::new(
        269,
        None,
        r#"{"creativeUnitsCost":5,"creativeUnitsDiscount":0}"#,
    );
    let estimate = decode_cost(&raw).unwrap();
    assert_eq!(estimate.creative_units_cost, Some(5.0));
    assert_eq!(estimate.raw, raw.text);
    let odd = decode_cost(&RawResponse::new(269, None, r#"{"cost":{"cu":5}}"#)).unwrap();
    assert_eq!(odd.creative_units_cost, None);
    assert!(odd.raw.contains("\"cu\":5"));
}

#[test]
fn assets_single_and_bulk() {
    let asset = decode::<AssetEnvelope>(&ok(
        r#"{"asset":{"id":"asset_1","url":"https://cdn/x?sig=1","mimeType":"image/png",
        "properties":{"size":123,"width":1024,"height":768},"thumbnail":{"assetId":"asset_t","url":"https://cdn/t"},"metadata":{"k":1}}}"#,
    ))
    .unwrap()
    .asset;
    assert_eq!(asset.url.as_deref(), Some("https://cdn/x?sig=1"));
    let props = asset.properties.unwrap();
    assert_eq!(
        (props.width, props.height, props.size),
        (Some(1024.0), Some(768.0), Some(123.0))
    );
    assert_eq!(
        asset.thumbnail.unwrap().asset_id.as_deref(),
        Some("asset_t")
    );

    let bulk = decode::<AssetsEnvelope>(&ok(
        r#"{"assets":[{"id":"a1","url":"u1"},{"noId":true},{"id":"a2"}]}"#,
    ))
    .unwrap();
    let ids: Vec<&str> = bulk.assets.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2"]);
}

#[test]
fn jobs_page_with_and_without_token() {
    let page = decode::<JobsPage>(&ok(r#"{"jobs":[{"jobId":"j2","status":"queued"},{"jobId":"j1","status":"success"}],"nextPaginationToken":"abc"}"#)).unwrap();
    assert_eq!(page.jobs.len(), 2);
    assert_eq!(page.next_pagination_token.as_deref(), Some("abc"));
    assert_eq!(
        decode::<JobsPage>(&ok(r#"{"jobs":[]}"#))
            .unwrap()
            .next_pagination_token,
        None
    );
}

#[test]
fn model_inputs_carry_ranges() {
    let model = decode::<ModelEnvelope>(&ok(r#"{"model":{"id":"model_qwen-edit-multiangle","inputs":[
        {"name":"rotateDegrees","type":"number","min":-90,"max":90,"step":45,"default":0,"label":"Rotate"},
        {"name":"aspectRatio","type":"string","allowedValues":["match_input_image","1:1"]},
        {"type":"number"}]}}"#)).unwrap().model;
    assert_eq!(model.inputs.len(), 2, "an input without a name is skipped");
    let rotate = &model.inputs[0];
    assert_eq!(
        (rotate.min, rotate.max, rotate.step),
        (Some(-90.0), Some(90.0), Some(45.0))
    );
    assert_eq!(rotate.kind.as_deref(), Some("number"));
    assert_eq!(model.inputs[1].allowed_values.len(), 2);
}

#[test]
fn errors_keep_status_reason_and_raw_text() {
    let err = decode::<JobEnvelope>(&RawResponse::new(
        400,
        None,
        r#"{"reason":"image is required","details":{"field":"image"}}"#,
    ))
    .unwrap_err();
    match &err {
        ApiError::Http {
            status: 400,
            body,
            retry_after_secs: None,
        } => {
            assert_eq!(body.reason.as_deref(), Some("image is required"));
            assert!(body.details.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.class(), ErrorClass::Rejected);
    assert!(err.user_message().contains("image is required"));

    let html = decode::<JobEnvelope>(&RawResponse::new(502, None, "<html>Bad gateway</html>"))
        .unwrap_err();
    assert_eq!(html.class(), ErrorClass::ServerError);
    assert!(
        html.user_message().contains("<html>Bad gateway</html>"),
        "raw text is the fallback"
    );
    assert!(html.is_transient());

    let named = ApiError::from_status(
        403,
        None,
        r#"{"name":"ModelAccessRestrictedError","message":"Upgrade your plan"}"#,
    );
    assert_eq!(named.class(), ErrorClass::Forbidden);
    assert!(named.user_message().contains("plan or key scope"));
    assert!(named.user_message().contains("Upgrade your plan"));
    assert!(!named.is_transient());
}

#[test]
fn rate_limit_wait_comes_from_header_then_body() {
    let header = ApiError::from_status(429, Some("7"), r#"{"remainingSeconds":30}"#);
    assert_eq!(
        header.class(),
        ErrorClass::RateLimited {
            retry_after_secs: Some(7.0)
        }
    );
    let body = ApiError::from_status(429, None, r#"{"reason":"slow down","remainingSeconds":30}"#);
    assert_eq!(
        body.class(),
        ErrorClass::RateLimited {
            retry_after_secs: Some(30.0)
        }
    );
    let neither = ApiError::from_status(429, Some("Wed, 21 Oct 2015 07:28:00 GMT"), "");
    assert_eq!(
        neither.class(),
        ErrorClass::RateLimited {
            retry_after_secs: None
        }
    );
    assert!(body.user_message().contains("30 s"));
}

#[test]
fn network_failures_point_to_the_proxy_setting() {
    let err = ApiError::Network {
        message: "TypeError: Failed to fetch".into(),
    };
    assert_eq!(err.status(), None);
    assert_eq!(err.class(), ErrorClass::Unreachable);
    assert!(err.user_message().contains("set a proxy base URL"));
    assert!(
        !err.user_message().contains("Tried"),
        "nothing named, nothing said"
    );
    // The address the browser tried is said, without the query (a CDN link's signature).
    let tried = ApiError::Network {
        message: "tried http://127.0.0.1:9/v1/generate/custom/model_x: TypeError: Failed to fetch"
            .into(),
    };
    assert!(
        tried
            .user_message()
            .ends_with("Tried http://127.0.0.1:9/v1/generate/custom/model_x."),
        "{}",
        tried.user_message()
    );
    assert_eq!(
        ApiError::from_status(401, None, "").class(),
        ErrorClass::BadCredentials
    );
    assert!(
        ApiError::from_status(401, None, "")
            .user_message()
            .contains("key or secret rejected")
    );
    assert_eq!(
        ApiError::from_status(404, None, "").class(),
        ErrorClass::NotFound
    );
}

#[test]
fn cancel_400_means_stop_watching_not_an_error() {
    let refused = decode_cancel(&RawResponse::new(
        400,
        None,
        r#"{"reason":"Cannot cancel this type of job. Action not permitted."}"#,
    ))
    .unwrap();
    assert_eq!(
        refused,
        CancelOutcome::NotPermitted {
            reason: "Cannot cancel this type of job. Action not permitted.".into()
        }
    );
    assert_eq!(
        decode_cancel(&ok(r#"{"job":{}}"#)).unwrap(),
        CancelOutcome::Canceled
    );
    assert!(decode_cancel(&RawResponse::new(500, None, "")).is_err());
}

#[test]
fn long_raw_bodies_are_cut_in_messages() {
    let long = "x".repeat(5000);
    let message = ApiError::from_status(500, None, &long).user_message();
    assert!(message.len() < 600, "{}", message.len());
}
