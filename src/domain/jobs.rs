//! One job card's life: submitting → running (any API status) → final, or stopped; and what
//! a failed submit means for billing (unsure vs refused).
//!
//! ```
//! use angleshot::api::types::{FromJson, GenerateBody, Job};
//! use angleshot::domain::jobs::{JobCard, Phase};
//! let mut card = JobCard::new(1, GenerateBody::with_defaults("asset_1"), "chair.png", 0.0);
//! assert_eq!(card.status_text(), "submitting");
//! let job = Job::from_json(&serde_json::json!({ "jobId": "job_1", "status": "queued" })).unwrap();
//! card.submitted(&job);
//! assert_eq!(card.phase, Phase::Running);
//! assert_eq!(card.status_text(), "queued");
//! ```

use crate::api::error::{ApiError, ErrorClass};
use crate::api::types::{Job, JobStatus};
use crate::domain::profile::JobBody;

pub use crate::domain::card_action::CardAction;

/// Where a card is in its life.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Shown at once; the generate POST is on its way.
    Submitting,
    /// The POST failed without a clear answer: the job may exist (and bill). Never resubmitted
    /// automatically; the artist decides.
    Unsure,
    /// The API refused the POST: nothing was created.
    Refused,
    /// Being watched; `status` says what the API last reported.
    Running,
    /// The artist stopped watching (the API may or may not have canceled it).
    Stopped,
    /// A final status arrived.
    Done,
}

/// Where a job was made, and so the only place it is ever watched: the API at a base URL, or
/// the demo inside the page (which does not outlive it).
#[derive(Debug, Clone, PartialEq)]
pub enum JobOrigin {
    Api(String),
    Demo,
}

impl JobOrigin {
    /// As stored: `"demo"`, or the API base.
    pub fn as_stored(&self) -> &str {
        match self {
            JobOrigin::Demo => DEMO_ORIGIN,
            JobOrigin::Api(base) => base,
        }
    }

    /// From the stored text (see [`JobOrigin::as_stored`]).
    pub fn from_stored(text: &str) -> Self {
        if text == DEMO_ORIGIN {
            JobOrigin::Demo
        } else {
            JobOrigin::Api(text.to_string())
        }
    }
}

const DEMO_ORIGIN: &str = "demo";

/// A generated image kept in the browser.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultImage {
    pub asset_id: String,
    /// `blob:` URL of the downloaded bytes.
    pub object_url: String,
    pub mime_type: String,
}

/// Everything a job card shows.
#[derive(Debug, Clone, PartialEq)]
pub struct JobCard {
    /// Local id, known before the API answers.
    pub local_id: u64,
    pub job_id: Option<String>,
    /// What was (or will be) sent, which names the model (older records: the seed's).
    pub body: JobBody,
    pub input_name: String,
    pub phase: Phase,
    pub status: Option<JobStatus>,
    pub progress: Option<f64>,
    /// Why it failed (API's `metadata.error`, or a submit error).
    pub error: Option<String>,
    pub hint: Option<String>,
    /// A passing condition (rate limited, retrying after a network error).
    pub notice: Option<String>,
    pub submitted_ms: f64,
    pub finished_ms: Option<f64>,
    pub result_asset_ids: Vec<String>,
    /// The first take, kept on the device.
    pub result: Option<ResultImage>,
    /// Takes after the first (`numOutputs` 2–4), fetched by asset id (see `domain::takes`).
    pub more_takes: Vec<ResultImage>,
    /// Rotation of this job's input from the first original (non-zero after "Use as input"
    /// on a turned result), so 90° on a 90° result reads 180°.
    pub base_rotation: i32,
    /// Where it was made; `None` for a record from before origins were kept (then the
    /// settings of the day are used).
    pub origin: Option<JobOrigin>,
    /// Whether its POST has gone out. A card still `Submitting` that was never posted (a set
    /// angle waiting for a slot, a job waiting out a 429) created nothing: after a reload it
    /// is submitted as if nothing happened, not looked up as unsure.
    pub posted: bool,
    /// Stopped, but the job is on Scenario and can be watched again ("Resume watching").
    /// Not kept: after a reload a stopped card offers Retry only.
    pub resumable: bool,
    /// The result's bytes are not on this device (storage was full, or space was freed):
    /// shown from the link while it works, fetched again by asset id after a reload.
    pub not_kept: Option<NotKept>,
    /// The job whose result this job started from (chained), and that result's asset;
    /// `None` for a job on an uploaded original, or a record from before lineage was kept.
    pub parent_job_id: Option<String>,
    pub parent_asset_id: Option<String>,
}

/// A result whose bytes the device does not hold.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotKept {
    /// When its CDN link stops working (from the link's signed policy), if known.
    pub link_expires_ms: Option<f64>,
}

impl NotKept {
    /// What the card says.
    ///
    /// ```
    /// use angleshot::domain::jobs::NotKept;
    /// let words = NotKept { link_expires_ms: Some(1_765_670_400_000.0) }.words();
    /// assert_eq!(words, "Not kept on this device — the link works until 2025-12-14 00:00 UTC.");
    /// ```
    pub fn words(&self) -> String {
        match self.link_expires_ms {
            Some(ms) => {
                let at = crate::util::time::iso8601(ms);
                let at = at.get(..16).unwrap_or(&at).replace('T', " ");
                format!("Not kept on this device — the link works until {at} UTC.")
            }
            None => {
                "Not kept on this device: fetched again from your account when shown.".to_string()
            }
        }
    }
}

impl JobCard {
    /// A card in `Submitting`.
    pub fn new(local_id: u64, body: impl Into<JobBody>, input_name: &str, now_ms: f64) -> Self {
        JobCard {
            local_id,
            job_id: None,
            body: body.into(),
            input_name: input_name.to_string(),
            phase: Phase::Submitting,
            status: None,
            progress: None,
            error: None,
            hint: None,
            notice: None,
            submitted_ms: now_ms,
            finished_ms: None,
            result_asset_ids: Vec::new(),
            result: None,
            more_takes: Vec::new(),
            base_rotation: 0,
            origin: None,
            posted: false,
            resumable: false,
            not_kept: None,
            parent_job_id: None,
            parent_asset_id: None,
        }
    }

    /// A demo job found after a reload: the demo's jobs lived in the page that closed, so it
    /// can be neither watched nor looked up. Says so instead of asking any API about it.
    pub fn orphaned_demo_job(&mut self, now_ms: f64) {
        if matches!(
            self.phase,
            Phase::Running | Phase::Unsure | Phase::Submitting
        ) {
            self.phase = Phase::Stopped;
            self.error = None;
            self.notice = Some(
                "A demo job: the simulated backend lived in the page that was closed, so it \
                 cannot be watched any more."
                    .to_string(),
            );
            self.finished_ms = Some(now_ms);
        }
    }

    /// The POST answered with a job.
    pub fn submitted(&mut self, job: &Job) {
        self.job_id = Some(job.job_id.clone());
        self.phase = Phase::Running;
        self.apply(job, self.submitted_ms);
    }

    /// Reconciliation found no job for a lost submit: nothing was created, Retry is safe.
    pub fn not_created(&mut self) {
        self.phase = Phase::Refused;
        self.notice = None;
        self.error =
            Some("No job was created (checked your recent jobs) — safe to retry.".to_string());
    }

    /// Reconciliation found the job a lost submit had created: watch it from now on.
    pub fn adopt(&mut self, job: &Job) {
        self.error = None;
        self.finished_ms = None;
        self.notice = Some("Its answer was lost; found it among your recent jobs.".to_string());
        self.job_id = Some(job.job_id.clone());
        self.phase = Phase::Running;
        let notice = self.notice.clone();
        self.apply(job, self.submitted_ms);
        self.notice = notice;
    }

    /// The POST failed: unsure when the job may exist (no status, 5xx, undecodable 2xx),
    /// refused when the API said no (4xx).
    pub fn submit_failed(&mut self, error: &ApiError, now_ms: f64) {
        let unsure = matches!(
            error.class(),
            ErrorClass::Unreachable | ErrorClass::ServerError | ErrorClass::Malformed
        ) && !matches!(error, ApiError::InvalidRequest { .. });
        self.phase = if unsure {
            Phase::Unsure
        } else {
            Phase::Refused
        };
        self.error = Some(if unsure {
            format!(
                "Unknown whether the job started — check your Scenario jobs before retrying. {}",
                error.user_message()
            )
        } else {
            error.user_message()
        });
        self.finished_ms = Some(now_ms);
    }

    /// A poll answered; returns true when the job just reached a final status.
    pub fn apply(&mut self, job: &Job, now_ms: f64) -> bool {
        if self.phase == Phase::Stopped {
            return false;
        }
        self.status = Some(job.status.clone());
        self.notice = None;
        if let Some(progress) = job.progress_fraction() {
            self.progress = Some(progress);
        }
        self.error = job.error().map(str::to_string);
        self.hint = job.hint().map(str::to_string);
        if !job.asset_ids().is_empty() {
            self.result_asset_ids = job.asset_ids().to_vec();
        }
        if job.status.is_final() && self.phase != Phase::Done {
            self.phase = Phase::Done;
            self.finished_ms = Some(now_ms);
            if job.status == JobStatus::Success {
                self.progress = Some(1.0);
                self.hint = self.hint.take().or_else(|| self.short_of_takes());
            }
            return true;
        }
        false
    }

    /// A poll failed; the card says why without losing anything.
    pub fn poll_failed(&mut self, error: &ApiError) {
        self.notice = Some(error.user_message());
    }

    /// The artist stopped watching.
    pub fn stop(&mut self, reason: Option<&str>, now_ms: f64) {
        if matches!(self.phase, Phase::Running | Phase::Submitting) {
            self.phase = Phase::Stopped;
            self.finished_ms = Some(now_ms);
            self.notice = reason.map(str::to_string);
            self.resumable = self.job_id.is_some();
        }
    }

    /// "Resume watching": a stopped job is watched again (its next poll says where it is).
    pub fn resume(&mut self) -> bool {
        if self.phase != Phase::Stopped || !self.resumable {
            return false;
        }
        self.phase = Phase::Running;
        self.finished_ms = None;
        self.notice = None;
        self.resumable = false;
        true
    }

    /// Whether polls should continue.
    pub fn is_watching(&self) -> bool {
        self.phase == Phase::Running
    }

    /// The status in words: the API's spelling, unknown ones verbatim.
    pub fn status_text(&self) -> String {
        match self.phase {
            Phase::Submitting => "submitting".to_string(),
            Phase::Unsure => "unknown — check before retrying".to_string(),
            Phase::Refused => "not submitted".to_string(),
            Phase::Stopped => "stopped".to_string(),
            Phase::Running | Phase::Done => match &self.status {
                Some(JobStatus::Unknown(text)) if text.is_empty() => "(no status)".to_string(),
                Some(status) => status.as_wire().to_string(),
                None => "submitted".to_string(),
            },
        }
    }

    /// Seconds since submit (frozen once finished).
    pub fn elapsed_secs(&self, now_ms: f64) -> u64 {
        let end = self.finished_ms.unwrap_or(now_ms);
        ((end - self.submitted_ms).max(0.0) / 1000.0) as u64
    }

    /// Rotation from the first original: this job's turn added to its input's.
    pub fn total_rotation(&self) -> i32 {
        crate::util::math::fold_degrees(self.base_rotation + self.body.turn())
    }

    /// The model that makes it.
    pub fn model(&self) -> crate::domain::profile::Model {
        self.body.model()
    }

    /// Whether the job ended with a result.
    pub fn succeeded(&self) -> bool {
        self.phase == Phase::Done && self.status == Some(JobStatus::Success)
    }

    /// Whether the job ended without a result (failed, refused, unsure or stopped).
    pub fn ended_badly(&self) -> bool {
        matches!(self.phase, Phase::Unsure | Phase::Refused | Phase::Stopped)
            || (self.phase == Phase::Done && self.status != Some(JobStatus::Success))
    }

    /// Whether Retry makes sense (a new POST with the same parameters).
    pub fn can_retry(&self) -> bool {
        matches!(self.phase, Phase::Unsure | Phase::Refused | Phase::Stopped)
            || (self.phase == Phase::Done && self.status != Some(JobStatus::Success))
    }

    /// Whether the card shows a progress bar (only while the job may still move).
    pub fn shows_progress(&self) -> bool {
        matches!(self.phase, Phase::Submitting | Phase::Running)
    }

    /// The status line: status, elapsed seconds, job id. `now` (the ticking clock) is read
    /// only while the job runs, so a finished card does not follow the clock.
    pub fn status_line(&self, now: impl FnOnce() -> f64) -> String {
        let elapsed = match self.finished_ms {
            Some(_) => self.elapsed_secs(0.0),
            None => self.elapsed_secs(now()),
        };
        let mut line = format!("{} · {elapsed} s", self.status_text());
        if let Some(job_id) = &self.job_id {
            line.push_str(" · ");
            line.push_str(job_id);
        }
        line
    }
}
