//! The 2511 model's profile (#20, domain part): the gizmo's camera reaches it with the right
//! signs, snapping goes round the back, the words are the LoRA's, and the body holds exactly
//! the model's fields.

use angleshot::domain::camera::{Camera, Lens};
use angleshot::domain::orbit::camera_point;
use angleshot::domain::profile::Model;
use angleshot::domain::profile::multiangle::Pose as SeedPose;
use angleshot::domain::profile::multiangle_2511::{
    Acceleration, Options, Pose, body, describe, set_file_label, turnaround,
};

#[test]
fn the_seed_models_plus_45_and_the_2511s_315_are_one_camera_drawn_left_of_the_subject() {
    let seed_left = SeedPose {
        rotate: 45,
        forward: 0,
        tilt: 0,
    }
    .camera(Lens::Normal);
    assert_eq!(Pose::of(&seed_left).horizontal, 315);
    let (x, _) = camera_point(seed_left.azimuth, seed_left.distance);
    assert!(x < 100.0, "drawn on the artist's left");
    let right_side = Pose {
        horizontal: 90,
        vertical: 0,
        zoom: 5,
    }
    .camera(Lens::Normal);
    assert!(
        camera_point(right_side.azimuth, 1.0).0 > 100.0,
        "90 is the artist's right"
    );
    let back = Pose {
        horizontal: 180,
        vertical: 0,
        zoom: 5,
    }
    .camera(Lens::Normal);
    assert!(
        camera_point(back.azimuth, 1.0).1 < 100.0,
        "180 is behind the subject, drawn above it"
    );
    // Elevation: the seed's top-down (tilt −1) looks down as 2511's 60 does; −30 looks up.
    let top_down = SeedPose {
        rotate: 0,
        forward: 0,
        tilt: -1,
    }
    .camera(Lens::Normal);
    assert_eq!(Pose::of(&top_down).vertical, 60);
    let low = Pose {
        horizontal: 0,
        vertical: -30,
        zoom: 5,
    }
    .camera(Lens::Normal);
    assert!(low.elevation < 0.0);
    // Distance: zoom 10 is the close-up, 0 the wide shot.
    assert_eq!(
        Pose {
            horizontal: 0,
            vertical: 0,
            zoom: 10
        }
        .camera(Lens::Normal)
        .distance,
        0.0
    );
    assert_eq!(Pose::of(&Camera::default()).zoom, 0);
}

#[test]
fn every_trained_pose_goes_through_the_neutral_camera_and_back_unchanged() {
    for pose in turnaround(0, 5)
        .into_iter()
        .chain(turnaround(-30, 0))
        .chain(turnaround(60, 10))
    {
        assert_eq!(Pose::of(&pose.camera(Lens::Normal)), pose, "{pose:?}");
    }
}

#[test]
fn snapping_goes_round_the_back_and_fine_values_keep_whole_numbers() {
    let snap = |horizontal, vertical, zoom| {
        Pose {
            horizontal,
            vertical,
            zoom,
        }
        .fitted(false)
    };
    assert_eq!(
        snap(350, 0, 5).horizontal,
        0,
        "across the back to front, not back to 315"
    );
    assert_eq!(snap(200, 0, 5).horizontal, 180);
    assert_eq!(snap(-30, 0, 5).horizontal, 315);
    assert_eq!(snap(0, 44, 5).vertical, 30);
    assert_eq!(
        snap(0, 80, 5).vertical,
        60,
        "90 is a range end, not a trained pose"
    );
    assert_eq!(snap(0, 0, 8).zoom, 10);
    let fine = Pose {
        horizontal: 372,
        vertical: 120,
        zoom: -3,
    }
    .fitted(true);
    assert_eq!(
        fine,
        Pose {
            horizontal: 12,
            vertical: 90,
            zoom: 0
        }
    );
}

#[test]
fn the_description_is_the_loras_own_words() {
    let say = |horizontal, vertical, zoom| {
        describe(Pose {
            horizontal,
            vertical,
            zoom,
        })
    };
    assert_eq!(
        say(225, 30, 10),
        "back-left quarter view, elevated shot, close-up"
    );
    assert_eq!(say(0, 0, 5), "front view, eye-level shot, medium shot");
    assert_eq!(
        say(90, -30, 0),
        "right side view, low-angle shot, wide shot"
    );
    assert_eq!(say(180, 60, 5), "back view, high-angle shot, medium shot");
    assert_eq!(
        say(270, 90, 5),
        "left side view, bird's-eye view, medium shot"
    );
    assert_eq!(
        say(315, 0, 5),
        "front-left quarter view, eye-level shot, medium shot"
    );
    let label = |horizontal, vertical| {
        set_file_label(Pose {
            horizontal,
            vertical,
            zoom: 5,
        })
    };
    assert_eq!(label(0, 0), "front");
    assert_eq!(label(135, 0), "back-right");
    assert_eq!(label(270, 30), "left_elevated");
    assert_eq!(label(90, 90), "right_bird-s-eye");
    for pose in turnaround(0, 5) {
        let name = set_file_label(pose);
        assert!(!name.contains('+') && !name.contains(' '), "{name}");
    }
}

#[test]
fn the_body_holds_exactly_the_models_fields_and_omits_a_blank_seed() {
    let pose = Pose {
        horizontal: 315,
        vertical: 30,
        zoom: 10,
    };
    let value = serde_json::to_value(body(pose, &Options::default(), "asset_1")).unwrap();
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "acceleration",
            "guidanceScale",
            "horizontalAngle",
            "images",
            "loraScale",
            "numInferenceSteps",
            "numOutputs",
            "verticalAngle",
            "zoom"
        ],
        "no prompt, rotateDegrees, aspectRatio… and no seed when blank"
    );
    assert_eq!(value["images"], serde_json::json!(["asset_1"]));
    assert_eq!(value["acceleration"], "none");
    assert_eq!(value["loraScale"], 1.5);
    let seeded = Options {
        seed: Some(u32::MAX),
        num_outputs: 9,
        acceleration: Acceleration::Regular,
        ..Options::default()
    };
    let value = serde_json::to_value(body(pose, &seeded, "asset_1")).unwrap();
    assert_eq!(value["seed"], 2_147_483_647, "clamped to the model's range");
    assert_eq!(value["numOutputs"], 4);
    assert_eq!(value["acceleration"], "regular");
}

#[test]
fn a_turnaround_is_eight_azimuths_at_one_height_and_zoom() {
    let poses = turnaround(30, 10);
    let azimuths: Vec<i32> = poses.iter().map(|p| p.horizontal).collect();
    assert_eq!(azimuths, [0, 45, 90, 135, 180, 225, 270, 315]);
    assert!(poses.iter().all(|p| p.vertical == 30 && p.zoom == 10));
}

#[test]
fn both_models_are_named_and_found_by_id() {
    assert_eq!(Model::ALL.len(), 2);
    assert_eq!(
        Model::from_id("model_qwen-edit-multiangle-2511"),
        Some(Model::QwenEditMultiangle2511)
    );
    assert_eq!(
        Model::QwenEditMultiangle2511.name(),
        "Qwen Edit Multi-Angle 2511"
    );
    assert_eq!(Model::from_id("model_other"), None);
}
