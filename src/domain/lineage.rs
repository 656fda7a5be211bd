//! Which result came from which: every job records its input's parent (the result it was
//! chained from, by job id and asset id; none for an uploaded original), and a tree is
//! grown from that — the original at the root, each chained edit below its parent, with the
//! total angle at each node. Records from before lineage was kept read as roots.
//!
//! ```
//! use angleshot::domain::lineage::{LineageItem, tree_for_result};
//! let item = |id: u64, job: &str, parent: Option<&str>, turn: i32| LineageItem {
//!     local_id: id, job_id: Some(job.into()), parent_job_id: parent.map(Into::into),
//!     input_asset_id: "asset_in".into(), input_name: "chair.png".into(),
//!     total_rotation: turn, words: format!("{turn}°"),
//! };
//! let items = [item(1, "job_a", None, 45), item(2, "job_b", Some("job_a"), 90)];
//! let root = tree_for_result(&items, 2).unwrap();
//! assert_eq!(root.label, "chair.png (original)");
//! assert_eq!(root.children[0].children[0].local_id, Some(2));
//! ```

/// One card as the tree sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct LineageItem {
    pub local_id: u64,
    pub job_id: Option<String>,
    /// The job whose result was this job's input; `None` for an original's job.
    pub parent_job_id: Option<String>,
    /// The asset the job started from.
    pub input_asset_id: String,
    pub input_name: String,
    /// The camera's turn from the first original (see `JobCard::total_rotation`).
    pub total_rotation: i32,
    /// The job's pose in words.
    pub words: String,
}

/// A node: the original (no `local_id`) or a result.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeNode {
    pub local_id: Option<u64>,
    pub label: String,
    /// Degrees from the original (0 at the root).
    pub total_angle: i32,
    pub children: Vec<TreeNode>,
}

/// How deep a chain may go before the tree stops (a cycle in damaged records).
const MAX_DEPTH: usize = 64;

fn parent_of<'a>(items: &'a [LineageItem], item: &LineageItem) -> Option<&'a LineageItem> {
    let parent = item.parent_job_id.as_deref()?;
    items.iter().find(|i| i.job_id.as_deref() == Some(parent))
}

/// Whether `item` hangs from the original itself: no parent, or one no longer in the list.
fn is_first_edit(items: &[LineageItem], item: &LineageItem) -> bool {
    parent_of(items, item).is_none()
}

fn node(items: &[LineageItem], item: &LineageItem, depth: usize) -> TreeNode {
    let children = match (&item.job_id, depth < MAX_DEPTH) {
        (Some(job_id), true) => items
            .iter()
            .filter(|child| child.parent_job_id.as_ref() == Some(job_id))
            .map(|child| node(items, child, depth + 1))
            .collect(),
        _ => Vec::new(),
    };
    TreeNode {
        local_id: Some(item.local_id),
        label: item.words.clone(),
        total_angle: item.total_rotation,
        children,
    }
}

/// The tree of the original `input_asset_id` (named `input_name`): every job started from
/// it, and everything chained from those.
pub fn tree_for_input(items: &[LineageItem], input_asset_id: &str, input_name: &str) -> TreeNode {
    let mut first: Vec<&LineageItem> = items
        .iter()
        .filter(|i| i.input_asset_id == input_asset_id && is_first_edit(items, i))
        .collect();
    first.sort_by_key(|i| i.local_id);
    TreeNode {
        local_id: None,
        label: format!("{input_name} (original)"),
        total_angle: 0,
        children: first.into_iter().map(|i| node(items, i, 1)).collect(),
    }
}

/// The tree that result `local_id` belongs to, from its original down.
pub fn tree_for_result(items: &[LineageItem], local_id: u64) -> Option<TreeNode> {
    let mut root = items.iter().find(|i| i.local_id == local_id)?;
    for _ in 0..MAX_DEPTH {
        match parent_of(items, root) {
            Some(parent) => root = parent,
            None => break,
        }
    }
    Some(tree_for_input(
        items,
        &root.input_asset_id,
        &root.input_name,
    ))
}

/// What a result says of where it came from: "from <parent>".
pub fn from_words(items: &[LineageItem], item: &LineageItem) -> String {
    match parent_of(items, item) {
        Some(parent) => match &parent.job_id {
            Some(job_id) => format!("from {} ({job_id})", parent.words),
            None => format!("from {}", parent.words),
        },
        None if item.parent_job_id.is_some() => "from a result no longer here".to_string(),
        None => format!("from {} (original)", item.input_name),
    }
}

/// Every node of a tree, depth first, with its depth (0 the root): for lists and counts.
pub fn flatten(root: &TreeNode) -> Vec<(usize, &TreeNode)> {
    let mut out = Vec::new();
    let mut stack = vec![(0, root)];
    while let Some((depth, node)) = stack.pop() {
        out.push((depth, node));
        stack.extend(node.children.iter().rev().map(|c| (depth + 1, c)));
    }
    out
}

/// The name of the original a result comes from, through every chained edit.
pub fn original_name<'a>(items: &'a [LineageItem], item: &'a LineageItem) -> &'a str {
    let mut root = item;
    for _ in 0..MAX_DEPTH {
        match parent_of(items, root) {
            Some(parent) => root = parent,
            None => break,
        }
    }
    &root.input_name
}
