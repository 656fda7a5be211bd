//! A job's takes: the 2511 model makes up to four results of one camera (`numOutputs`). The
//! first is the card's result, kept on the device like any other; the rest are fetched by
//! asset id when the job ends and again after a reload (their bytes are not stored twice).
//!
//! ```
//! use angleshot::api::types::{FromJson, Job};
//! use angleshot::domain::jobs::JobCard;
//! use angleshot::domain::profile::multiangle_2511::{Options, Pose, body};
//! let options = Options { num_outputs: 3, ..Options::default() };
//! let mut card = JobCard::new(1, body(Pose::FRONT, &options, "asset_in"), "hero.png", 0.0);
//! let job = Job::from_json(&serde_json::json!({"jobId": "job_1", "status": "success",
//!     "metadata": {"assetIds": ["asset_a", "asset_b"]}})).unwrap();
//! card.apply(&job, 1.0);
//! assert_eq!(card.hint.as_deref(), Some("2 of 3 takes came back; the model sent no more."));
//! assert_eq!(card.take_count(), 0, "none downloaded yet");
//! ```

use crate::domain::jobs::{JobCard, ResultImage};

impl JobCard {
    /// Every take downloaded so far, the first first.
    pub fn takes(&self) -> Vec<&ResultImage> {
        self.result.iter().chain(&self.more_takes).collect()
    }

    /// How many takes are downloaded.
    pub fn take_count(&self) -> usize {
        usize::from(self.result.is_some()) + self.more_takes.len()
    }

    /// The take at `index` (0 is the card's result).
    pub fn take(&self, index: usize) -> Option<&ResultImage> {
        match index {
            0 => self.result.as_ref(),
            n => self.more_takes.get(n - 1),
        }
    }

    /// What the card says when a job ended with fewer results than it asked for.
    pub fn short_of_takes(&self) -> Option<String> {
        let asked = self.body.takes();
        let came = self.result_asset_ids.len();
        (came > 0 && came < asked)
            .then(|| format!("{came} of {asked} takes came back; the model sent no more."))
    }

    /// The asset ids of the takes after the first still to download.
    pub fn missing_takes(&self) -> Vec<String> {
        self.result_asset_ids
            .iter()
            .skip(1)
            .filter(|id| !self.more_takes.iter().any(|t| &t.asset_id == *id))
            .cloned()
            .collect()
    }

    /// A downloaded take after the first joins in the job's own order.
    pub fn add_take(&mut self, take: ResultImage) {
        if self.more_takes.iter().any(|t| t.asset_id == take.asset_id) {
            return;
        }
        self.more_takes.push(take);
        let order = |t: &ResultImage| {
            self.result_asset_ids
                .iter()
                .position(|id| *id == t.asset_id)
                .unwrap_or(usize::MAX)
        };
        let mut takes = std::mem::take(&mut self.more_takes);
        takes.sort_by_key(order);
        self.more_takes = takes;
    }
}
