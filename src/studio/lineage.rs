//! Lineage for the page: the cards as `domain::lineage` sees them, the tree a result or a
//! set belongs to, and what a result says of its parent.
//!
//! ```no_run
//! use angleshot::studio::state::Studio;
//! let studio = Studio::new();
//! let tree = studio.lineage_of_result(3); // None until card 3 exists
//! ```

use leptos::prelude::*;

use crate::domain::angle_set::rotation_words;
use crate::domain::lineage::{LineageItem, TreeNode, from_words, tree_for_input, tree_for_result};
use crate::studio::state::Studio;

impl Studio {
    /// Every card as the lineage sees it (reactive).
    pub fn lineage_items(&self) -> Vec<LineageItem> {
        self.jobs.list().with(|jobs| {
            jobs.iter()
                .filter_map(|e| {
                    e.card.try_with(|c| LineageItem {
                        local_id: e.id,
                        job_id: c.job_id.clone(),
                        parent_job_id: c.parent_job_id.clone(),
                        input_asset_id: c.body.image().to_string(),
                        input_name: c.input_name.clone(),
                        total_rotation: c.total_rotation(),
                        words: format!(
                            "{} · {} from the original",
                            c.body.describe(),
                            rotation_words(c.total_rotation())
                        ),
                    })
                })
                .collect()
        })
    }

    /// The tree result `local_id` belongs to (reactive).
    pub fn lineage_of_result(&self, local_id: u64) -> Option<TreeNode> {
        tree_for_result(&self.lineage_items(), local_id)
    }

    /// The tree of set `set_id`'s original (reactive).
    pub fn lineage_of_set(&self, set_id: u64) -> Option<TreeNode> {
        let (asset_id, name) = self
            .sets
            .find(set_id)?
            .set
            .with(|s| (s.input_asset_id.clone(), s.input_name.clone()));
        Some(tree_for_input(&self.lineage_items(), &asset_id?, &name))
    }

    /// "from <parent>" for result `local_id` (reactive).
    pub fn lineage_from(&self, local_id: u64) -> Option<String> {
        let items = self.lineage_items();
        let item = items.iter().find(|i| i.local_id == local_id)?;
        Some(from_words(&items, item))
    }
}
