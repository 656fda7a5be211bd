//! Where the artist was, kept across a reload: the camera (pose, lens, options, prompt, Fine
//! values) and the uploaded input by asset id.

use angleshot::api::types::AspectRatio;
use angleshot::domain::camera::Lens;
use angleshot::domain::draft::{Draft, DraftInput};
use angleshot::domain::profile::multiangle::{Pose, Ranges};
use angleshot::domain::shot::Shot;

use crate::support::seed_shot as shot;

fn rotate(shot: &Shot) -> i32 {
    Pose::of(&shot.camera).rotate
}

fn input() -> DraftInput {
    DraftInput {
        name: "chair.png".into(),
        thumbnail: "data:image/webp;base64,AAAA".into(),
        asset_id: "asset_in".into(),
        base_rotation: 90,
        origin: "http://127.0.0.1:9000/v1".into(),
    }
}

#[test]
fn the_whole_camera_and_the_input_come_back() {
    let mut camera = shot(-45, 5, -1, Lens::Wide);
    camera.aspect_ratio = AspectRatio::Square;
    camera.go_fast = true;
    camera.prompt = "keep the red hat".into();
    let draft = Draft {
        shot: camera,
        input: Some(input()),
    };
    let back = Draft::from_json(&draft.to_json(), &Ranges::default()).unwrap();
    assert_eq!(back, draft);
}

#[test]
fn fine_values_stay_unsnapped_and_others_snap_into_the_ranges() {
    let mut camera = shot(37, 0, 0, Lens::Normal);
    camera.fine = true;
    let text = Draft {
        shot: camera,
        input: None,
    }
    .to_json();
    assert_eq!(
        rotate(&Draft::from_json(&text, &Ranges::default()).unwrap().shot),
        37
    );
    let snapped = text.replace("\"fine\":true", "\"fine\":false");
    let back = Draft::from_json(&snapped, &Ranges::default()).unwrap();
    assert_ne!(rotate(&back.shot), 37, "snapped to a trained angle");
}

#[test]
fn an_input_without_a_lasting_preview_or_a_bad_one_is_dropped_but_the_camera_kept() {
    let camera = shot(45, 0, 0, Lens::Normal);
    let mut blob = input();
    blob.thumbnail = "blob:http://x/1".into();
    let back = Draft::from_json(
        &Draft {
            shot: camera.clone(),
            input: Some(blob),
        }
        .to_json(),
        &Ranges::default(),
    )
    .unwrap();
    assert_eq!((back.input, rotate(&back.shot)), (None, 45));
    let text = Draft {
        shot: camera,
        input: Some(input()),
    }
    .to_json()
    .replace("\"assetId\":\"asset_in\"", "\"assetId\":7");
    let back = Draft::from_json(&text, &Ranges::default()).unwrap();
    assert_eq!((back.input, rotate(&back.shot)), (None, 45));
}

#[test]
fn anything_else_is_no_draft() {
    for text in [
        "",
        "null",
        "[]",
        "{}",
        r#"{"version":2,"camera":{}}"#,
        r#"{"version":1}"#,
    ] {
        assert_eq!(Draft::from_json(text, &Ranges::default()), None, "{text}");
    }
}
