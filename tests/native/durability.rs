//! #21 point 1: Settings says whether the browser keeps the history, how much space it
//! uses, and on Safari the seven-day rule with the way around it.

use angleshot::domain::durability::{StorageState, size_words, words};

#[test]
fn the_storage_sentence_says_kept_or_at_risk_with_the_space_and_safaris_rule() {
    let kept = StorageState {
        persisted: Some(true),
        usage: Some(3_400_000.0),
        quota: Some(120_000_000_000.0),
        safari: true,
    };
    assert_eq!(
        words(&kept),
        "Kept until you clear it. Using 3.4 MB of 120 GB."
    );
    let at_risk = StorageState {
        persisted: Some(false),
        ..kept
    };
    let text = words(&at_risk);
    assert!(
        text.starts_with(
            "The browser may clear this when space runs low: install the app or export a backup."
        ),
        "{text}"
    );
    assert!(
        text.contains("seven days") && text.contains("Add to Home Screen"),
        "{text}"
    );
    let unknown = StorageState::default();
    assert_eq!(
        words(&unknown),
        "The browser may clear this when space runs low: install the app or export a backup.",
        "no space figures when the browser gives none, no Safari rule elsewhere"
    );
    assert_eq!(size_words(950.0), "1 KB");
    assert_eq!(size_words(2_000_000_000.0), "2 GB");
}
