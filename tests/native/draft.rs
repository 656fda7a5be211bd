//! Where the artist was, kept across a reload: the camera (pose, lens, options, prompt, Fine
//! values) and the uploaded input by asset id.

use angleshot::api::types::AspectRatio;
use angleshot::domain::camera::{Camera, Ranges};
use angleshot::domain::draft::{Draft, DraftInput};

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
    let camera = Camera {
        rotate: -45,
        forward: 5,
        tilt: -1,
        wide_angle: true,
        aspect_ratio: AspectRatio::Square,
        go_fast: true,
        prompt: "keep the red hat".into(),
        ..Camera::default()
    };
    let draft = Draft {
        camera,
        input: Some(input()),
    };
    let back = Draft::from_json(&draft.to_json(), &Ranges::default()).unwrap();
    assert_eq!(back, draft);
}

#[test]
fn fine_values_stay_unsnapped_and_others_snap_into_the_ranges() {
    let camera = Camera {
        fine: true,
        rotate: 37,
        ..Camera::default()
    };
    let text = Draft {
        camera,
        input: None,
    }
    .to_json();
    assert_eq!(
        Draft::from_json(&text, &Ranges::default())
            .unwrap()
            .camera
            .rotate,
        37
    );
    let snapped = text.replace("\"fine\":true", "\"fine\":false");
    let back = Draft::from_json(&snapped, &Ranges::default()).unwrap();
    assert_ne!(back.camera.rotate, 37, "snapped to a trained angle");
}

#[test]
fn an_input_without_a_lasting_preview_or_a_bad_one_is_dropped_but_the_camera_kept() {
    let camera = Camera {
        rotate: 45,
        ..Camera::default()
    };
    let mut blob = input();
    blob.thumbnail = "blob:http://x/1".into();
    let back = Draft::from_json(
        &Draft {
            camera: camera.clone(),
            input: Some(blob),
        }
        .to_json(),
        &Ranges::default(),
    )
    .unwrap();
    assert_eq!((back.input, back.camera.rotate), (None, 45));
    let text = Draft {
        camera,
        input: Some(input()),
    }
    .to_json()
    .replace("\"assetId\":\"asset_in\"", "\"assetId\":7");
    let back = Draft::from_json(&text, &Ranges::default()).unwrap();
    assert_eq!((back.input, back.camera.rotate), (None, 45));
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
