//! #20, the studio's side of the 2511 model: its bodies ride the same cards and records as
//! the seed's, the panel's moves go round the back, a turnaround's frames sort and are named
//! by azimuth, takes are counted, and the sprite sheet lays out in equal cells.

use angleshot::api::types::{FromJson, GenerateBody, Job};
use angleshot::domain::angle_set::{SetAngle, SetKind};
use angleshot::domain::camera::Camera;
use angleshot::domain::history::{card_from_record, decode_job_record, job_record};
use angleshot::domain::jobs::{JobCard, ResultImage};
use angleshot::domain::profile::multiangle::{Nudge, Ranges, initial_shot};
use angleshot::domain::profile::multiangle_2511::{self as m2511, Options, Pose, body, pose_label};
use angleshot::domain::profile::{JobBody, Model};
use angleshot::domain::set_archive::{ArchiveImage, SetArchive};
use angleshot::domain::sprite_sheet::{Grid, SheetFrame, layout};
use serde_json::Value;

fn card_2511(pose: Pose, options: &Options) -> JobCard {
    JobCard::new(1, body(pose, options, "asset_in"), "hero.png", 0.0)
}

#[test]
fn a_2511_body_round_trips_through_a_stored_record_exactly() {
    let options = Options {
        num_outputs: 2,
        seed: Some(77),
        ..Options::default()
    };
    let card = card_2511(
        Pose {
            horizontal: 225,
            vertical: 30,
            zoom: 10,
        },
        &options,
    );
    let json = serde_json::to_string(&job_record(&card, None, "")).unwrap();
    let stored: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(stored["body"]["images"], serde_json::json!(["asset_in"]));
    assert!(stored["body"].get("image").is_none() && stored["body"].get("prompt").is_none());
    let back = card_from_record(&decode_job_record(&json).unwrap());
    assert_eq!(back.body, card.body);
    assert_eq!(back.model(), Model::QwenEditMultiangle2511);
    assert_eq!(back.body.takes(), 2);
}

#[test]
fn the_job_body_says_the_same_of_both_models_in_one_sign() {
    let mut seed = GenerateBody::with_defaults("a");
    seed.rotate_degrees = 45;
    let seed = JobBody::from(seed);
    let left = JobBody::from(body(
        Pose {
            horizontal: 315,
            vertical: 0,
            zoom: 5,
        },
        &Options::default(),
        "a",
    ));
    assert_eq!(seed.turn(), 45, "the seed's +45 is the camera to the left");
    assert_eq!(left.turn(), 45, "and so is the 2511's 315");
    assert_eq!(
        left.describe(),
        "front-left quarter view, eye-level shot, medium shot"
    );
    assert_eq!(
        left.download_name("Hero.final.png", "image/png"),
        "Hero.final_az315_el+0_zoom5.png"
    );
    assert_eq!(left.parameters()[0], ("horizontalAngle", "315".to_string()));
    assert_eq!(left.prompt(), "");
    let mut moved = left.clone();
    moved.set_image("asset_up");
    assert_eq!(moved.image(), "asset_up");
}

#[test]
fn keys_and_drags_go_round_the_back_for_2511_but_stop_at_ninety_for_the_seed() {
    let mut shot = initial_shot(&Ranges::default());
    m2511::nudge(&mut shot, Nudge::Left);
    assert_eq!(Pose::of(&shot.camera).horizontal, 315, "← from the front");
    for _ in 0..3 {
        m2511::nudge(&mut shot, Nudge::Left);
    }
    assert_eq!(
        Pose::of(&shot.camera).horizontal,
        180,
        "four steps left: behind"
    );
    m2511::nudge(&mut shot, Nudge::Left);
    assert_eq!(
        Pose::of(&shot.camera).horizontal,
        135,
        "and on round, not back"
    );
    // A drag across the back: 170° then −170° (neutral) land on 180 both times.
    let turned = Camera {
        azimuth: 170.0,
        ..shot.camera
    };
    m2511::place_camera(&mut shot, &turned);
    assert_eq!(Pose::of(&shot.camera).horizontal, 180);
    let turned = Camera {
        azimuth: -170.0,
        ..shot.camera
    };
    m2511::place_camera(&mut shot, &turned);
    assert_eq!(Pose::of(&shot.camera).horizontal, 180);
    m2511::nudge(&mut shot, Nudge::Up);
    assert_eq!(
        Pose::of(&shot.camera).vertical,
        30,
        "↑ the next trained elevation"
    );
    // The seed model's own moves stop at its range.
    let mut seed = initial_shot(&Ranges::default());
    let turned = Camera {
        azimuth: 170.0,
        ..seed.camera
    };
    angleshot::domain::profile::multiangle::place_camera(&mut seed, &turned, &Ranges::default());
    assert_eq!(
        angleshot::domain::profile::multiangle::Pose::of(&seed.camera)
            .rotate
            .abs(),
        90
    );
}

#[test]
fn a_turnaround_sorts_labels_and_names_by_azimuth() {
    let cells: Vec<SetAngle> = [0, 45, 90, 135, 180, 225, 270, 315]
        .into_iter()
        .map(SetAngle::from_azimuth)
        .collect();
    assert_eq!(
        cells[1],
        SetAngle {
            rotate: -45,
            tilt: 0
        },
        "45 is the camera to the right"
    );
    let kind = SetKind::Turnaround { seed: 9 };
    let mut keys: Vec<_> = cells
        .iter()
        .rev()
        .map(|a| a.order_key_in(kind, 0))
        .collect();
    keys.sort();
    assert_eq!(
        keys.iter().map(|k| k.1).collect::<Vec<_>>(),
        [0, 45, 90, 135, 180, 225, 270, 315]
    );

    let options = Options {
        seed: Some(9),
        ..Options::default()
    };
    let cards: Vec<JobCard> = m2511::turnaround(30, 5)
        .into_iter()
        .map(|pose| card_2511(pose, &options))
        .collect();
    let image = |b: u8| ArchiveImage {
        bytes: vec![b; 8],
        mime_type: "image/png".into(),
    };
    let results: Vec<_> = cells
        .iter()
        .zip(&cards)
        .enumerate()
        .rev()
        .map(|(i, (angle, card))| (*angle, card, image(i as u8)))
        .collect();
    let archive = SetArchive {
        input_name: "hero.png",
        input_asset_id: Some("asset_in"),
        base_rotation: 0,
        created_ms: 0.0,
        kind,
    };
    let zip = archive.build(image(255), &results).unwrap();
    let names = angleshot_zip_names(&zip);
    assert_eq!(
        names[..4],
        [
            "hero_01_front.png",
            "hero_02_az000_el+30_zoom5.png",
            "hero_03_az045_el+30_zoom5.png",
            "hero_04_az090_el+30_zoom5.png"
        ],
        "{names:?}"
    );
    assert_eq!(names[8], "hero_09_az315_el+30_zoom5.png", "{names:?}");
    assert_eq!(
        names.len(),
        10,
        "the original, eight frames and angles.json"
    );
}

/// The names in a stored (uncompressed) ZIP, from its local file headers.
fn angleshot_zip_names(zip: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    let mut at = 0;
    while at + 30 <= zip.len() && zip[at..at + 4] == [0x50, 0x4b, 0x03, 0x04] {
        let u16_at = |i: usize| usize::from(zip[i]) | usize::from(zip[i + 1]) << 8;
        let u32_at = |i: usize| u16_at(i) | u16_at(i + 2) << 16;
        let (size, name_len, extra) = (u32_at(at + 18), u16_at(at + 26), u16_at(at + 28));
        names.push(String::from_utf8_lossy(&zip[at + 30..at + 30 + name_len]).to_string());
        at += 30 + name_len + extra + size;
    }
    names
}

#[test]
fn a_job_short_of_its_takes_says_so_and_takes_keep_the_jobs_order() {
    let options = Options {
        num_outputs: 4,
        ..Options::default()
    };
    let mut card = card_2511(Pose::FRONT, &options);
    let job = Job::from_json(&serde_json::json!({"jobId":"job_1","status":"success","metadata":{"assetIds":["a1","a2","a3"]}})).unwrap();
    assert!(card.apply(&job, 5.0));
    assert_eq!(
        card.hint.as_deref(),
        Some("3 of 4 takes came back; the model sent no more.")
    );
    let take = |id: &str| ResultImage {
        asset_id: id.into(),
        object_url: format!("blob:{id}"),
        mime_type: "image/png".into(),
    };
    card.result = Some(take("a1"));
    assert_eq!(card.missing_takes(), ["a2", "a3"]);
    card.add_take(take("a3"));
    card.add_take(take("a2"));
    card.add_take(take("a2"));
    let ids: Vec<&str> = card.takes().iter().map(|t| t.asset_id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3"], "in the job's order, once each");
    assert!(card.missing_takes().is_empty());
    // A seed-model job of one result says nothing of takes.
    let mut seed = JobCard::new(2, GenerateBody::with_defaults("a"), "hero.png", 0.0);
    let one = Job::from_json(
        &serde_json::json!({"jobId":"job_2","status":"success","metadata":{"assetIds":["b1"]}}),
    )
    .unwrap();
    seed.apply(&one, 1.0);
    assert_eq!(seed.hint, None);
}

#[test]
fn a_sprite_sheet_has_equal_cells_in_each_grid_and_a_json_hash_atlas() {
    let frames: Vec<SheetFrame> = (0..8)
        .map(|i| SheetFrame {
            name: pose_label(Pose {
                horizontal: i * 45,
                vertical: 0,
                zoom: 5,
            }) + ".png",
            width: if i == 3 { 640 } else { 512 },
            height: if i == 5 { 600 } else { 512 },
        })
        .collect();
    for (grid, size) in [
        (Grid::EightByOne, (8 * 640, 600)),
        (Grid::FourByTwo, (4 * 640, 2 * 600)),
        (Grid::TwoByFour, (2 * 640, 4 * 600)),
    ] {
        let sheet = layout(&frames, grid);
        assert_eq!((sheet.width, sheet.height), size, "{}", grid.label());
        for cell in &sheet.cells {
            assert!(
                cell.draw_x >= f64::from(cell.x)
                    && cell.draw_x + cell.draw_width <= f64::from(cell.x + 640) + 1e-9
            );
            assert!(cell.draw_y + cell.draw_height <= f64::from(cell.y + 600) + 1e-9);
        }
    }
    let sheet = layout(&frames, Grid::FourByTwo);
    let wide = &sheet.cells[3];
    assert_eq!(
        (wide.draw_width, wide.draw_height),
        (640.0, 512.0),
        "never stretched"
    );
    assert_eq!(wide.draw_y, 44.0, "letterboxed, centred");
    let atlas: Value = serde_json::from_str(&sheet.atlas_json("hero_sheet_4x2.png")).unwrap();
    let frame = &atlas["frames"]["az180_el+0_zoom5.png"]["frame"];
    assert_eq!(
        (
            frame["x"].as_u64(),
            frame["y"].as_u64(),
            frame["w"].as_u64(),
            frame["h"].as_u64()
        ),
        (Some(0), Some(600), Some(640), Some(600))
    );
    assert_eq!(atlas["meta"]["image"], "hero_sheet_4x2.png");
    assert_eq!(
        (
            atlas["meta"]["size"]["w"].as_u64(),
            atlas["meta"]["size"]["h"].as_u64()
        ),
        (Some(2560), Some(1200))
    );
    assert_eq!(Grid::from_label("2×4"), Some(Grid::TwoByFour));
}

#[test]
fn a_description_lacking_an_input_is_named_and_the_defaults_stay() {
    use angleshot::domain::profile::missing_inputs_note;
    let model = Model::QwenEditMultiangle2511;
    assert!(model.missing_inputs(&m2511::INPUTS).is_empty());
    let missing = model.missing_inputs(&[
        "images",
        "horizontalAngle",
        "verticalAngle",
        "loraScale",
        "numOutputs",
        "numInferenceSteps",
        "guidanceScale",
        "acceleration",
        "seed",
    ]);
    assert_eq!(missing, ["zoom"]);
    assert_eq!(
        missing_inputs_note(&missing).as_deref(),
        Some("The model's description does not list zoom: the profile's defaults are used.")
    );
    assert_eq!(missing_inputs_note(&[]), None);
    let seed = Model::QwenEditMultiangle;
    assert_eq!(
        seed.missing_inputs(&angleshot::domain::profile::multiangle::INPUTS[..8]),
        ["goFast"]
    );
}

#[test]
fn the_demo_describes_both_models_and_refuses_what_they_do_not_take() {
    use angleshot::demo::models::{description, invalid};
    let options = Options::default();
    let good = serde_json::to_value(body(Pose::FRONT, &options, "asset_1")).unwrap();
    let (seed_model, model_2511) = (
        Model::QwenEditMultiangle.id(),
        Model::QwenEditMultiangle2511.id(),
    );
    assert_eq!(invalid(model_2511, &good), None);
    let seed = serde_json::to_value(GenerateBody::with_defaults("asset_1")).unwrap();
    assert_eq!(invalid(seed_model, &seed), None);
    let refused = |change: fn(&mut Value)| {
        let mut bad = good.clone();
        change(&mut bad);
        invalid(model_2511, &bad)
    };
    assert_eq!(
        refused(|b| b["prompt"] = "x".into()).as_deref(),
        Some("prompt is not an input of this model")
    );
    assert_eq!(
        refused(|b| {
            b.as_object_mut().unwrap().remove("images");
        })
        .as_deref(),
        Some("images is required")
    );
    assert_eq!(
        refused(|b| b["verticalAngle"] = 120.into()).as_deref(),
        Some("verticalAngle must be between -30 and 90")
    );
    assert_eq!(
        refused(|b| b["acceleration"] = "max".into()).as_deref(),
        Some("acceleration must be one of none, regular")
    );
    assert!(
        invalid(seed_model, &good).is_some(),
        "a 2511 body is not the seed model's"
    );
    assert_eq!(
        invalid("model_unknown", &good).as_deref(),
        Some("Model model_unknown not found")
    );
    let described = description(model_2511).unwrap();
    let names: Vec<&str> = described["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["name"].as_str())
        .collect();
    assert_eq!(
        names,
        m2511::INPUTS,
        "the demo lists every input the profile sends"
    );
    assert_eq!(
        described["inputs"][0]["required"],
        serde_json::json!({ "always": true })
    );
}
