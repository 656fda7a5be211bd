//! Angle sets in plain Rust: names, order and labels of the angles, chaining past ±90°, the
//! submit queue's limit and 429 back-off, and the ZIP with its `angles.json`.

use angleshot::api::types::GenerateBody;
use angleshot::domain::angle_set::{DEFAULT_SET, SetAngle, SetProgress, rotation_words};
use angleshot::domain::profile::multiangle::set_file_label as file_stem;
use angleshot::domain::set_export::{
    Manifest, ManifestEntry, build_zip, extension_for, unique_names,
};
use angleshot::domain::submit_queue::{FIRST_BACKOFF_MS, MAX_BACKOFF_MS, SubmitQueue};
use angleshot::util::math::fold_degrees as normalise_rotation;
use angleshot::util::time::iso8601;

#[test]
fn default_set_is_four_eye_level_turns_plus_top_down_and_low_angle() {
    let stems: Vec<String> = DEFAULT_SET
        .iter()
        .map(|a| file_stem(a.rotate, a.tilt))
        .collect();
    assert_eq!(
        stems,
        [
            "90-right",
            "45-right",
            "45-left",
            "90-left",
            "top-down",
            "low-angle"
        ]
    );
}

#[test]
fn file_stems_name_the_side_the_camera_went_to() {
    assert_eq!(file_stem(0, 0), "front");
    assert_eq!(file_stem(45, 0), "45-left");
    assert_eq!(file_stem(-45, 1), "45-right_low-angle");
    assert_eq!(file_stem(180, 0), "180-back");
    assert_eq!(file_stem(-180, 0), "180-back");
    assert!(!file_stem(90, -1).contains('+'), "no + in a file name");
}

#[test]
fn chaining_ninety_twice_is_one_eighty_and_three_times_is_ninety_right() {
    assert_eq!(normalise_rotation(90 + 90), 180);
    assert_eq!(normalise_rotation(90 + 90 + 90), -90);
    assert_eq!(normalise_rotation(-270), 90);
    assert_eq!(rotation_words(180), "180° (back)");
    assert_eq!(
        SetAngle {
            rotate: 90,
            tilt: 0
        }
        .label(90),
        "180° (back)"
    );
    assert_eq!(
        SetAngle {
            rotate: 45,
            tilt: -1
        }
        .label(0),
        "45° left · top-down"
    );
    assert_eq!(SetAngle { rotate: 0, tilt: 1 }.label(0), "low angle");
}

#[test]
fn order_is_eye_level_right_to_left_then_top_down_then_low_angle() {
    let mut angles = DEFAULT_SET.to_vec();
    angles.push(SetAngle { rotate: 0, tilt: 0 }); // where the original sits
    angles.reverse();
    angles.sort_by_key(|a| a.order_key(0));
    let labels: Vec<String> = angles.iter().map(|a| a.label(0)).collect();
    assert_eq!(
        labels,
        [
            "90° right",
            "45° right",
            "front",
            "45° left",
            "90° left",
            "top-down",
            "low angle"
        ]
    );
}

#[test]
fn progress_counts_done_and_failed() {
    let p = SetProgress {
        total: 6,
        done: 4,
        failed: 0,
    };
    assert_eq!(p.text(), "4 of 6 done");
    assert!(!p.finished());
    let p = SetProgress {
        total: 6,
        done: 5,
        failed: 1,
    };
    assert_eq!(p.text(), "5 of 6 done · 1 failed");
    assert!(p.finished());
}

#[test]
fn queue_never_holds_more_than_the_limit_in_flight() {
    let mut q = SubmitQueue::new(4);
    for id in 1..=6 {
        q.enqueue(id);
    }
    let started: Vec<u64> = std::iter::from_fn(|| q.next(0.0)).collect();
    assert_eq!(started, [1, 2, 3, 4]);
    assert_eq!((q.in_flight(), q.waiting()), (4, 2));
    q.finished(2);
    assert_eq!(q.next(0.0), Some(5));
    assert_eq!(q.next(0.0), None);
    q.finished(1);
    q.finished(3);
    assert_eq!(q.next(0.0), Some(6));
    assert_eq!(q.next(0.0), None, "nothing left");
}

#[test]
fn a_429_puts_the_job_first_again_and_pauses_for_retry_after() {
    let mut q = SubmitQueue::new(2);
    for id in 1..=3 {
        q.enqueue(id);
    }
    assert_eq!(q.next(0.0), Some(1));
    assert_eq!(q.next(0.0), Some(2));
    q.rate_limited(2, Some(5.0), 1_000.0);
    assert_eq!(q.wake_at(), Some(6_000.0));
    assert_eq!(q.next(5_999.0), None, "paused");
    assert_eq!(q.next(6_000.0), Some(2), "the refused job goes first");
    assert!(q.is_waiting(3));
}

#[test]
fn a_429_without_retry_after_backs_off_doubling_up_to_a_minute_and_resets_on_success() {
    let mut q = SubmitQueue::new(1);
    q.enqueue(1);
    let mut now = 0.0;
    let mut waits = Vec::new();
    for _ in 0..7 {
        assert_eq!(q.next(now), Some(1));
        q.rate_limited(1, None, now);
        let wake = q.wake_at().unwrap();
        waits.push(wake - now);
        now = wake;
    }
    assert_eq!(waits[0], FIRST_BACKOFF_MS);
    assert_eq!(waits[1], FIRST_BACKOFF_MS * 2.0);
    assert_eq!(*waits.last().unwrap(), MAX_BACKOFF_MS);
    assert_eq!(q.next(now), Some(1));
    q.accepted();
    q.finished(1);
    q.enqueue(2);
    assert_eq!(q.next(now), Some(2));
    q.rate_limited(2, None, now);
    assert_eq!(
        q.wake_at(),
        Some(now + FIRST_BACKOFF_MS),
        "back-off starts over"
    );
}

#[test]
fn the_limit_is_at_least_one_and_at_most_sixteen() {
    assert_eq!(SubmitQueue::new(0).limit(), 1);
    let mut q = SubmitQueue::new(4);
    q.set_limit(100);
    assert_eq!(q.limit(), 16);
}

#[test]
fn names_in_the_zip_are_unique_and_extensions_follow_the_mime_type() {
    let names = unique_names(&[
        "front.png".into(),
        "front.png".into(),
        "x".into(),
        "x".into(),
    ]);
    assert_eq!(names, ["front.png", "front-2.png", "x", "x-2"]);
    assert_eq!(extension_for("image/jpeg"), "jpg");
    assert_eq!(extension_for("application/octet-stream"), "png");
}

#[test]
fn iso_dates_are_utc() {
    assert_eq!(iso8601(0.0), "1970-01-01T00:00:00.000Z");
    assert_eq!(iso8601(1_795_000_000_123.0), "2026-11-18T11:06:40.123Z");
    assert_eq!(iso8601(f64::NAN), "1970-01-01T00:00:00.000Z");
}

#[test]
fn the_zip_holds_each_file_stored_plus_a_parsable_angles_json() {
    let body = GenerateBody {
        rotate_degrees: 45,
        ..GenerateBody::with_defaults("asset_in")
    };
    let manifest = Manifest {
        app: "Angleshot",
        model: "model_qwen-edit-multiangle",
        source_image: "chair.png".into(),
        files: vec![ManifestEntry {
            file: "rot+45_left.png".into(),
            role: "result",
            model: Some("model_qwen-edit-multiangle"),
            width: Some(64),
            height: Some(48),
            total_rotation: 45,
            vertical_tilt: Some(0),
            parameters: Some(body.into()),
            job_id: Some("job_1".into()),
            input_asset_id: Some("asset_in".into()),
            result_asset_ids: vec!["asset_out".into()],
            prompt: String::new(),
            submitted_at: iso8601(0.0),
            finished_at: None,
            parent_job_id: None,
            parent_asset_id: None,
        }],
    };
    let files = vec![
        ("front.png".to_string(), vec![0x89, b'P', b'N', b'G']),
        ("rot+45_left.png".to_string(), vec![1; 1000]),
    ];
    let bytes = build_zip(&files, &manifest.to_json()).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    assert_eq!(names, ["front.png", "rot+45_left.png", "angles.json"]);
    let mut entry = archive.by_name("rot+45_left.png").unwrap();
    assert_eq!(entry.compression(), zip::CompressionMethod::Stored);
    assert_eq!(entry.size(), 1000);
    // Reading to the end checks the CRC-32 the writer put in the headers.
    let mut content = Vec::new();
    std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
    assert_eq!(content, vec![1; 1000]);
    drop(entry);
    let mut json = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("angles.json").unwrap(), &mut json).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["files"][0]["jobId"], "job_1");
    assert_eq!(parsed["files"][0]["parameters"]["rotateDegrees"], 45);
    assert_eq!(parsed["files"][0]["resultAssetIds"][0], "asset_out");
}

mod scrubbing {
    use angleshot::domain::scrub::{
        compare_after_key, compare_from_x, turntable_after_drag, turntable_after_key,
        turntable_play_step,
    };

    #[test]
    fn a_playing_turntable_goes_there_and_back_on_a_part_ring_and_round_on_a_full_one() {
        // Five orbit frames, 90° right … 90° left: 0 1 2 3 4 3 2 1 0 1 …
        let mut at = (0, 1);
        let mut seen = vec![0];
        for _ in 0..9 {
            at = turntable_play_step(at.0, 5, at.1, false);
            seen.push(at.0);
        }
        assert_eq!(seen, [0, 1, 2, 3, 4, 3, 2, 1, 0, 1]);
        // A full ring of eight goes on round: 6 7 0 1.
        assert_eq!(turntable_play_step(6, 8, 1, true), (7, 1));
        assert_eq!(turntable_play_step(7, 8, 1, true), (0, 1));
        // Nothing to play: stays.
        assert_eq!(turntable_play_step(0, 1, 1, false), (0, 1));
        assert_eq!(turntable_play_step(0, 0, 1, true), (0, 1));
    }

    #[test]
    fn a_turntable_drag_moves_one_frame_per_forty_px_and_stops_at_the_ends() {
        assert_eq!(turntable_after_drag(3, 7, 39.0), 3);
        assert_eq!(turntable_after_drag(3, 7, 40.0), 4);
        assert_eq!(turntable_after_drag(3, 7, -85.0), 1);
        assert_eq!(turntable_after_drag(3, 7, 10_000.0), 6);
        assert_eq!(turntable_after_drag(3, 7, f64::NAN), 3);
        assert_eq!(turntable_after_drag(0, 0, 100.0), 0);
    }

    #[test]
    fn turntable_keys_step_and_jump() {
        assert_eq!(turntable_after_key(0, 7, "ArrowLeft"), Some(0));
        assert_eq!(turntable_after_key(0, 7, "ArrowRight"), Some(1));
        assert_eq!(turntable_after_key(2, 7, "End"), Some(6));
        assert_eq!(turntable_after_key(6, 7, "ArrowRight"), Some(6));
        assert_eq!(turntable_after_key(2, 7, "a"), None);
        assert_eq!(turntable_after_key(0, 0, "End"), None);
    }

    #[test]
    fn the_compare_split_follows_the_pointer_and_keys() {
        assert_eq!(compare_from_x(100.0, 100.0, 200.0), 0.0);
        assert_eq!(compare_from_x(400.0, 100.0, 200.0), 100.0);
        assert_eq!(compare_from_x(150.0, 100.0, 0.0), 50.0);
        assert_eq!(compare_after_key(50.0, "ArrowRight"), Some(55.0));
        assert_eq!(compare_after_key(2.0, "ArrowLeft"), Some(0.0));
        assert_eq!(compare_after_key(50.0, "End"), Some(100.0));
        assert_eq!(compare_after_key(50.0, "x"), None);
    }
}

#[test]
fn the_zip_reads_back_with_utf8_names_and_every_crc_right() {
    let files: Vec<(String, Vec<u8>)> = (0..20)
        .map(|i| {
            (
                format!("vue_{i}_caméra.webp"),
                (0..i * 37).map(|b| b as u8).collect(),
            )
        })
        .collect();
    let bytes = build_zip(&files, "{\"files\":[]}").unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(archive.len(), 21);
    for (name, expected) in &files {
        let mut entry = archive.by_name(name).unwrap();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
        assert_eq!(&content, expected, "{name}");
    }
}
