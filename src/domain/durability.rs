//! Whether the browser keeps the history, in words for Settings: persistent storage granted
//! or not, the space used and available, and Safari's seven-day rule with the way around it.
//!
//! ```
//! use angleshot::domain::durability::{StorageState, words};
//! let kept = StorageState { persisted: Some(true), usage: Some(12.5e6), quota: Some(2.0e9), safari: false };
//! assert_eq!(words(&kept), "Kept until you clear it. Using 12.5 MB of 2 GB.");
//! ```

use crate::util::math::Decimal;

/// What the browser says of this site's storage (`navigator.storage`); `None` where it
/// does not say.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StorageState {
    /// `persisted()`: kept until the artist clears it.
    pub persisted: Option<bool>,
    /// `estimate()`, in bytes.
    pub usage: Option<f64>,
    pub quota: Option<f64>,
    /// Safari deletes a site's storage after seven days without a visit.
    pub safari: bool,
}

/// Bytes as "12.5 MB", "2 GB", "900 KB" (one decimal at most).
pub fn size_words(bytes: f64) -> String {
    let (value, unit) = match bytes {
        b if b >= 1e9 => (b / 1e9, "GB"),
        b if b >= 1e6 => (b / 1e6, "MB"),
        b => (b / 1e3, "KB"),
    };
    format!("{} {unit}", Decimal((value * 10.0).round() / 10.0))
}

/// The sentence Settings shows.
pub fn words(state: &StorageState) -> String {
    let mut text = match state.persisted {
        Some(true) => "Kept until you clear it.".to_string(),
        _ => "The browser may clear this when space runs low: install the app or export a backup."
            .to_string(),
    };
    if let (Some(usage), Some(quota)) = (state.usage, state.quota) {
        text.push_str(&format!(
            " Using {} of {}.",
            size_words(usage),
            size_words(quota)
        ));
    }
    if state.safari && state.persisted != Some(true) {
        text.push_str(
            " Safari deletes a site's data after seven days without a visit: add Angleshot to \
             the Home Screen (Share → Add to Home Screen) to keep it.",
        );
    }
    text
}

/// The results "Free up space" drops the stored bytes of: the oldest half (at least one) of
/// `kept`, the local ids of results whose bytes are on the device.
///
/// ```
/// use angleshot::domain::durability::to_free;
/// assert_eq!(to_free(&[9, 3, 5, 7]), [3, 5]);
/// assert_eq!(to_free(&[4]), [4]);
/// assert!(to_free(&[]).is_empty());
/// ```
pub fn to_free(kept: &[u64]) -> Vec<u64> {
    let mut oldest = kept.to_vec();
    oldest.sort_unstable();
    oldest.truncate(kept.len().div_ceil(2));
    oldest
}

/// What "Free up space" asks before it drops `count` results' bytes.
pub fn free_question(count: usize) -> String {
    let results = if count == 1 { "result" } else { "results" };
    format!(
        "Drop the stored images of the {count} oldest {results}? Cards and records stay; the \
         images are fetched again from your account while its assets exist."
    )
}
