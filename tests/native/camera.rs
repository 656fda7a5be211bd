//! The neutral camera and the seed model's profile: ranges, snapping to trained states, fine
//! mode, the conversion both ways, words, directive and body.

use angleshot::api::types::{AspectRatio, FromJson, ModelInput};
use angleshot::domain::camera::{Camera, Lens};
use angleshot::domain::profile::multiangle::{
    self, NO_MOVEMENT, Pose, ROTATE_STATES, Ranges, describe, directive, initial_shot, is_noop,
    place, set_fine, set_lora_scale, snap,
};
use angleshot::domain::shot::Shot;
use serde_json::json;

/// A shot at a pose in the seed's units, as the sliders would set it.
fn shot(rotate: i32, forward: i32, tilt: i32, lens: Lens, prompt: &str) -> Shot {
    let mut shot = crate::support::seed_shot(rotate, forward, tilt, lens);
    shot.prompt = prompt.to_string();
    shot
}

fn pose(shot: &Shot) -> (i32, i32, i32) {
    let p = Pose::of(&shot.camera);
    (p.rotate, p.forward, p.tilt)
}

#[test]
fn the_seed_model_places_the_camera_where_the_gizmo_draws_it() {
    // rotateDegrees +45 moves the camera to the artist's LEFT: a negative azimuth.
    let left = Pose {
        rotate: 45,
        forward: 0,
        tilt: 0,
    }
    .camera(Lens::Normal);
    assert_eq!(
        (left.azimuth, left.elevation, left.distance),
        (-45.0, 0.0, 1.0)
    );
    // verticalTilt −1 (top-down) looks down on the subject; 1 (low angle) up at it.
    assert!(
        Pose {
            rotate: 0,
            forward: 0,
            tilt: -1
        }
        .camera(Lens::Normal)
        .elevation
            > 0.0
    );
    assert!(
        Pose {
            rotate: 0,
            forward: 0,
            tilt: 1
        }
        .camera(Lens::Normal)
        .elevation
            < 0.0
    );
    // moveForward 10 is the close-up: distance 0.
    assert_eq!(
        Pose {
            rotate: 0,
            forward: 10,
            tilt: 0
        }
        .camera(Lens::Wide)
        .distance,
        0.0
    );
    assert_eq!(Pose::of(&Camera::default()), Pose::FRONT);
}

#[test]
fn every_whole_pose_survives_the_neutral_camera() {
    for rotate in -90..=90 {
        for forward in 0..=10 {
            for tilt in -1..=1 {
                let pose = Pose {
                    rotate,
                    forward,
                    tilt,
                };
                assert_eq!(Pose::of(&pose.camera(Lens::Normal)), pose);
            }
        }
    }
}

#[test]
fn defaults_are_the_contracts() {
    let shot = initial_shot(&Ranges::default());
    assert_eq!(pose(&shot), (0, 0, 0));
    assert_eq!(shot.lora_scale, 1.25);
    assert_eq!(shot.aspect_ratio, AspectRatio::MatchInput);
    assert!(shot.camera.lens == Lens::Normal && !shot.go_fast && !shot.fine);
    assert!(is_noop(&shot));
}

#[test]
fn snapping_goes_to_the_nearest_trained_state() {
    let r = Ranges::default();
    let mut camera = initial_shot(&r);
    for (input, expected) in [
        (-90, -90),
        (-70, -90),
        (-60, -45),
        (-22, 0),
        (22, 0),
        (23, 45),
        (67, 45),
        (68, 90),
        (200, 90),
    ] {
        place(
            &mut camera,
            Pose {
                rotate: input,
                ..Pose::FRONT
            },
            &r,
        );
        assert_eq!(pose(&camera).0, expected, "rotate {input}");
    }
    for (input, expected) in [(0, 0), (2, 0), (3, 5), (7, 5), (8, 10), (-4, 0), (99, 10)] {
        place(
            &mut camera,
            Pose {
                forward: input,
                ..Pose::FRONT
            },
            &r,
        );
        assert_eq!(pose(&camera).1, expected, "forward {input}");
    }
    for (input, expected) in [(-5, -1), (0, 0), (1, 1), (3, 1)] {
        place(
            &mut camera,
            Pose {
                tilt: input,
                ..Pose::FRONT
            },
            &r,
        );
        assert_eq!(pose(&camera).2, expected, "tilt {input}");
    }
    assert_eq!(snap(-22, &ROTATE_STATES), 0);
    assert_eq!(snap(-23, &ROTATE_STATES), -45);
}

#[test]
fn fine_mode_keeps_free_integers_and_leaving_it_snaps() {
    let r = Ranges::default();
    let mut camera = initial_shot(&r);
    let move_to = |camera: &mut Shot, rotate: i32| {
        let pose = Pose {
            rotate,
            forward: 3,
            tilt: 0,
        };
        place(camera, pose, &r);
        self::pose(camera)
    };
    set_fine(&mut camera, true, &r);
    assert_eq!(move_to(&mut camera, 30), (30, 3, 0));
    assert_eq!(move_to(&mut camera, -120).0, -90, "still clamped");
    move_to(&mut camera, 30);
    set_fine(&mut camera, false, &r);
    assert_eq!(pose(&camera), (45, 5, 0));
}

#[test]
fn model_inputs_set_ranges_and_odd_values_are_ignored() {
    let inputs: Vec<ModelInput> = json!([
        { "name": "rotateDegrees", "min": -45, "max": 45, "default": 0 },
        { "name": "moveForward", "min": 10, "max": 0 },
        { "name": "loraScale", "min": 0, "max": 2, "default": 1, "step": 0.1 },
        { "name": "aspectRatio", "allowedValues": ["1:1", "16:9", "2:1", 5] }
    ])
    .as_array()
    .unwrap()
    .iter()
    .map(|input| ModelInput::from_json(input).unwrap())
    .collect();
    let r = Ranges::from_model_inputs(&inputs);
    assert_eq!((r.rotate.min, r.rotate.max), (-45, 45));
    assert_eq!(
        (r.forward.min, r.forward.max),
        (0, 10),
        "an inverted range is ignored"
    );
    assert_eq!((r.lora_max, r.lora_default, r.lora_step), (2.0, 1.0, 0.1));
    assert_eq!(
        r.aspect_ratios,
        [AspectRatio::Square, AspectRatio::Wide16x9]
    );
    let mut camera = initial_shot(&r);
    place(
        &mut camera,
        Pose {
            rotate: 90,
            ..Pose::FRONT
        },
        &r,
    );
    assert_eq!(
        pose(&camera).0,
        45,
        "snapped, then kept inside the model's range"
    );
    set_lora_scale(&mut camera, 3.5, &r);
    assert_eq!(camera.lora_scale, 2.0);
    set_lora_scale(&mut camera, f64::NAN, &r);
    assert_eq!(camera.lora_scale, 2.0);
}

#[test]
fn body_carries_integers_and_trimmed_prompt() {
    let camera = shot(-45, 5, -1, Lens::Wide, "  keep the red scarf ");
    let body = multiangle::body(&camera, "asset_7");
    assert_eq!(
        (body.rotate_degrees, body.move_forward, body.vertical_tilt),
        (-45, 5, -1)
    );
    assert_eq!(body.prompt, "keep the red scarf");
    assert_eq!(body.image, "asset_7");
    assert!(body.use_wide_angle);
}

#[test]
fn directive_uses_the_upstream_wording_and_left_means_positive() {
    assert_eq!(directive(&shot(0, 0, 0, Lens::Normal, "")), NO_MOVEMENT);
    let left_close = shot(45, 10, 0, Lens::Normal, "");
    assert_eq!(
        directive(&left_close),
        "Rotate the camera 45 degrees to the left. Turn the camera to a close-up."
    );
    let right_top_wide = shot(-90, 5, -1, Lens::Wide, "studio light");
    assert_eq!(
        directive(&right_top_wide),
        "Rotate the camera 90 degrees to the right. Move the camera forward. Turn the camera to a bird's-eye view. Turn the camera to a wide-angle lens. studio light"
    );
    assert_eq!(
        directive(&shot(0, 0, 1, Lens::Normal, "")),
        "Turn the camera to a worm's-eye view."
    );
}

#[test]
fn words_for_cards_and_screen_readers() {
    assert_eq!(
        describe(&shot(45, 10, 0, Lens::Normal, "").camera),
        "45° to the left, eye level, close-up"
    );
    assert_eq!(
        describe(&shot(-90, 0, -1, Lens::Wide, "").camera),
        "90° to the right, top-down, full view, wide-angle"
    );
    assert_eq!(
        describe(&shot(0, 5, 1, Lens::Normal, "").camera),
        "front, low angle, 5 steps closer"
    );
}

#[test]
fn noop_detection() {
    assert!(!is_noop(&shot(0, 0, 0, Lens::Normal, "x")));
    assert!(!is_noop(&shot(0, 0, 0, Lens::Wide, "")));
    assert!(is_noop(&shot(0, 0, 0, Lens::Normal, "   ")));
    assert!(!is_noop(&shot(0, 0, 1, Lens::Normal, "")));
}

#[test]
fn api_base_precedence_device_then_host_then_public() {
    use angleshot::domain::settings::{api_base_from_config, choose_api_base};
    assert_eq!(
        api_base_from_config(r#"{"apiBase":" https://proxy.studio/scenario "}"#).as_deref(),
        Some("https://proxy.studio/scenario")
    );
    for bad in [
        "",
        "not json",
        "{}",
        r#"{"apiBase":5}"#,
        r#"{"apiBase":"  "}"#,
        "[]",
    ] {
        assert_eq!(api_base_from_config(bad), None, "{bad}");
    }
    assert_eq!(
        choose_api_base(None, None),
        "https://api.cloud.scenario.com/v1"
    );
    assert_eq!(choose_api_base(Some(" "), Some("/p")), "/p");
    assert_eq!(choose_api_base(Some("/d"), Some("/p")), "/d");
}

#[test]
fn generate_is_blocked_with_a_reason() {
    use angleshot::domain::readiness::{GenerateReadiness, generate_blocker};
    let moved = true;
    let ready = GenerateReadiness {
        has_image: true,
        has_credentials: true,
        uploading: false,
    };
    assert_eq!(generate_blocker(moved, ready), None);
    assert!(
        generate_blocker(
            moved,
            GenerateReadiness {
                has_image: false,
                ..ready
            }
        )
        .unwrap()
        .contains("image")
    );
    assert!(
        generate_blocker(
            moved,
            GenerateReadiness {
                has_credentials: false,
                ..ready
            }
        )
        .unwrap()
        .contains("key")
    );
    assert!(
        generate_blocker(
            moved,
            GenerateReadiness {
                uploading: true,
                ..ready
            }
        )
        .unwrap()
        .contains("Uploading")
    );
    assert!(
        generate_blocker(!is_noop(&shot(0, 0, 0, Lens::Normal, "")), ready)
            .unwrap()
            .contains("Nothing would change")
    );
}

#[test]
fn an_angle_set_needs_ticked_angles_not_a_moved_camera() {
    use angleshot::domain::readiness::{GenerateReadiness, set_blocker};
    let ready = GenerateReadiness {
        has_image: true,
        has_credentials: true,
        uploading: false,
    };
    assert_eq!(
        set_blocker(6, ready),
        None,
        "a front camera with no prompt is fine for a set"
    );
    assert_eq!(
        set_blocker(0, ready),
        Some("Tick at least one angle for the set.")
    );
    let no_image = GenerateReadiness {
        has_image: false,
        ..ready
    };
    assert_eq!(set_blocker(6, no_image), Some("Add an input image first."));
}
