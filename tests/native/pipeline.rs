//! #22: caption templates, dataset file names, and lineage through chained edits.

use angleshot::domain::dataset::{
    CaptionFields, DEFAULT_TEMPLATE, DatasetImage, caption, check_template, dataset_files,
};
use angleshot::domain::lineage::{
    LineageItem, flatten, from_words, original_name, tree_for_input, tree_for_result,
};

const FIELDS: CaptionFields = CaptionFields {
    trigger: "chr_hero",
    pose: "back-left quarter view, elevated shot, close-up",
    prompt: "holding a lantern",
    source: "hero.png",
};

#[test]
fn a_caption_template_fills_every_field_and_leaves_no_dangling_commas() {
    assert_eq!(
        caption(DEFAULT_TEMPLATE, &FIELDS).unwrap(),
        "chr_hero, back-left quarter view, elevated shot, close-up"
    );
    assert_eq!(
        caption("{trigger}, {prompt}, {pose} (from {source})", &FIELDS).unwrap(),
        "chr_hero, holding a lantern, back-left quarter view, elevated shot, close-up (from hero.png)"
    );
    let no_prompt = CaptionFields {
        prompt: "",
        ..FIELDS
    };
    assert_eq!(
        caption("{trigger}, {prompt}, {pose}", &no_prompt).unwrap(),
        "chr_hero, back-left quarter view, elevated shot, close-up"
    );
    assert_eq!(
        caption("{ trigger }", &FIELDS).unwrap(),
        "chr_hero",
        "spaces inside braces"
    );
}

#[test]
fn an_unknown_or_unclosed_field_is_named_before_anything_is_built() {
    assert_eq!(
        check_template("{trigger}, {colour}").unwrap_err(),
        "Unknown field {colour}: use {trigger}, {pose}, {prompt}, {source}."
    );
    assert!(
        check_template("{trigger, pose")
            .unwrap_err()
            .contains("is not closed")
    );
    assert!(check_template(DEFAULT_TEMPLATE).is_ok());
    assert!(check_template("plain text").is_ok());
}

#[test]
fn dataset_files_pair_each_image_with_a_caption_of_the_same_name() {
    let image = |label: &str, mime: &str| DatasetImage {
        source: "hero final.png".into(),
        label: label.into(),
        mime_type: mime.into(),
        bytes: vec![1, 2, 3],
        caption: format!("chr_hero, {label}"),
    };
    let files = dataset_files(&[
        image("original", "image/png"),
        image("45-left", "image/webp"),
        image("az180_el+30_zoom5", "image/png"),
    ]);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "hero_final_001_original.png",
            "hero_final_001_original.txt",
            "hero_final_002_45-left.webp",
            "hero_final_002_45-left.txt",
            "hero_final_003_az180_el+30_zoom5.png",
            "hero_final_003_az180_el+30_zoom5.txt",
        ]
    );
    assert_eq!(files[1].1, b"chr_hero, original");
    assert_eq!(files[2].1, [1, 2, 3], "the image as it is");
}

fn item(id: u64, job: &str, parent: Option<&str>, turn: i32) -> LineageItem {
    LineageItem {
        local_id: id,
        job_id: Some(job.into()),
        parent_job_id: parent.map(Into::into),
        input_asset_id: if parent.is_some() {
            format!("asset_of_{}", parent.unwrap_or_default())
        } else {
            "asset_in".into()
        },
        input_name: if parent.is_some() {
            format!("{}.png", parent.unwrap_or_default())
        } else {
            "chair.png".into()
        },
        total_rotation: turn,
        words: format!("{turn}°"),
    }
}

#[test]
fn three_chained_edits_grow_a_three_level_tree_under_the_original() {
    let items = [
        item(1, "job_a", None, 45),
        item(2, "job_b", Some("job_a"), 90),
        item(3, "job_c", Some("job_b"), 135),
        item(4, "job_d", None, -45), // a second edit of the original
    ];
    let tree = tree_for_result(&items, 3).unwrap();
    let shape: Vec<(usize, Option<u64>, i32)> = flatten(&tree)
        .into_iter()
        .map(|(depth, n)| (depth, n.local_id, n.total_angle))
        .collect();
    assert_eq!(
        shape,
        [
            (0, None, 0),
            (1, Some(1), 45),
            (2, Some(2), 90),
            (3, Some(3), 135),
            (1, Some(4), -45)
        ]
    );
    assert_eq!(tree.label, "chair.png (original)");
    assert_eq!(tree, tree_for_input(&items, "asset_in", "chair.png"));
    assert_eq!(from_words(&items, &items[2]), "from 90° (job_b)");
    assert_eq!(from_words(&items, &items[0]), "from chair.png (original)");
    assert_eq!(original_name(&items, &items[2]), "chair.png");
    // Its parent removed, a result hangs from its own input; a record from before lineage
    // (no parent) is a root's child.
    let orphan = [item(3, "job_c", Some("job_b"), 135)];
    assert_eq!(
        from_words(&orphan, &orphan[0]),
        "from a result no longer here"
    );
    assert_eq!(tree_for_result(&orphan, 3).unwrap().children.len(), 1);
}

#[test]
fn a_cycle_in_damaged_records_ends_instead_of_hanging() {
    let items = [
        item(1, "job_a", Some("job_b"), 0),
        item(2, "job_b", Some("job_a"), 0),
    ];
    assert!(tree_for_result(&items, 1).is_some());
}

#[test]
fn a_spin_goes_round_for_a_turnaround_and_there_and_back_for_the_seed_ring() {
    use angleshot::domain::spin::{
        SpinSize, pace_ms, pick_format, play_order, spin_blocker, video_size,
    };
    assert_eq!(play_order(8, true), (0..8).collect::<Vec<_>>());
    assert_eq!(play_order(5, false), [0, 1, 2, 3, 4, 3, 2, 1]);
    assert_eq!(play_order(2, false), [0, 1]);
    assert_eq!(video_size((640, 480), SpinSize::Frames), (640, 480));
    assert_eq!(video_size((480, 640), SpinSize::Long1080), (810, 1080));
    assert_eq!(
        video_size((333, 101), SpinSize::Frames),
        (334, 102),
        "even sides"
    );
    assert_eq!(
        pick_format(|m| m.starts_with("video/webm")),
        Some(("video/webm;codecs=vp9", "webm"))
    );
    assert_eq!(
        pick_format(|m| m == "video/mp4"),
        Some(("video/mp4", "mp4"))
    );
    assert_eq!(pick_format(|_| false), None);
    assert_eq!(
        spin_blocker(5, false),
        Some("This browser cannot record video (no MediaRecorder).")
    );
    assert_eq!(
        spin_blocker(1, true),
        Some("A spin needs two finished frames or more.")
    );
    assert_eq!(spin_blocker(2, true), None);
    assert_eq!(pace_ms("0.25"), 250);
    assert_eq!(pace_ms("250"), 10_000, "at most 10 s a frame");
    assert_eq!(pace_ms("soon"), 500);
}
