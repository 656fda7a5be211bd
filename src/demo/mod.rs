//! Demo mode: a simulated Scenario inside the page. An [`ApiConfig`] made by [`config`] has
//! the backend [`Backend::Demo`], and `api::http::send` hands each of its requests to [`send`]
//! here instead of to the network: the same request builders and decoders run, jobs go through the real statuses with realistic timing, and the
//! "results" are honest illustrations — the input turned, squeezed and zoomed in a canvas toward
//! the requested angle, stamped "DEMO — illustration, not model output" with the parameters.
//! Nothing leaves the browser.
//!
//! ```
//! use angleshot::api::request::Backend;
//! let config = angleshot::demo::config();
//! assert!(matches!(config.backend, Backend::Demo(_)));
//! assert!(config.has_credentials());
//! ```

mod illustration;
pub mod models;

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use serde_json::{Value, json};

use crate::api::request::{ApiConfig, ApiRequest, Backend, Method};
use crate::api::response::RawResponse;
use illustration::illustrate;

/// The base the demo's requests are addressed to (only [`send`] reads it).
const DEMO_BASE: &str = "demo://scenario/v1";

/// How long a demo job takes, and when it leaves the queue.
const JOB_MS: f64 = 4_000.0;
const QUEUED_MS: f64 = 700.0;

/// The API config of the simulated backend, with a stand-in key.
pub fn config() -> ApiConfig {
    ApiConfig {
        backend: Backend::Demo(answer_boxed),
        ..ApiConfig::new(DEMO_BASE, "demo", "demo")
    }
}

fn answer_boxed(request: ApiRequest) -> Pin<Box<dyn Future<Output = RawResponse>>> {
    Box::pin(send(request))
}

struct DemoAsset {
    /// A `data:` URL of the image.
    url: Option<String>,
    /// For a result not drawn yet: the job that makes it.
    made_by: Option<(String, Value)>,
}

struct DemoJob {
    id: String,
    created_ms: f64,
    /// The generate body as received (checked against the model's inputs).
    body: Value,
    /// One asset per take.
    results: Vec<String>,
}

#[derive(Default)]
struct DemoState {
    next: u64,
    // A list: a demo session makes a few dozen assets (and no map code in the wasm).
    assets: Vec<(String, DemoAsset)>,
    jobs: Vec<DemoJob>,
}

thread_local! {
    static STATE: RefCell<DemoState> = RefCell::new(DemoState::default());
}

impl DemoState {
    fn asset(&self, id: &str) -> Option<&DemoAsset> {
        self.assets.iter().find(|(k, _)| k == id).map(|(_, a)| a)
    }

    fn asset_mut(&mut self, id: &str) -> Option<&mut DemoAsset> {
        self.assets
            .iter_mut()
            .find(|(k, _)| k == id)
            .map(|(_, a)| a)
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn new_id(state: &mut DemoState, prefix: &str) -> String {
    state.next += 1;
    format!("{prefix}_demo{:04}", state.next)
}

fn answer(status: u16, body: Value) -> RawResponse {
    RawResponse {
        status,
        retry_after: None,
        text: body.to_string(),
    }
}

fn error(status: u16, reason: &str) -> RawResponse {
    answer(status, json!({ "reason": reason }))
}

fn iso(ms: f64) -> String {
    crate::util::time::iso8601(ms)
}

fn job_json(job: &DemoJob, now: f64) -> Value {
    let age = now - job.created_ms;
    let (status, progress) = if age < QUEUED_MS {
        ("queued", 0.0)
    } else if age < JOB_MS {
        (
            "in-progress",
            ((age - QUEUED_MS) / (JOB_MS - QUEUED_MS) * 100.0).floor() / 100.0,
        )
    } else {
        ("success", 1.0)
    };
    let assets: Vec<&str> = if status == "success" {
        job.results.iter().map(String::as_str).collect()
    } else {
        vec![]
    };
    json!({
        "jobId": job.id,
        "jobType": "custom",
        "status": status,
        "progress": progress,
        "createdAt": iso(job.created_ms),
        "updatedAt": iso(now),
        "metadata": { "assetIds": assets, "error": null, "input": job.body },
        "billing": { "cuCost": 0, "cuDiscount": 0 },
    })
}

/// Answers one request as Scenario would, without any network.
pub async fn send(request: ApiRequest) -> RawResponse {
    let path = request
        .url
        .strip_prefix(DEMO_BASE)
        .unwrap_or(&request.url)
        .to_string();
    let (path, query) = path.split_once('?').unwrap_or((path.as_str(), ""));
    let body: Value = request
        .body
        .as_deref()
        .and_then(|b| crate::util::json::parse(b).ok())
        .unwrap_or(Value::Null);
    let now = now_ms();
    match (request.method, path) {
        (Method::Post, "/assets") => upload(&body),
        (Method::Post, p) if p.starts_with("/generate/custom/") => generate(
            &p["/generate/custom/".len()..],
            body,
            query.contains("dryRun=true"),
            now,
        ),
        (Method::Get, "/jobs") => STATE.with(|s| {
            let s = s.borrow();
            let jobs: Vec<Value> = s.jobs.iter().rev().map(|j| job_json(j, now)).collect();
            answer(200, json!({ "jobs": jobs, "nextPaginationToken": null }))
        }),
        (Method::Post, p) if p.starts_with("/jobs/") && p.ends_with("/action") => answer(
            400,
            json!({ "reason": "Cannot cancel this type of job. Action not permitted." }),
        ),
        (Method::Get, p) if p.starts_with("/jobs/") => STATE.with(|s| {
            let id = &p["/jobs/".len()..];
            match s.borrow().jobs.iter().find(|j| j.id == id) {
                Some(job) => answer(200, json!({ "job": job_json(job, now) })),
                None => error(404, &format!("Job {id} not found")),
            }
        }),
        (Method::Post, "/assets/get-bulk") => {
            let ids: Vec<String> = body["assetIds"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            let mut assets = Vec::new();
            for id in ids {
                if let Some(asset) = asset_json(&id).await {
                    assets.push(asset);
                }
            }
            answer(200, json!({ "assets": assets }))
        }
        (Method::Get, p) if p.starts_with("/assets/") => {
            let id = p["/assets/".len()..].to_string();
            match asset_json(&id).await {
                Some(asset) => answer(200, json!({ "asset": asset })),
                None => error(404, &format!("Asset {id} not found")),
            }
        }
        (Method::Get, p) if p.starts_with("/models/") => {
            match models::description(&p["/models/".len()..]) {
                Some(model) => answer(200, json!({ "model": model })),
                None => error(404, "Model not found in the demo"),
            }
        }
        _ => error(404, "Not found in the demo"),
    }
}

fn upload(body: &Value) -> RawResponse {
    let Some(image) = body["image"]
        .as_str()
        .filter(|i| i.starts_with("data:image/"))
    else {
        return error(400, "image must be a data URL");
    };
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let id = new_id(&mut s, "asset");
        s.assets.push((
            id.clone(),
            DemoAsset {
                url: Some(image.to_string()),
                made_by: None,
            },
        ));
        answer(
            200,
            json!({ "asset": { "id": id, "mimeType": "image/png" } }),
        )
    })
}

fn generate(model_id: &str, body: Value, dry_run: bool, now: f64) -> RawResponse {
    if models::description(model_id).is_none() {
        return error(404, "Model not found in the demo");
    }
    if let Some(reason) = models::invalid(model_id, &body) {
        return error(400, &reason);
    }
    if dry_run {
        return answer(
            200,
            json!({ "creativeUnitsCost": 0, "creativeUnitsDiscount": 0 }),
        );
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let input = models::input_asset(&body).unwrap_or_default().to_string();
        if s.asset(&input).is_none() {
            return error(400, &format!("Asset {input} not found"));
        }
        let id = new_id(&mut s, "job");
        let results: Vec<String> = (0..models::takes(&body))
            .map(|_| {
                let result = new_id(&mut s, "asset");
                s.assets.push((
                    result.clone(),
                    DemoAsset {
                        url: None,
                        made_by: Some((input.clone(), body.clone())),
                    },
                ));
                result
            })
            .collect();
        let job = DemoJob {
            id,
            created_ms: now,
            body,
            results,
        };
        let json = json!({ "job": job_json(&job, now), "creativeUnitsCost": 0, "creativeUnitsDiscount": 0 });
        s.jobs.push(job);
        answer(200, json)
    })
}

/// The asset as the API describes it; a result is drawn the first time it is asked for.
async fn asset_json(id: &str) -> Option<Value> {
    let pending = STATE.with(|s| {
        let s = s.borrow();
        let asset = s.asset(id)?;
        Some(match (&asset.url, &asset.made_by) {
            (Some(url), _) => Ok(url.clone()),
            (None, Some((input, body))) => {
                Err((s.asset(input).and_then(|a| a.url.clone()), body.clone()))
            }
            (None, None) => Ok(String::new()),
        })
    })?;
    let url = match pending {
        Ok(url) => url,
        Err((Some(input), body)) => {
            let drawn = illustrate(&input, &body).await.unwrap_or(input);
            STATE.with(|s| {
                if let Some(asset) = s.borrow_mut().asset_mut(id) {
                    asset.url = Some(drawn.clone());
                }
            });
            drawn
        }
        Err((None, _)) => return None,
    };
    Some(json!({ "id": id, "url": url, "mimeType": "image/png" }))
}
