//! The account's own work, as "Jobs from your account" and "Choose from your account" list
//! it: jobs of the multi-angle models made on another device or in Scenario's web app, read
//! back from `metadata.input`, and image assets to start from.
//!
//! ```
//! use angleshot::api::types::{FromJson, Job};
//! use angleshot::domain::account::account_jobs;
//! let job = Job::from_json(&serde_json::json!({
//!     "jobId": "job_1", "status": "success", "createdAt": "2026-11-30T10:00:00.000Z",
//!     "metadata": { "assetIds": ["asset_9"],
//!         "input": { "modelId": "model_qwen-edit-multiangle", "image": "asset_1", "rotateDegrees": 90 } }
//! })).unwrap();
//! let listed = account_jobs(&[job], &[]);
//! assert_eq!(listed[0].body.turn(), 90);
//! assert!(account_jobs(&listed.iter().map(|j| j.job.clone()).collect::<Vec<_>>(), &["job_1".into()]).is_empty());
//! ```

use serde_json::Value;

use crate::api::types::{Asset, GenerateBody, Job};
use crate::domain::jobs::JobCard;
use crate::domain::profile::{JobBody, Model, multiangle_2511};
use crate::util::time::parse_iso8601_ms;

/// A job of the account this device's history does not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountJob {
    pub job: Job,
    /// Its body as this build reads it: the profile's defaults under what `metadata.input`
    /// says.
    pub body: JobBody,
}

impl AccountJob {
    /// What the list says of it: the model, the pose in words, when and how it ended.
    pub fn label(&self) -> String {
        let when = self
            .job
            .created_at
            .as_deref()
            .and_then(|at| at.get(..16))
            .map(|at| at.replace('T', " "));
        let mut label = format!("{} · {}", self.body.model().name(), self.body.describe());
        if let Some(when) = when {
            label.push_str(&format!(" · {when}"));
        }
        label.push_str(&format!(" · {}", self.job.status.as_wire()));
        label
    }

    /// The job as a card: its status, its results' asset ids, made when the API says.
    pub fn card(&self, local_id: u64, now_ms: f64) -> JobCard {
        let created = self
            .job
            .created_at
            .as_deref()
            .and_then(parse_iso8601_ms)
            .unwrap_or(now_ms);
        let input_name = format!("{} (from your account)", self.body.image());
        let mut card = JobCard::new(local_id, self.body.clone(), &input_name, created);
        card.job_id = Some(self.job.job_id.clone());
        card.posted = true;
        card.phase = crate::domain::jobs::Phase::Running;
        card.apply(&self.job, now_ms);
        card
    }
}

/// The multi-angle model a job ran: `metadata.input.modelId`, else the shape of its input.
pub fn model_of(job: &Job) -> Option<Model> {
    let input = job.metadata.as_ref()?.input.as_ref()?;
    if let Some(id) = input.get("modelId").and_then(Value::as_str) {
        return Model::from_id(id);
    }
    if input.get("images").is_some_and(Value::is_array) && input.get("horizontalAngle").is_some() {
        Some(Model::QwenEditMultiangle2511)
    } else if input.get("image").is_some_and(Value::is_string)
        && input.get("rotateDegrees").is_some()
    {
        Some(Model::QwenEditMultiangle)
    } else {
        None
    }
}

/// The body `input` describes for `model`: the profile's defaults, each input the job
/// recorded laid over them when this build can read it (an odd value keeps the default).
/// `None` without an input image.
pub fn body_of(model: Model, input: &Value) -> Option<JobBody> {
    let image = match model {
        Model::QwenEditMultiangle => input.get("image")?.as_str()?,
        Model::QwenEditMultiangle2511 => input.get("images")?.get(0)?.as_str()?,
    };
    let defaults = match model {
        Model::QwenEditMultiangle => JobBody::Multiangle(GenerateBody::with_defaults(image)),
        Model::QwenEditMultiangle2511 => JobBody::Multiangle2511(multiangle_2511::body(
            multiangle_2511::Pose::FRONT,
            &multiangle_2511::Options::default(),
            image,
        )),
    };
    let mut fields = serde_json::to_value(&defaults).ok()?;
    for name in model.inputs() {
        let Some(recorded) = input.get(*name) else {
            continue;
        };
        let mut tried = fields.clone();
        tried[*name] = recorded.clone();
        if JobBody::read(model, &tried).is_ok() {
            fields = tried;
        }
    }
    JobBody::read(model, &fields).ok()
}

/// The jobs of `page` that are of a multi-angle model and not `known` (job ids already in
/// the history), in the page's order (newest first).
pub fn account_jobs(page: &[Job], known: &[String]) -> Vec<AccountJob> {
    page.iter()
        .filter(|job| !known.contains(&job.job_id))
        .filter_map(|job| {
            let model = model_of(job)?;
            let input = job.metadata.as_ref()?.input.as_ref()?;
            Some(AccountJob {
                job: job.clone(),
                body: body_of(model, input)?,
            })
        })
        .collect()
}

/// An image asset of the account, as the picker shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountImage {
    pub asset_id: String,
    pub name: String,
    /// The asset's `thumbnail.url`, else its own `url`.
    pub thumbnail_url: String,
    pub width: u32,
    pub height: u32,
}

/// The images of a page of assets (anything not an image, or without a link to show, is
/// left out).
pub fn account_images(assets: &[Asset]) -> Vec<AccountImage> {
    assets
        .iter()
        .filter(|asset| {
            asset
                .mime_type
                .as_deref()
                .is_none_or(|mime| mime.starts_with("image/"))
        })
        .filter_map(|asset| {
            let thumbnail_url = asset
                .thumbnail
                .as_ref()
                .and_then(|t| t.url.clone())
                .or_else(|| asset.url.clone())?;
            let name = asset
                .metadata
                .as_ref()
                .and_then(|m| m.get("name"))
                .and_then(Value::as_str)
                .filter(|name| !name.trim().is_empty())
                .unwrap_or(&asset.id)
                .to_string();
            let side = |pick: fn(&crate::api::types::AssetProperties) -> Option<f64>| {
                asset
                    .properties
                    .as_ref()
                    .and_then(pick)
                    .map_or(0, |v| v.clamp(0.0, f64::from(u32::MAX)) as u32)
            };
            Some(AccountImage {
                asset_id: asset.id.clone(),
                name,
                thumbnail_url,
                width: side(|p| p.width),
                height: side(|p| p.height),
            })
        })
        .collect()
}
