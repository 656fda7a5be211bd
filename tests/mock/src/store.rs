//! The mock's memory: assets, jobs (whose status follows the clock), and every request seen.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use serde::Serialize;
use serde_json::{Value, json};

use crate::knobs::Knobs;
use crate::time::iso8601;

/// Share of a job's duration spent `queued` before it turns `in-progress`.
const QUEUED_SHARE: f64 = 0.15;

/// Longest request body kept verbatim in a record (uploads are megabytes).
const RECORDED_BODY_LIMIT: usize = 64 * 1024;

/// An uploaded or generated image.
#[derive(Debug, Clone)]
pub struct StoredAsset {
    pub id: String,
    pub name: String,
    pub bytes: Arc<Vec<u8>>,
    pub mime_type: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub created_ms: u64,
    /// `uploaded` or `generated`.
    pub origin: &'static str,
}

/// A job; its status is derived from the clock, so nothing runs in the background.
#[derive(Debug, Clone)]
pub struct StoredJob {
    pub id: String,
    /// The model the job ran (`metadata.input.modelId`, as Scenario records it).
    pub model_id: String,
    pub created_ms: u64,
    pub duration_ms: u64,
    /// The generate body as received.
    pub input: Value,
    /// One per take (`numOutputs`; the seed model makes one).
    pub result_asset_ids: Vec<String>,
    pub failure: Option<(String, Option<String>)>,
    pub unknown_status: Option<String>,
    pub canceled_ms: Option<u64>,
}

impl StoredJob {
    /// Status, progress and history at `now_ms`.
    pub fn phase(&self, now_ms: u64) -> (String, f64, Vec<(u64, String)>) {
        let running_at = self.created_ms + (self.duration_ms as f64 * QUEUED_SHARE) as u64;
        let final_at = self.created_ms + self.duration_ms;
        let mut history = vec![(self.created_ms, "queued".to_string())];
        let running_status = self
            .unknown_status
            .clone()
            .unwrap_or_else(|| "in-progress".to_string());
        if let Some(canceled) = self.canceled_ms.filter(|c| *c < final_at) {
            if canceled >= running_at {
                history.push((running_at, running_status));
            }
            history.push((canceled, "canceled".to_string()));
            return ("canceled".to_string(), self.fraction(canceled), history);
        }
        if now_ms < running_at {
            return ("queued".to_string(), 0.0, history);
        }
        history.push((running_at, running_status.clone()));
        if now_ms < final_at {
            return (running_status, self.fraction(now_ms), history);
        }
        let final_status = if self.failure.is_some() {
            "failure"
        } else {
            "success"
        };
        history.push((final_at, final_status.to_string()));
        let progress = if self.failure.is_some() {
            self.fraction(final_at)
        } else {
            1.0
        };
        (final_status.to_string(), progress, history)
    }

    fn fraction(&self, at_ms: u64) -> f64 {
        let elapsed = at_ms.saturating_sub(self.created_ms) as f64;
        let share = (elapsed / self.duration_ms.max(1) as f64).clamp(0.0, 1.0);
        (share * 100.0).floor() / 100.0
    }

    /// The job as `GET /jobs/{id}` shows it.
    pub fn to_json(&self, now_ms: u64) -> Value {
        let (status, progress, history) = self.phase(now_ms);
        let updated = history.last().map(|h| h.0).unwrap_or(self.created_ms);
        let asset_ids: Vec<&str> = if status == "success" {
            self.result_asset_ids.iter().map(String::as_str).collect()
        } else {
            Vec::new()
        };
        let mut input = self.input.clone();
        if let Value::Object(fields) = &mut input {
            fields
                .entry("modelId")
                .or_insert_with(|| json!(self.model_id));
        }
        let mut metadata = json!({
            "assetIds": asset_ids,
            "error": Value::Null,
            "input": input,
        });
        if status == "failure" {
            if let Some((error, hint)) = &self.failure {
                metadata["error"] = json!(error);
                if let Some(hint) = hint {
                    metadata["hint"] = json!(hint);
                }
            }
        }
        json!({
            "jobId": self.id,
            "jobType": "custom",
            "status": status,
            "progress": progress,
            "statusHistory": history
                .iter()
                .map(|(at, s)| json!({ "date": iso8601(*at), "status": s }))
                .collect::<Vec<_>>(),
            "createdAt": iso8601(self.created_ms),
            "updatedAt": iso8601(updated),
            "metadata": metadata,
            "billing": { "cuCost": 5, "cuDiscount": 0 },
        })
    }

    /// Whether the job's status can no longer change at `now_ms`.
    pub fn is_final(&self, now_ms: u64) -> bool {
        matches!(
            self.phase(now_ms).0.as_str(),
            "success" | "failure" | "canceled"
        )
    }
}

/// The user the mock's key belongs to, and its project (ids in Scenario's shapes).
pub const MOCK_USER_ID: &str = "user_mock0000000000000000";
pub const MOCK_PROJECT_ID: &str = "proj_mock0000000000000000";

/// One request as received, for tests to assert on.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedRequest {
    pub seq: u64,
    /// Milliseconds since the mock started.
    pub at_ms: u64,
    /// `api` or `cdn`.
    pub server: &'static str,
    pub method: String,
    pub path: String,
    pub query: String,
    /// Header names lower-cased, in arrival order.
    pub headers: Vec<(String, String)>,
    /// The body as text, cut at 64 KiB (see `body_len`).
    pub body: String,
    pub body_len: usize,
    /// The status answered; 0 when the connection was dropped on purpose.
    pub status: u16,
}

impl RecordedRequest {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, `Null` when it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// Cuts a body for recording.
    pub fn body_text(bytes: &[u8]) -> String {
        let cut = &bytes[..bytes.len().min(RECORDED_BODY_LIMIT)];
        String::from_utf8_lossy(cut).into_owned()
    }
}

/// The key pair id on every signed link (CloudFront's `Key-Pair-Id`).
pub const KEY_PAIR_ID: &str = "K2MOCKKEYPAIR0";

/// A CloudFront custom policy for `resource` until `expires_secs`, in CloudFront's URL-safe
/// base64 (`-` for `+`, `_` for `=`, `~` for `/`).
pub fn policy(resource: &str, expires_secs: u64) -> String {
    use base64::Engine as _;
    let json = json!({ "Statement": [{
        "Resource": resource,
        "Condition": { "DateLessThan": { "AWS:EpochTime": expires_secs } },
    }] });
    base64::engine::general_purpose::STANDARD
        .encode(json.to_string())
        .chars()
        .map(|c| match c {
            '+' => '-',
            '=' => '_',
            '/' => '~',
            other => other,
        })
        .collect()
}

/// The expiry (seconds since the epoch) a link's `Policy` names.
pub fn policy_expiry_secs(policy: &str) -> Option<u64> {
    use base64::Engine as _;
    let standard: String = policy
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '=',
            '~' => '/',
            other => other,
        })
        .collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(standard)
        .ok()?;
    let json: Value = serde_json::from_slice(&bytes).ok()?;
    json["Statement"][0]["Condition"]["DateLessThan"]["AWS:EpochTime"].as_u64()
}

/// All the mock's state, behind one mutex.
#[derive(Debug)]
pub struct Store {
    pub knobs: Knobs,
    pub assets: HashMap<String, StoredAsset>,
    /// Jobs in creation order.
    pub jobs: Vec<StoredJob>,
    pub records: Vec<RecordedRequest>,
    pub started_ms: u64,
    next_id: u64,
    rng: u64,
    signing_salt: u64,
}

impl Store {
    /// An empty store with these knobs.
    pub fn new(knobs: Knobs, started_ms: u64) -> Self {
        let rng = knobs.seed | 1;
        Store {
            knobs,
            assets: HashMap::new(),
            jobs: Vec::new(),
            records: Vec::new(),
            started_ms,
            next_id: 1,
            rng,
            signing_salt: started_ms ^ 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// A fresh id with this prefix (`asset_0001`, `job_0002`).
    pub fn new_id(&mut self, prefix: &str) -> String {
        let id = format!("{prefix}_{:04}", self.next_id);
        self.next_id += 1;
        id
    }

    /// A deterministic pseudo-random number in 0..1 (xorshift64).
    pub fn random(&mut self) -> f64 {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        (x >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Resets the random source (after the seed knob changed).
    pub fn reseed(&mut self) {
        self.rng = self.knobs.seed | 1;
    }

    /// Signature of a CDN link for `asset_id` under `policy` (as it stands in the link).
    pub fn sign(&self, asset_id: &str, policy: &str) -> String {
        let mut hasher = DefaultHasher::new();
        (self.signing_salt, asset_id, policy).hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }

    /// The asset as the API shows it, with a freshly signed CDN URL on `cdn_base`.
    pub fn asset_json(&self, asset: &StoredAsset, cdn_base: &str, now_ms: u64) -> Value {
        let expires_secs = (now_ms + self.knobs.asset_url_ttl_secs * 1000) / 1000;
        let path = format!("/assets/{}", asset.id);
        let policy = policy(&format!("{cdn_base}{path}"), expires_secs);
        let url = format!(
            "{cdn_base}{path}?Policy={policy}&Signature={}&Key-Pair-Id={KEY_PAIR_ID}",
            self.sign(&asset.id, &policy)
        );
        // Every field the official SDK's `Asset` requires, with the values Scenario gives
        // an image in a private project (`origin` is both `metadata.type` and `source`).
        json!({
            "id": asset.id,
            "url": url,
            "mimeType": asset.mime_type,
            "kind": "image",
            "source": asset.origin,
            "status": "success",
            "privacy": "private",
            "authorId": MOCK_USER_ID,
            "ownerId": MOCK_PROJECT_ID,
            "collectionIds": [],
            "tags": [],
            "editCapabilities": ["PROMPT_EDITING", "REMOVE_BACKGROUND", "UPSCALE"],
            "properties": {
                "size": asset.bytes.len(),
                "width": asset.width,
                "height": asset.height,
            },
            "metadata": { "name": asset.name, "kind": "image", "type": asset.origin },
            // The mock's thumbnail is the image itself, under a link of its own.
            "thumbnail": { "assetId": asset.id, "url": format!("{url}&variant=thumbnail") },
            "createdAt": iso8601(asset.created_ms),
            "updatedAt": iso8601(asset.created_ms),
        })
    }

    /// The assets newest first (ids break ties: they grow with time).
    pub fn assets_newest_first(&self) -> Vec<&StoredAsset> {
        let mut assets: Vec<&StoredAsset> = self.assets.values().collect();
        assets.sort_by(|a, b| (b.created_ms, &b.id).cmp(&(a.created_ms, &a.id)));
        assets
    }

    /// The jobs newest first (jobs made "elsewhere" are back-dated).
    pub fn jobs_newest_first(&self) -> Vec<&StoredJob> {
        let mut jobs: Vec<(usize, &StoredJob)> = self.jobs.iter().enumerate().collect();
        jobs.sort_by(|(ia, a), (ib, b)| (b.created_ms, ib).cmp(&(a.created_ms, ia)));
        jobs.into_iter().map(|(_, job)| job).collect()
    }

    /// Index of the job with this id.
    pub fn job_index(&self, id: &str) -> Option<usize> {
        self.jobs.iter().position(|j| j.id == id)
    }
}
