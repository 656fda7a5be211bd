//! One-tap camera presets, in the seed model's poses, with a state the panel shows. The pose
//! presets are one exclusive group: each sets the whole pose (orbit and height) and is pressed
//! while the camera stands there. Close-up and Wide-angle lens are toggles of their own value.
//! None of them generates.
//!
//! ```
//! use angleshot::domain::presets::{Preset, Toggle, apply, is_pressed, toggle};
//! use angleshot::domain::profile::multiangle::{Pose, Ranges, initial_shot};
//! let ranges = Ranges::default();
//! let mut shot = initial_shot(&ranges);
//! apply(&mut shot, Preset::Right90, &ranges);
//! apply(&mut shot, Preset::TopDown, &ranges); // the whole pose: front, from above
//! assert!(is_pressed(&shot, Preset::TopDown) && !is_pressed(&shot, Preset::Right90));
//! toggle(&mut shot, Toggle::CloseUp, &ranges);
//! assert_eq!(Pose::of(&shot.camera).forward, 10);
//! ```

use crate::domain::camera::Lens;
use crate::domain::profile::multiangle::{Pose, Ranges, place};
use crate::domain::shot::Shot;

/// The pose presets, in the order the panel shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Front,
    Left45,
    Left90,
    Right45,
    Right90,
    TopDown,
    LowAngle,
}

impl Preset {
    /// Every pose preset, in display order.
    pub const ALL: [Preset; 7] = [
        Preset::Front,
        Preset::Left45,
        Preset::Left90,
        Preset::Right45,
        Preset::Right90,
        Preset::TopDown,
        Preset::LowAngle,
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
        }
    }

    /// The orbit (`rotateDegrees`) and height (`verticalTilt`) this preset stands for.
    fn orbit_and_tilt(self) -> (i32, i32) {
        match self {
            Preset::Front => (0, 0),
            Preset::Left45 => (45, 0),
            Preset::Left90 => (90, 0),
            Preset::Right45 => (-45, 0),
            Preset::Right90 => (-90, 0),
            Preset::TopDown => (0, -1),
            Preset::LowAngle => (0, 1),
        }
    }
}

/// The toggles beside the pose presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggle {
    /// The closest trained distance, or back to the widest framing.
    CloseUp,
    /// The wide-angle lens, or the normal one.
    WideAngle,
}

impl Toggle {
    /// Both toggles, in display order.
    pub const ALL: [Toggle; 2] = [Toggle::CloseUp, Toggle::WideAngle];

    /// The button's text (also its accessible name).
    pub fn label(self) -> &'static str {
        match self {
            Toggle::CloseUp => "Close-up",
            Toggle::WideAngle => "Wide-angle lens",
        }
    }
}

/// The distance Close-up stands for (`moveForward`).
const CLOSE_UP_FORWARD: i32 = 10;

/// Sets the whole pose for `preset` (orbit and height); distance and lens stay.
pub fn apply(shot: &mut Shot, preset: Preset, ranges: &Ranges) {
    let (rotate, tilt) = preset.orbit_and_tilt();
    let pose = Pose {
        rotate,
        tilt,
        ..Pose::of(&shot.camera)
    };
    place(shot, pose, ranges);
}

/// Whether the camera stands at `preset`'s pose.
pub fn is_pressed(shot: &Shot, preset: Preset) -> bool {
    let pose = Pose::of(&shot.camera);
    (pose.rotate, pose.tilt) == preset.orbit_and_tilt()
}

/// Turns a toggle on or off.
pub fn toggle(shot: &mut Shot, toggle: Toggle, ranges: &Ranges) {
    let on = !is_on(shot, toggle);
    match toggle {
        Toggle::CloseUp => {
            let forward = if on { CLOSE_UP_FORWARD } else { 0 };
            let pose = Pose {
                forward,
                ..Pose::of(&shot.camera)
            };
            place(shot, pose, ranges);
        }
        Toggle::WideAngle => shot.camera.lens = if on { Lens::Wide } else { Lens::Normal },
    }
}

/// Whether a toggle is on.
pub fn is_on(shot: &Shot, toggle: Toggle) -> bool {
    match toggle {
        Toggle::CloseUp => Pose::of(&shot.camera).forward >= CLOSE_UP_FORWARD,
        Toggle::WideAngle => shot.camera.lens == Lens::Wide,
    }
}
