//! #21 point 3: the backup's ZIP round-trips the records and images; a file that is not a
//! backup, a truncated or damaged ZIP, a newer format or a bad record is refused with its
//! reason; importing merges by job id, the newer record winning.

use angleshot::api::types::{GenerateBody, JobStatus};
use angleshot::domain::backup::{
    BACKUP_VERSION, HeldJob, KeptBytes, MergeStep, read_backup, write_backup,
};
use angleshot::domain::history::{JobRecord, job_record, set_record};
use angleshot::domain::jobs::{JobCard, Phase};
use angleshot::util::zip::{read_stored, stored};

fn record(local_id: u64, job_id: Option<&str>, finished_ms: Option<f64>) -> JobRecord {
    let mut card = JobCard::new(
        local_id,
        GenerateBody::with_defaults("asset_in"),
        "chair.png",
        1_000.0,
    );
    card.job_id = job_id.map(str::to_string);
    card.phase = Phase::Done;
    card.status = Some(JobStatus::Success);
    card.finished_ms = finished_ms;
    card.result_asset_ids = vec!["asset_out".into()];
    job_record(&card, None, "data:image/png;base64,AAAA")
}

#[test]
fn a_backup_round_trips_records_and_image_bytes() {
    let jobs = [
        record(1, Some("job_1"), Some(2_000.0)),
        record(2, None, None),
    ];
    let set = set_record(
        9,
        "chair.png",
        "data:image/png;base64,AAAA",
        Some("asset_in"),
        0,
        5.0,
        &[],
    );
    let image = KeptBytes {
        local_id: 1,
        mime_type: "image/webp".into(),
        bytes: vec![7; 300],
    };
    let zip = write_backup(
        &jobs,
        std::slice::from_ref(&set),
        std::slice::from_ref(&image),
        123.0,
    )
    .unwrap();
    let names: Vec<String> = read_stored(&zip)
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["backup.json", "results/1.webp"]);
    let back = read_backup(&zip).unwrap();
    assert_eq!(back.jobs, jobs);
    assert_eq!(back.sets, [set]);
    assert_eq!(back.results, [image]);
    // The zip crate reads it too: a real ZIP, not a private format.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    assert_eq!(archive.len(), 2);
    assert!(archive.by_name("backup.json").is_ok());
}

fn manifest(json: &str) -> Vec<u8> {
    stored(&[("backup.json", json.as_bytes())]).unwrap()
}

#[test]
fn each_bad_file_is_refused_with_its_reason() {
    let good = write_backup(&[record(1, Some("job_1"), None)], &[], &[], 0.0).unwrap();
    let refused = |bytes: &[u8]| read_backup(bytes).unwrap_err();
    assert!(refused(b"\x89PNG....").starts_with("This file is not an Angleshot backup: not a ZIP"));
    assert!(refused(&good[..good.len() / 2]).contains("may be incomplete"));
    let mut flipped = good.clone();
    flipped[60] ^= 0xFF; // inside backup.json's bytes: its CRC no longer holds
    assert!(
        refused(&flipped)
            .starts_with("This backup cannot be read: the ZIP is damaged (backup.json)")
    );
    let other_zip = stored(&[("photo.png", b"x".as_slice())]).unwrap();
    assert_eq!(
        refused(&other_zip),
        "This file is not an Angleshot backup (no backup.json inside)."
    );
    assert_eq!(
        refused(&manifest(r#"{"kind":"something-else","version":1}"#)),
        "This file is not an Angleshot backup (no backup.json inside)."
    );
    let newer = format!(
        r#"{{"kind":"angleshot-backup","version":{}}}"#,
        BACKUP_VERSION + 1
    );
    assert!(
        refused(&manifest(&newer))
            .starts_with("This backup was made by a newer Angleshot (format 2;")
    );
    assert!(refused(&manifest(r#"{"kind":"angleshot-backup"}"#)).contains("no format version"));
    assert!(
        refused(&manifest(
            r#"{"kind":"angleshot-backup","version":1,"jobs":[{"version":2}]}"#
        ))
        .starts_with("This backup's job 1 is unreadable")
    );
    assert!(
        refused(&manifest(
            r#"{"kind":"angleshot-backup","version":1,"results":[{"localId":1,"file":"results/1.png","mimeType":"image/png"}]}"#
        ))
        .contains("results/1.png is missing")
    );
}

#[test]
fn importing_merges_by_job_id_and_the_newer_record_wins() {
    let held = [
        HeldJob {
            local_id: 10,
            job_id: Some("job_a".into()),
            changed_ms: 5_000.0,
            submitted_ms: 1_000.0,
        },
        HeldJob {
            local_id: 11,
            job_id: Some("job_b".into()),
            changed_ms: 5_000.0,
            submitted_ms: 1_000.0,
        },
        HeldJob {
            local_id: 12,
            job_id: None,
            changed_ms: 1_000.0,
            submitted_ms: 1_000.0,
        },
    ];
    let imported = [
        record(1, Some("job_a"), Some(9_000.0)), // newer than ours
        record(2, Some("job_b"), Some(4_000.0)), // older than ours
        record(3, Some("job_c"), None),          // new here
        record(4, Some("job_c"), Some(9.0)),     // the same job twice in the file
        record(5, None, None),                   // never created, made when ours was
    ];
    let plan = angleshot::domain::backup::merge_plan(&held, &imported);
    assert_eq!(
        plan,
        [
            MergeStep::Replace { local_id: 10 },
            MergeStep::Keep { local_id: 11 },
            MergeStep::Add,
            MergeStep::Duplicate { first: 2 },
            MergeStep::Keep { local_id: 12 },
        ]
    );
    // Imported into a history that already holds them all: nothing changes.
    let again: Vec<HeldJob> = imported
        .iter()
        .map(|r| HeldJob {
            local_id: r.local_id,
            job_id: r.job_id.clone(),
            changed_ms: r.finished_ms.unwrap_or(r.submitted_ms),
            submitted_ms: r.submitted_ms,
        })
        .collect();
    let second = angleshot::domain::backup::merge_plan(&again, &imported);
    assert!(
        second
            .iter()
            .all(|s| matches!(s, MergeStep::Keep { .. } | MergeStep::Duplicate { .. })),
        "{second:?}"
    );
}

#[test]
fn a_backup_holds_no_key_secret_or_signed_link() {
    let zip = write_backup(&[record(1, Some("job_1"), None)], &[], &[], 0.0).unwrap();
    let text = String::from_utf8_lossy(&zip);
    for secret in [
        "apiKey",
        "apiSecret",
        "Authorization",
        "Signature=",
        "Policy=",
    ] {
        assert!(!text.contains(secret), "{secret}");
    }
}
