//! Camera values: ranges, snapping to trained states, fine mode, words, directive and body.

use angleshot::api::types::{AspectRatio, FromJson, ModelInput};
use angleshot::domain::camera::{Camera, ROTATE_STATES, Ranges, snap};
use angleshot::domain::directive::{NO_MOVEMENT, directive};
use serde_json::json;

#[test]
fn defaults_are_the_contracts() {
    let camera = Camera::default();
    assert_eq!((camera.rotate, camera.forward, camera.tilt), (0, 0, 0));
    assert_eq!(camera.lora_scale, 1.25);
    assert_eq!(camera.aspect_ratio, AspectRatio::MatchInput);
    assert!(!camera.wide_angle && !camera.go_fast && !camera.fine);
    assert!(camera.is_noop());
}

#[test]
fn snapping_goes_to_the_nearest_trained_state() {
    let r = Ranges::default();
    let mut camera = Camera::default();
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
        camera.set_rotate(input, &r);
        assert_eq!(camera.rotate, expected, "rotate {input}");
    }
    for (input, expected) in [(0, 0), (2, 0), (3, 5), (7, 5), (8, 10), (-4, 0), (99, 10)] {
        camera.set_forward(input, &r);
        assert_eq!(camera.forward, expected, "forward {input}");
    }
    for (input, expected) in [(-5, -1), (0, 0), (1, 1), (3, 1)] {
        camera.set_tilt(input, &r);
        assert_eq!(camera.tilt, expected, "tilt {input}");
    }
    assert_eq!(snap(-22, &ROTATE_STATES), 0);
    assert_eq!(snap(-23, &ROTATE_STATES), -45);
}

#[test]
fn fine_mode_keeps_free_integers_and_leaving_it_snaps() {
    let r = Ranges::default();
    let mut camera = Camera::default();
    camera.set_fine(true, &r);
    camera.set_rotate(30, &r);
    camera.set_forward(3, &r);
    assert_eq!((camera.rotate, camera.forward), (30, 3));
    camera.set_rotate(-120, &r);
    assert_eq!(camera.rotate, -90, "still clamped");
    camera.set_rotate(30, &r);
    camera.set_fine(false, &r);
    assert_eq!((camera.rotate, camera.forward), (45, 5));
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
    let mut camera = Camera::from_ranges(&r);
    camera.set_rotate(90, &r);
    assert_eq!(
        camera.rotate, 45,
        "snapped, then kept inside the model's range"
    );
    camera.set_lora_scale(3.5, &r);
    assert_eq!(camera.lora_scale, 2.0);
    camera.set_lora_scale(f64::NAN, &r);
    assert_eq!(camera.lora_scale, 2.0);
}

#[test]
fn body_carries_integers_and_trimmed_prompt() {
    let camera = Camera {
        rotate: -45,
        forward: 5,
        tilt: -1,
        wide_angle: true,
        prompt: "  keep the red scarf ".into(),
        ..Camera::default()
    };
    let body = camera.to_body("asset_7");
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
    assert_eq!(directive(&Camera::default()), NO_MOVEMENT);
    let left_close = Camera {
        rotate: 45,
        forward: 10,
        ..Camera::default()
    };
    assert_eq!(
        directive(&left_close),
        "Rotate the camera 45 degrees to the left. Turn the camera to a close-up."
    );
    let right_top_wide = Camera {
        rotate: -90,
        tilt: -1,
        wide_angle: true,
        forward: 5,
        prompt: "studio light".into(),
        ..Camera::default()
    };
    assert_eq!(
        directive(&right_top_wide),
        "Rotate the camera 90 degrees to the right. Move the camera forward. Turn the camera to a bird's-eye view. Turn the camera to a wide-angle lens. studio light"
    );
    assert_eq!(
        directive(&Camera {
            tilt: 1,
            ..Camera::default()
        }),
        "Turn the camera to a worm's-eye view."
    );
}

#[test]
fn words_for_cards_and_screen_readers() {
    assert_eq!(
        Camera {
            rotate: 45,
            forward: 10,
            ..Camera::default()
        }
        .describe(),
        "45° to the left, eye level, close-up"
    );
    assert_eq!(
        Camera {
            rotate: -90,
            tilt: -1,
            wide_angle: true,
            ..Camera::default()
        }
        .describe(),
        "90° to the right, top-down, full view, wide-angle"
    );
    assert_eq!(
        Camera {
            tilt: 1,
            forward: 5,
            ..Camera::default()
        }
        .describe(),
        "front, low angle, 5 steps closer"
    );
}

#[test]
fn noop_detection() {
    assert!(
        !Camera {
            prompt: "x".into(),
            ..Camera::default()
        }
        .is_noop()
    );
    assert!(
        !Camera {
            wide_angle: true,
            ..Camera::default()
        }
        .is_noop()
    );
    assert!(
        Camera {
            prompt: "   ".into(),
            ..Camera::default()
        }
        .is_noop()
    );
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
    use angleshot::domain::camera::{GenerateReadiness, generate_blocker};
    let moved = Camera {
        rotate: 45,
        ..Camera::default()
    };
    let ready = GenerateReadiness {
        has_image: true,
        has_credentials: true,
        uploading: false,
    };
    assert_eq!(generate_blocker(&moved, ready), None);
    assert!(
        generate_blocker(
            &moved,
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
            &moved,
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
            &moved,
            GenerateReadiness {
                uploading: true,
                ..ready
            }
        )
        .unwrap()
        .contains("Uploading")
    );
    assert!(
        generate_blocker(&Camera::default(), ready)
            .unwrap()
            .contains("Nothing would change")
    );
}

#[test]
fn an_angle_set_needs_ticked_angles_not_a_moved_camera() {
    use angleshot::domain::camera::{GenerateReadiness, set_blocker};
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
