//! One-tap camera presets. They set the panel; they never generate by themselves.
//!
//! ```
//! use angleshot::domain::{camera::{Camera, Ranges}, presets::{apply, Preset}};
//! let mut camera = Camera::default();
//! apply(&mut camera, Preset::Left45, &Ranges::default());
//! assert_eq!(camera.rotate, 45);
//! ```

use super::camera::{Camera, Ranges};

/// The presets, in the order the panel shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Front,
    Left45,
    Left90,
    Right45,
    Right90,
    TopDown,
    LowAngle,
    CloseUp,
    Wide,
}

impl Preset {
    /// Every preset, in display order.
    pub const ALL: [Preset; 9] = [
        Preset::Front,
        Preset::Left45,
        Preset::Left90,
        Preset::Right45,
        Preset::Right90,
        Preset::TopDown,
        Preset::LowAngle,
        Preset::CloseUp,
        Preset::Wide,
    ];

    /// The button's text (also its accessible name).
    pub fn label(self) -> &'static str {
        match self {
            Preset::Front => "Front",
            Preset::Left45 => "45° left",
            Preset::Left90 => "90° left",
            Preset::Right45 => "45° right",
            Preset::Right90 => "90° right",
            Preset::TopDown => "Top-down",
            Preset::LowAngle => "Low angle",
            Preset::CloseUp => "Close-up",
            Preset::Wide => "Wide",
        }
    }
}

/// Sets the camera for `preset`. Orbit presets reset tilt, distance and lens to the front
/// defaults; view presets (top-down, low angle, close-up, wide) change only their own value.
pub fn apply(camera: &mut Camera, preset: Preset, ranges: &Ranges) {
    let orbit = |camera: &mut Camera, rotate: i32| {
        camera.set_rotate(rotate, ranges);
        camera.set_tilt(0, ranges);
        camera.set_forward(0, ranges);
        camera.wide_angle = false;
    };
    match preset {
        Preset::Front => orbit(camera, 0),
        Preset::Left45 => orbit(camera, 45),
        Preset::Left90 => orbit(camera, 90),
        Preset::Right45 => orbit(camera, -45),
        Preset::Right90 => orbit(camera, -90),
        Preset::TopDown => camera.set_tilt(-1, ranges),
        Preset::LowAngle => camera.set_tilt(1, ranges),
        Preset::CloseUp => camera.set_forward(10, ranges),
        Preset::Wide => camera.wide_angle = true,
    }
}
