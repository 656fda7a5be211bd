//! One-tap camera presets, in the seed model's poses. They set the panel; they never generate by themselves.
//!
//! ```
//! use angleshot::domain::presets::{apply, Preset};
//! use angleshot::domain::profile::multiangle::{Pose, Ranges, initial_shot};
//! let mut shot = initial_shot(&Ranges::default());
//! apply(&mut shot, Preset::Left45, &Ranges::default());
//! assert_eq!(Pose::of(&shot.camera).rotate, 45);
//! ```

use crate::domain::camera::Lens;
use crate::domain::profile::multiangle::{Pose, Ranges, place};
use crate::domain::shot::Shot;

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

/// Sets the shot for `preset`. Orbit presets reset tilt, distance and lens to the front
/// defaults; view presets (top-down, low angle, close-up, wide) change only their own value.
pub fn apply(shot: &mut Shot, preset: Preset, ranges: &Ranges) {
    let mut pose = Pose::of(&shot.camera);
    let mut orbit = |rotate: i32| {
        pose = Pose {
            rotate,
            ..Pose::FRONT
        };
        shot.camera.lens = Lens::Normal;
    };
    match preset {
        Preset::Front => orbit(0),
        Preset::Left45 => orbit(45),
        Preset::Left90 => orbit(90),
        Preset::Right45 => orbit(-45),
        Preset::Right90 => orbit(-90),
        Preset::TopDown => pose.tilt = -1,
        Preset::LowAngle => pose.tilt = 1,
        Preset::CloseUp => pose.forward = 10,
        Preset::Wide => shot.camera.lens = Lens::Wide,
    }
    place(shot, pose, ranges);
}
