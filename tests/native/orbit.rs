//! The orbit gizmo's geometry (neutral camera) and the presets, natively.

use angleshot::domain::camera::Lens;
use angleshot::domain::orbit::{
    CENTER, FAR_RADIUS, NEAR_RADIUS, camera_point, cone_half_angle, elevation_from_point,
    elevation_point, radius, values_from_point,
};
use angleshot::domain::presets::{Preset, Toggle, apply, is_on, is_pressed, toggle};
use angleshot::domain::profile::multiangle::{Pose, Ranges, initial_shot, is_noop, place_camera};

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
}

fn seed(pose: Pose) -> (f64, f64, f64) {
    let camera = pose.camera(Lens::Normal);
    (camera.azimuth, camera.elevation, camera.distance)
}

#[test]
fn front_is_towards_the_artist_and_the_seeds_positive_rotate_is_drawn_left() {
    assert!(close(
        camera_point(0.0, 1.0),
        (CENTER.0, CENTER.1 + FAR_RADIUS)
    ));
    assert!(
        close(camera_point(90.0, 1.0), (CENTER.0 + FAR_RADIUS, CENTER.1)),
        "azimuth 90: camera to the right"
    );
    let (azimuth, _, distance) = seed(Pose {
        rotate: 90,
        forward: 0,
        tilt: 0,
    });
    assert!(
        close(
            camera_point(azimuth, distance),
            (CENTER.0 - FAR_RADIUS, CENTER.1)
        ),
        "the seed's rotate +90: camera to the left"
    );
    let (azimuth, _, distance) = seed(Pose {
        rotate: 45,
        forward: 0,
        tilt: 0,
    });
    assert!(camera_point(azimuth, distance).0 < CENTER.0);
}

#[test]
fn coming_closer_pulls_the_camera_in() {
    assert_eq!(radius(1.0), FAR_RADIUS);
    assert_eq!(radius(0.0), NEAR_RADIUS);
    assert!(radius(0.5) < radius(1.0) && radius(0.5) > radius(0.0));
    assert_eq!(radius(-3.0), NEAR_RADIUS);
    assert_eq!(radius(f64::NAN), NEAR_RADIUS);
}

#[test]
fn points_map_back_to_values_for_every_trained_state() {
    for rotate in [-90, -45, 0, 45, 90] {
        for forward in [0, 5, 10] {
            let (azimuth, _, distance) = seed(Pose {
                rotate,
                forward,
                tilt: 0,
            });
            let (x, y) = camera_point(azimuth, distance);
            let (a, d) = values_from_point(x, y);
            assert!((a - azimuth).abs() < 1e-6, "{rotate}/{forward}: {a}");
            assert!((d - distance).abs() < 1e-6, "{rotate}/{forward}: {d}");
        }
    }
}

#[test]
fn behind_the_subject_the_seed_holds_its_limit_and_distance_is_clamped() {
    let ranges = Ranges::default();
    let mut shot = initial_shot(&ranges);
    let at = |x: f64, y: f64, shot: &mut _| {
        let (azimuth, distance) = values_from_point(x, y);
        let camera = angleshot::domain::camera::Camera {
            azimuth,
            distance,
            ..Default::default()
        };
        place_camera(shot, &camera, &ranges);
        Pose::of(&shot.camera)
    };
    assert_eq!(
        at(CENTER.0 - 10.0, CENTER.1 - 70.0, &mut shot).rotate,
        90,
        "behind, left"
    );
    assert_eq!(
        at(CENTER.0 + 10.0, CENTER.1 - 70.0, &mut shot).rotate,
        -90,
        "behind, right"
    );
    assert_eq!(values_from_point(CENTER.0, CENTER.1 + 500.0).1, 1.0);
    assert_eq!(values_from_point(CENTER.0, CENTER.1 + 1.0).1, 0.0);
    let dragged = at(CENTER.0 - 60.0, CENTER.1 + 55.0, &mut shot); // left-front, near full view
    assert_eq!((dragged.rotate, dragged.forward), (45, 0));
}

#[test]
fn elevation_arc_round_trips_and_top_down_is_drawn_high() {
    for tilt in [-1, 0, 1] {
        let (_, elevation, _) = seed(Pose {
            rotate: 0,
            forward: 0,
            tilt,
        });
        let (x, y) = elevation_point(elevation);
        assert!(
            (elevation_from_point(x, y) - elevation).abs() < 1e-6,
            "{tilt}"
        );
    }
    let height = |tilt| {
        elevation_point(
            seed(Pose {
                rotate: 0,
                forward: 0,
                tilt,
            })
            .1,
        )
        .1
    };
    assert!(height(-1) < height(0), "top-down is above eye level");
    assert!(height(1) > height(0), "low angle is below");
    assert!(cone_half_angle(Lens::Wide) > cone_half_angle(Lens::Normal));
}

#[test]
fn pose_presets_are_one_exclusive_group_and_the_toggles_keep_their_own_value() {
    let ranges = Ranges::default();
    let labels: Vec<&str> = Preset::ALL.iter().map(|p| p.label()).collect();
    assert_eq!(
        labels,
        [
            "Front",
            "45° left",
            "90° left",
            "45° right",
            "90° right",
            "Top-down",
            "Low angle"
        ]
    );
    let toggles: Vec<&str> = Toggle::ALL.iter().map(|t| t.label()).collect();
    assert_eq!(toggles, ["Close-up", "Wide-angle lens"]);
    let state = |shot: &angleshot::domain::shot::Shot| {
        let pose = Pose::of(&shot.camera);
        (pose.rotate, pose.tilt, pose.forward, shot.camera.lens)
    };
    let pressed = |shot: &angleshot::domain::shot::Shot| -> Vec<&str> {
        Preset::ALL
            .iter()
            .filter(|p| is_pressed(shot, **p))
            .map(|p| p.label())
            .collect()
    };
    let mut shot = initial_shot(&ranges);
    assert_eq!(pressed(&shot), ["Front"]);
    shot.camera = Pose {
        rotate: 0,
        forward: 10,
        tilt: -1,
    }
    .camera(Lens::Wide);
    apply(&mut shot, Preset::Right90, &ranges);
    assert_eq!(
        state(&shot),
        (-90, 0, 10, Lens::Wide),
        "distance and lens stay"
    );
    apply(&mut shot, Preset::TopDown, &ranges);
    assert_eq!(
        state(&shot),
        (0, -1, 10, Lens::Wide),
        "the whole pose, not added up"
    );
    assert_eq!(pressed(&shot), ["Top-down"]);
    assert!(is_on(&shot, Toggle::CloseUp) && is_on(&shot, Toggle::WideAngle));
    toggle(&mut shot, Toggle::CloseUp, &ranges);
    toggle(&mut shot, Toggle::WideAngle, &ranges);
    assert_eq!(state(&shot), (0, -1, 0, Lens::Normal));
    assert!(!is_on(&shot, Toggle::CloseUp) && !is_on(&shot, Toggle::WideAngle));
    apply(&mut shot, Preset::Front, &ranges);
    assert!(is_noop(&shot));
    // A free pose (Fine values) presses no preset.
    shot.camera = Pose {
        rotate: 30,
        forward: 0,
        tilt: 0,
    }
    .camera(Lens::Normal);
    assert!(pressed(&shot).is_empty());
}
