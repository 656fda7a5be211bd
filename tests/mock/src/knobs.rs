//! The mock's behaviour switches: settable at start (command line), through
//! `POST /__control/knobs` (JSON, merged into the current knobs), or in-process.

use serde::{Deserialize, Serialize};

/// Everything a test can change about how the mock behaves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Knobs {
    /// How long a new job takes from creation to its final status.
    pub job_duration_ms: u64,
    /// Added before every API answer.
    pub latency_ms: u64,
    /// Probability (0..1) that any `/v1` request answers 503.
    pub error_rate_5xx: f64,
    /// Send CORS headers and answer preflights. Off: the browser blocks every call.
    pub cors: bool,
    /// The next this-many new jobs end in `failure` with the error and hint below.
    pub fail_next_jobs: u32,
    pub failure_error: String,
    pub failure_hint: Option<String>,
    /// New jobs report this status (not in the contract) while running.
    pub unknown_status: Option<String>,
    /// Whether `POST /jobs/{id}/action` cancels; off, it answers the real API's 400.
    pub cancel_allowed: bool,
    /// Lifetime of signed CDN URLs handed out from now on.
    pub asset_url_ttl_secs: u64,
    /// The CDN answers the next this-many downloads `403 Request has expired`, as a real CDN
    /// does once a signed link's time is up.
    #[serde(default)]
    pub cdn_expire_next: u32,
    /// Targeted faults, tried in order; the first that matches a request fires.
    pub faults: Vec<Fault>,
    /// Replaces the model's `inputs` in `GET /models/{id}` (to test model-driven ranges).
    pub model_inputs: Option<serde_json::Value>,
    /// Seed of the deterministic random source behind `error_rate_5xx` and fault probabilities.
    pub seed: u64,
    /// New jobs' "generated" image: these PNG bytes (base64) instead of the input's, for
    /// tests that must tell a result from its original.
    #[serde(default)]
    pub result_png_base64: Option<String>,
    /// New jobs' images in turn (the n-th job made gets the n-th, cycling), before
    /// `result_png_base64`: tests that must tell results apart.
    #[serde(default)]
    pub result_png_sequence: Vec<String>,
    /// At most this many result assets per job, whatever `numOutputs` asked (a model that
    /// sends fewer takes than asked).
    #[serde(default)]
    pub max_outputs: Option<usize>,
}

impl Default for Knobs {
    fn default() -> Self {
        Knobs {
            job_duration_ms: 6_000,
            latency_ms: 0,
            error_rate_5xx: 0.0,
            cors: true,
            fail_next_jobs: 0,
            failure_error: "The model could not process this image.".to_string(),
            failure_hint: Some("Try a clearer subject on a plain background.".to_string()),
            unknown_status: None,
            cancel_allowed: false,
            asset_url_ttl_secs: 86_400,
            cdn_expire_next: 0,
            faults: Vec::new(),
            model_inputs: None,
            seed: 0x5eed,
            result_png_base64: None,
            result_png_sequence: Vec::new(),
            max_outputs: None,
        }
    }
}

/// One injected fault and the requests it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    pub kind: FaultKind,
    /// Only requests whose path contains this text (e.g. `/generate`, `/jobs/`).
    #[serde(default)]
    pub path_contains: Option<String>,
    /// Only this method (`GET`, `POST`).
    #[serde(default)]
    pub method: Option<String>,
    /// Fires this many times, then is spent; `None` fires forever.
    #[serde(default)]
    pub remaining: Option<u32>,
    /// Chance (0..1) of firing on a matching request.
    #[serde(default = "always")]
    pub probability: f64,
}

fn always() -> f64 {
    1.0
}

impl Fault {
    /// A fault that fires on the next `count` requests whose path contains `path`.
    pub fn next(kind: FaultKind, path: &str, count: u32) -> Self {
        Fault {
            kind,
            path_contains: (!path.is_empty()).then(|| path.to_string()),
            method: None,
            remaining: Some(count),
            probability: 1.0,
        }
    }

    /// Whether this fault applies to `method` + `path` (ignoring `remaining`/`probability`).
    pub fn matches(&self, method: &str, path: &str) -> bool {
        self.path_contains
            .as_deref()
            .is_none_or(|needle| path.contains(needle))
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.remaining != Some(0)
    }
}

/// What a fault does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FaultKind {
    /// Answer this status with this body instead of handling the request.
    Status { status: u16, body: String },
    /// Answer 429, with `Retry-After` and/or a `remainingSeconds` body field when given.
    #[serde(rename_all = "camelCase")]
    RateLimit {
        retry_after_secs: Option<u64>,
        remaining_seconds: Option<u64>,
    },
    /// 429 whose body names the account's limit (`details.actionLimit`), as Scenario answers
    /// a team over its parallel custom jobs.
    ActionLimit { limit: u32 },
    /// Cut the connection without handling the request.
    DropBefore,
    /// Handle the request (a job IS created), then cut the connection after the status line
    /// and the first bytes of the body: the answer is lost, and no browser resends it.
    DropAfter,
    /// Handle the request, then answer 200 with a truncated JSON body.
    Malformed,
    /// Wait this long, then carry on (other faults may still fire).
    #[serde(rename_all = "camelCase")]
    Latency { ms: u64 },
}
