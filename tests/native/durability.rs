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

#[test]
fn a_result_not_kept_on_the_device_keeps_that_and_its_links_expiry_in_its_record() {
    use angleshot::api::types::GenerateBody;
    use angleshot::domain::history::{card_from_record, decode_job_record, job_record};
    use angleshot::domain::jobs::{JobCard, NotKept};
    let mut card = JobCard::new(3, GenerateBody::with_defaults("asset_1"), "chair.png", 0.0);
    let not_kept = NotKept {
        link_expires_ms: Some(1_765_670_400_000.0),
    };
    card.not_kept = Some(not_kept);
    let json = serde_json::to_string(&job_record(&card, None, "")).unwrap();
    assert!(
        json.contains(r#""notKept":{"linkExpiresMs":1765670400000.0}"#),
        "{json}"
    );
    let back = card_from_record(&decode_job_record(&json).unwrap());
    assert_eq!(back.not_kept, Some(not_kept));
    assert_eq!(
        not_kept.words(),
        "Not kept on this device — the link works until 2025-12-14 00:00 UTC."
    );
    // A kept result's record says nothing of it, and older records read as kept.
    card.not_kept = None;
    let json = serde_json::to_string(&job_record(&card, None, "")).unwrap();
    assert!(!json.contains("notKept"));
    assert_eq!(
        card_from_record(&decode_job_record(&json).unwrap()).not_kept,
        None
    );
}

#[test]
fn a_links_expiry_is_read_from_its_cloudfront_policy_or_expires() {
    use angleshot::api::link::expiry_ms;
    use base64::Engine as _;
    let policy = r#"{"Statement":[{"Resource":"https://cdn/assets/a","Condition":{"DateLessThan":{"AWS:EpochTime":1765670400}}}]}"#;
    let url_safe: String = base64::engine::general_purpose::STANDARD
        .encode(policy)
        .chars()
        .map(|c| match c {
            '+' => '-',
            '=' => '_',
            '/' => '~',
            c => c,
        })
        .collect();
    let url = format!("https://cdn/assets/a?Policy={url_safe}&Signature=s&Key-Pair-Id=K");
    assert_eq!(expiry_ms(&url), Some(1_765_670_400_000.0));
    assert_eq!(
        expiry_ms("https://cdn/a?Expires=1765670400"),
        Some(1_765_670_400_000.0)
    );
    assert_eq!(
        expiry_ms("https://cdn/a?Policy=not-base64!&Signature=s"),
        None
    );
    assert_eq!(expiry_ms("https://cdn/a?Expires=soon"), None);
    assert_eq!(expiry_ms("no query"), None);
}

#[test]
fn free_up_space_drops_the_oldest_half_of_the_kept_results() {
    use angleshot::domain::durability::{free_question, to_free};
    assert_eq!(to_free(&[12, 4, 8, 2, 10]), [2, 4, 8]);
    assert_eq!(to_free(&[1]), [1]);
    assert!(free_question(3).starts_with("Drop the stored images of the 3 oldest results?"));
    assert!(free_question(1).contains("the 1 oldest result?"));
}
