//! Geometry of the orbit gizmo, in the neutral camera's terms: the subject at the centre of a
//! top view, the camera on an orbit at its azimuth whose radius shrinks as it comes closer;
//! beside it an elevation arc. Pointer positions map to camera values and back; a model
//! profile fits them to its own poses.
//!
//! ```
//! use angleshot::domain::orbit::{camera_point, values_from_point};
//! let (x, y) = camera_point(-90.0, 1.0);     // camera moved to the artist's LEFT…
//! assert!(x < 100.0);                         // …is drawn left of the subject
//! let (azimuth, distance) = values_from_point(x, y);
//! assert_eq!((azimuth.round(), distance.round()), (-90.0, 1.0));
//! ```

use crate::util::math;

/// Centre of the top view, in SVG user units.
pub const CENTER: (f64, f64) = (100.0, 100.0);
/// Orbit radius at the widest framing (distance 1).
pub const FAR_RADIUS: f64 = 80.0;
/// Orbit radius at the close-up (distance 0).
pub const NEAR_RADIUS: f64 = 32.0;
/// Elevation arc: centre and radius, and the furthest a drag takes it either way (the 2511
/// model's bird's-eye; each model draws and clamps its own part).
pub const ARC_CENTER: (f64, f64) = (265.0, 110.0);
pub const ARC_RADIUS: f64 = 60.0;
pub const ARC_MAX_DEGREES: f64 = 90.0;

/// Orbit radius for a distance (0 close-up .. 1 widest).
pub fn radius(distance: f64) -> f64 {
    NEAR_RADIUS + math::clamp(distance, 0.0, 1.0) * (FAR_RADIUS - NEAR_RADIUS)
}

/// Where the camera is drawn in the top view. Front (0°) is below the subject (towards the
/// artist); a positive azimuth moves it to the artist's right.
pub fn camera_point(azimuth: f64, distance: f64) -> (f64, f64) {
    let theta = azimuth.to_radians();
    let r = radius(distance);
    (
        CENTER.0 + r * math::sin(theta),
        CENTER.1 + r * math::cos(theta),
    )
}

/// An SVG path along the orbit at `radius` from azimuth `from` to `to`, turning the way
/// azimuths grow (through the front when `from` < 0 < `to`). `to` may pass 180 to draw across
/// the back. The whole ring (a model that reaches every side) is two half arcs; nothing (or
/// a span that is not a number) is empty.
///
/// ```
/// use angleshot::domain::orbit::ring_arc;
/// assert_eq!(ring_arc(-90.0, 90.0, 80.0), "M20.0,100.0 A80.0,80.0 0 0 0 180.0,100.0");
/// assert_eq!(ring_arc(90.0, 270.0, 80.0), "M180.0,100.0 A80.0,80.0 0 0 0 20.0,100.0");
/// assert_eq!(ring_arc(0.0, 0.0, 80.0), "");
/// assert_eq!(
///     ring_arc(-180.0, 180.0, 80.0),
///     "M100.0,180.0 A80.0,80.0 0 0 0 100.0,20.0 A80.0,80.0 0 0 0 100.0,180.0"
/// );
/// ```
pub fn ring_arc(from: f64, to: f64, radius: f64) -> String {
    let span = to - from;
    if span.is_nan() || span <= 0.0 {
        return String::new();
    }
    if span >= 360.0 {
        let d = math::OneDecimal;
        let (top, bottom) = (CENTER.1 - radius, CENTER.1 + radius);
        return format!(
            "M{},{} A{},{} 0 0 0 {},{} A{},{} 0 0 0 {},{}",
            d(CENTER.0),
            d(bottom),
            d(radius),
            d(radius),
            d(CENTER.0),
            d(top),
            d(radius),
            d(radius),
            d(CENTER.0),
            d(bottom)
        );
    }
    let point = |azimuth: f64| {
        let theta = azimuth.to_radians();
        (
            CENTER.0 + radius * math::sin(theta),
            CENTER.1 + radius * math::cos(theta),
        )
    };
    let ((sx, sy), (ex, ey)) = (point(from), point(to));
    let d = math::OneDecimal;
    // Growing azimuth turns the drawing counter-clockwise on screen: sweep flag 0.
    format!(
        "M{},{} A{},{} 0 {} 0 {},{}",
        d(sx),
        d(sy),
        d(radius),
        d(radius),
        u8::from(span > 180.0),
        d(ex),
        d(ey)
    )
}

/// The azimuth (−180..180) and distance (0..1) of a pointer at `(x, y)` in the top view.
pub fn values_from_point(x: f64, y: f64) -> (f64, f64) {
    let (dx, dy) = (x - CENTER.0, y - CENTER.1);
    let azimuth = math::atan2(dx, dy).to_degrees();
    let distance = math::clamp(
        (math::hypot(dx, dy) - NEAR_RADIUS) / (FAR_RADIUS - NEAR_RADIUS),
        0.0,
        1.0,
    );
    (azimuth, distance)
}

/// The distance after a drag from `start` to `now` that began at `start_distance`: only the
/// move toward the subject or away from it counts, so a tap (or a drag along the ring)
/// leaves the distance where it was, wherever on the ring it lands.
///
/// ```
/// use angleshot::domain::orbit::{CENTER, FAR_RADIUS, NEAR_RADIUS, distance_after_drag};
/// let on_outer_ring = (CENTER.0, CENTER.1 + FAR_RADIUS);
/// assert_eq!(distance_after_drag(0.0, on_outer_ring, on_outer_ring), 0.0, "a tap keeps the close-up");
/// let halfway_in = (CENTER.0, CENTER.1 + FAR_RADIUS - (FAR_RADIUS - NEAR_RADIUS) / 2.0);
/// assert_eq!(distance_after_drag(1.0, on_outer_ring, halfway_in), 0.5);
/// ```
pub fn distance_after_drag(start_distance: f64, start: (f64, f64), now: (f64, f64)) -> f64 {
    let radius_of = |(x, y): (f64, f64)| math::hypot(x - CENTER.0, y - CENTER.1);
    let moved_out = (radius_of(now) - radius_of(start)) / (FAR_RADIUS - NEAR_RADIUS);
    math::clamp(start_distance + moved_out, 0.0, 1.0)
}

/// Where the camera is drawn on the elevation arc: looking down high, looking up low.
pub fn elevation_point(elevation: f64) -> (f64, f64) {
    let phi = math::clamp(elevation, -ARC_MAX_DEGREES, ARC_MAX_DEGREES).to_radians();
    (
        ARC_CENTER.0 - ARC_RADIUS * math::cos(phi),
        ARC_CENTER.1 - ARC_RADIUS * math::sin(phi),
    )
}

/// The elevation (degrees, within the arc) of a pointer at `(x, y)` near the elevation arc.
pub fn elevation_from_point(x: f64, y: f64) -> f64 {
    let phi = math::atan2(ARC_CENTER.1 - y, ARC_CENTER.0 - x).to_degrees();
    math::clamp(phi, -ARC_MAX_DEGREES, ARC_MAX_DEGREES)
}

/// Half-angle of the drawn view cone: wider with the wide-angle lens.
pub fn cone_half_angle(lens: crate::domain::camera::Lens) -> f64 {
    match lens {
        crate::domain::camera::Lens::Wide => 38.0,
        crate::domain::camera::Lens::Normal => 20.0,
    }
}
