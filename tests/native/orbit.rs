//! The orbit gizmo's geometry and the presets, natively.

use angleshot::domain::camera::{Camera, Ranges};
use angleshot::domain::orbit::{
    CENTER, FAR_RADIUS, NEAR_RADIUS, camera_point, cone_half_angle, elevation_point, radius,
    tilt_from_point, values_from_point,
};
use angleshot::domain::presets::{Preset, apply};

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
}

#[test]
fn front_is_towards_the_artist_and_positive_rotate_is_drawn_left() {
    assert!(close(camera_point(0, 0), (CENTER.0, CENTER.1 + FAR_RADIUS)));
    assert!(
        close(camera_point(90, 0), (CENTER.0 - FAR_RADIUS, CENTER.1)),
        "camera to the left"
    );
    assert!(
        close(camera_point(-90, 0), (CENTER.0 + FAR_RADIUS, CENTER.1)),
        "camera to the right"
    );
    let (x, _) = camera_point(45, 0);
    assert!(x < CENTER.0);
}

#[test]
fn forward_pulls_the_camera_in() {
    assert_eq!(radius(0), FAR_RADIUS);
    assert_eq!(radius(10), NEAR_RADIUS);
    assert!(radius(5) < radius(0) && radius(5) > radius(10));
    assert_eq!(radius(99), NEAR_RADIUS);
}

#[test]
fn points_map_back_to_values_for_every_trained_state() {
    for rotate in [-90, -45, 0, 45, 90] {
        for forward in [0, 5, 10] {
            let (x, y) = camera_point(rotate, forward);
            let (r, f) = values_from_point(x, y);
            assert!(
                (r - f64::from(rotate)).abs() < 1e-6,
                "{rotate}/{forward}: {r}"
            );
            assert!(
                (f - f64::from(forward)).abs() < 1e-6,
                "{rotate}/{forward}: {f}"
            );
        }
    }
}

#[test]
fn behind_the_subject_holds_the_model_limit_and_distance_is_clamped() {
    let (r, _) = values_from_point(CENTER.0 - 10.0, CENTER.1 - 70.0); // behind, left side
    assert_eq!(r, 90.0);
    let (r, _) = values_from_point(CENTER.0 + 10.0, CENTER.1 - 70.0);
    assert_eq!(r, -90.0);
    let (_, f) = values_from_point(CENTER.0, CENTER.1 + 500.0);
    assert_eq!(f, 0.0);
    let (_, f) = values_from_point(CENTER.0, CENTER.1 + 1.0);
    assert_eq!(f, 10.0);
}

#[test]
fn dragged_values_snap_through_the_camera() {
    let ranges = Ranges::default();
    let mut camera = Camera::default();
    let (r, f) = values_from_point(CENTER.0 - 60.0, CENTER.1 + 55.0); // left-front, near full view
    camera.set_rotate(r.round() as i32, &ranges);
    camera.set_forward(f.round() as i32, &ranges);
    assert_eq!((camera.rotate, camera.forward), (45, 0));
}

#[test]
fn elevation_arc_round_trips_and_top_down_is_drawn_high() {
    for tilt in [-1, 0, 1] {
        let (x, y) = elevation_point(tilt);
        assert!(
            (tilt_from_point(x, y) - f64::from(tilt)).abs() < 1e-6,
            "{tilt}"
        );
    }
    assert!(
        elevation_point(-1).1 < elevation_point(0).1,
        "top-down is above eye level"
    );
    assert!(
        elevation_point(1).1 > elevation_point(0).1,
        "low angle is below"
    );
    assert!(cone_half_angle(true) > cone_half_angle(false));
}

#[test]
fn presets_set_the_panel() {
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
            "Low angle",
            "Close-up",
            "Wide"
        ]
    );
    let mut camera = Camera {
        tilt: -1,
        forward: 10,
        wide_angle: true,
        ..Camera::default()
    };
    apply(&mut camera, Preset::Right90, &ranges);
    assert_eq!(
        (
            camera.rotate,
            camera.tilt,
            camera.forward,
            camera.wide_angle
        ),
        (-90, 0, 0, false)
    );
    apply(&mut camera, Preset::TopDown, &ranges);
    apply(&mut camera, Preset::CloseUp, &ranges);
    apply(&mut camera, Preset::Wide, &ranges);
    assert_eq!(
        (
            camera.rotate,
            camera.tilt,
            camera.forward,
            camera.wide_angle
        ),
        (-90, -1, 10, true)
    );
    apply(&mut camera, Preset::LowAngle, &ranges);
    assert_eq!(camera.tilt, 1);
    apply(&mut camera, Preset::Front, &ranges);
    assert!(camera.is_noop());
}
