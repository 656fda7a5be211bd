//! Geometry of the orbit gizmo: the subject at the centre of a top view, the camera on an
//! orbit whose angle is Rotate and whose radius shrinks as Move forward grows; beside it an
//! elevation arc for Vertical tilt. Pointer positions map to values and back; snapping comes
//! from [`super::camera`].
//!
//! ```
//! use angleshot::domain::orbit::{camera_point, values_from_point};
//! let (x, y) = camera_point(90, 0);          // camera orbited to the LEFT…
//! assert!(x < 100.0);                         // …is drawn left of the subject
//! let (rotate, forward) = values_from_point(x, y);
//! assert_eq!((rotate.round(), forward.round()), (90.0, 0.0));
//! ```

use crate::util::math;

/// Centre of the top view, in SVG user units.
pub const CENTER: (f64, f64) = (100.0, 100.0);
/// Orbit radius at Move forward 0 (full view).
pub const FAR_RADIUS: f64 = 80.0;
/// Orbit radius at Move forward 10 (close-up).
pub const NEAR_RADIUS: f64 = 32.0;
/// Elevation arc: centre and radius, and the angle above the horizon for tilt −1 (top-down).
pub const ARC_CENTER: (f64, f64) = (265.0, 110.0);
pub const ARC_RADIUS: f64 = 60.0;
pub const ARC_MAX_DEGREES: f64 = 60.0;

/// Orbit radius for a Move forward value (0..10).
pub fn radius(forward: i32) -> f64 {
    let t = f64::from(forward.clamp(0, 10)) / 10.0;
    FAR_RADIUS - t * (FAR_RADIUS - NEAR_RADIUS)
}

/// Where the camera is drawn in the top view. Front (0°) is below the subject (towards the
/// artist); positive Rotate moves it to the artist's left.
pub fn camera_point(rotate: i32, forward: i32) -> (f64, f64) {
    let theta = f64::from(rotate).to_radians();
    let r = radius(forward);
    (
        CENTER.0 - r * math::sin(theta),
        CENTER.1 + r * math::cos(theta),
    )
}

/// Unsnapped Rotate (−90..90) and Move forward (0..10) for a pointer at `(x, y)` in the top
/// view. Behind the subject the angle is held at ±90, the model's limit.
pub fn values_from_point(x: f64, y: f64) -> (f64, f64) {
    let (dx, dy) = (x - CENTER.0, y - CENTER.1);
    let rotate = math::clamp(math::atan2(-dx, dy).to_degrees(), -90.0, 90.0);
    let distance = math::hypot(dx, dy);
    let forward = math::clamp(
        (FAR_RADIUS - distance) / (FAR_RADIUS - NEAR_RADIUS) * 10.0,
        0.0,
        10.0,
    );
    (rotate, forward)
}

/// Where the camera is drawn on the elevation arc: top-down (−1) high, low angle (1) low.
pub fn elevation_point(tilt: i32) -> (f64, f64) {
    let phi = (-f64::from(tilt.clamp(-1, 1)) * ARC_MAX_DEGREES).to_radians();
    (
        ARC_CENTER.0 - ARC_RADIUS * math::cos(phi),
        ARC_CENTER.1 - ARC_RADIUS * math::sin(phi),
    )
}

/// Unsnapped Vertical tilt (−1..1) for a pointer at `(x, y)` near the elevation arc.
pub fn tilt_from_point(x: f64, y: f64) -> f64 {
    let phi = math::atan2(ARC_CENTER.1 - y, ARC_CENTER.0 - x).to_degrees();
    math::clamp(-phi / ARC_MAX_DEGREES, -1.0, 1.0)
}

/// Half-angle of the drawn view cone: wider with the wide-angle lens.
pub fn cone_half_angle(wide_angle: bool) -> f64 {
    if wide_angle { 38.0 } else { 20.0 }
}
