//! The profile of `model_qwen-edit-multiangle`, the seed's model: its inputs
//! (`rotateDegrees` −90..90 with positive moving the camera to the LEFT, `moveForward` 0..10,
//! `verticalTilt` −1 top-down .. 1 low angle, `useWideAngle`), the poses it was trained on,
//! and the conversion between them and the neutral [`Camera`].
//!
//! ```
//! use angleshot::domain::profile::multiangle::{Pose, Ranges, body, initial_shot, place};
//! let mut shot = initial_shot(&Ranges::default());
//! place(&mut shot, Pose { rotate: 50, forward: 0, tilt: 0 }, &Ranges::default());
//! assert_eq!(Pose::of(&shot.camera).rotate, 45, "snapped to the trained 45");
//! assert_eq!(shot.camera.azimuth, -45.0, "45 to the left is −45 in the neutral camera");
//! assert_eq!(body(&shot, "asset_1").rotate_degrees, 45);
//! ```

mod ranges;
mod words;

pub use ranges::{IntRange, Ranges};
pub use words::{
    NO_MOVEMENT, describe, describe_body, directive, download_name, parameters, set_file_label,
    tilt_words,
};

use crate::api::types::GenerateBody;
use crate::domain::camera::{Camera, Lens};
use crate::domain::shot::Shot;

/// Every input the profile sends, by the model's names.
pub const INPUTS: [&str; 9] = [
    "image",
    "prompt",
    "rotateDegrees",
    "moveForward",
    "verticalTilt",
    "useWideAngle",
    "aspectRatio",
    "loraScale",
    "goFast",
];

/// Trained rotate states.
pub const ROTATE_STATES: [i32; 5] = [-90, -45, 0, 45, 90];
/// Trained forward states.
pub const FORWARD_STATES: [i32; 3] = [0, 5, 10];
/// Trained tilt states.
pub const TILT_STATES: [i32; 3] = [-1, 0, 1];

/// Degrees of elevation one step of `verticalTilt` stands for (where the gizmo's arc draws
/// top-down and low angle).
const TILT_DEGREES: f64 = 60.0;
/// `moveForward` steps from the widest framing to the close-up.
const FORWARD_STEPS: f64 = 10.0;

/// The camera in the model's own units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pose {
    /// Positive orbits the camera to the LEFT.
    pub rotate: i32,
    /// Higher is closer.
    pub forward: i32,
    /// −1 top-down, 1 low angle.
    pub tilt: i32,
}

impl Pose {
    /// The original's own view.
    pub const FRONT: Pose = Pose {
        rotate: 0,
        forward: 0,
        tilt: 0,
    };

    /// The model's nearest whole values for a neutral camera (not clamped, not snapped).
    pub fn of(camera: &Camera) -> Pose {
        Pose {
            rotate: -Camera::normalised_azimuth(camera.azimuth).round() as i32,
            forward: ((1.0 - camera.distance) * FORWARD_STEPS).round() as i32,
            tilt: (-camera.elevation / TILT_DEGREES).round() as i32,
        }
    }

    /// The neutral camera this pose stands for.
    pub fn camera(self, lens: Lens) -> Camera {
        Camera {
            azimuth: Camera::normalised_azimuth(-f64::from(self.rotate)),
            elevation: -f64::from(self.tilt) * TILT_DEGREES,
            distance: 1.0 - f64::from(self.forward) / FORWARD_STEPS,
            lens,
        }
    }

    /// Each value clamped to `ranges`, then snapped to the nearest trained state unless
    /// `fine` (free whole values).
    pub fn fitted(self, ranges: &Ranges, fine: bool) -> Pose {
        let fit = |value: i32, range: &IntRange, states: &[i32]| {
            let value = range.clamp(value);
            if fine {
                value
            } else {
                range.clamp(snap(value, states))
            }
        };
        Pose {
            rotate: fit(self.rotate, &ranges.rotate, &ROTATE_STATES),
            forward: fit(self.forward, &ranges.forward, &FORWARD_STATES),
            tilt: fit(self.tilt, &ranges.tilt, &TILT_STATES),
        }
    }
}

/// The nearest trained state to `value` (ties go toward zero, the gentler move).
pub fn snap(value: i32, states: &[i32]) -> i32 {
    states
        .iter()
        .copied()
        .min_by_key(|state| ((state - value).abs(), state.abs()))
        .unwrap_or(value)
}

/// Puts the shot's camera at `pose`, fitted to `ranges` (snapped unless Fine values).
pub fn place(shot: &mut Shot, pose: Pose, ranges: &Ranges) {
    shot.camera = pose.fitted(ranges, shot.fine).camera(shot.camera.lens);
}

/// Puts the shot's camera where a neutral camera is (the gizmo), fitted as [`place`] does.
pub fn place_camera(shot: &mut Shot, camera: &Camera, ranges: &Ranges) {
    place(shot, Pose::of(camera), ranges);
}

/// Turns Fine values on or off; turning it off snaps the current pose.
pub fn set_fine(shot: &mut Shot, fine: bool, ranges: &Ranges) {
    shot.fine = fine;
    place(shot, Pose::of(&shot.camera), ranges);
}

/// Sets the LoRA scale, clamped to its range (a non-number keeps the old value).
pub fn set_lora_scale(shot: &mut Shot, value: f64, ranges: &Ranges) {
    if value.is_finite() {
        shot.lora_scale = crate::util::math::clamp(value, ranges.lora_min, ranges.lora_max);
    }
}

/// Brings a whole shot into `ranges` (after the model's own ranges arrived).
pub fn refit(shot: &mut Shot, ranges: &Ranges) {
    place(shot, Pose::of(&shot.camera), ranges);
    let lora = shot.lora_scale;
    set_lora_scale(shot, lora, ranges);
}

/// The defaults of `ranges`, snapped.
pub fn initial_shot(ranges: &Ranges) -> Shot {
    let mut shot = Shot {
        camera: Camera::default(),
        prompt: String::new(),
        aspect_ratio: crate::api::types::AspectRatio::MatchInput,
        lora_scale: ranges.lora_default,
        go_fast: false,
        fine: false,
    };
    let defaults = Pose {
        rotate: ranges.rotate.default,
        forward: ranges.forward.default,
        tilt: ranges.tilt.default,
    };
    place(&mut shot, defaults, ranges);
    shot
}

/// No camera move, no lens change and no prompt: the model would return the input.
pub fn is_noop(shot: &Shot) -> bool {
    Pose::of(&shot.camera) == Pose::FRONT
        && shot.camera.lens == Lens::Normal
        && shot.prompt.trim().is_empty()
}

/// The generate body for input asset `image`.
pub fn body(shot: &Shot, image: &str) -> GenerateBody {
    let pose = Pose::of(&shot.camera);
    GenerateBody {
        image: image.to_string(),
        prompt: shot.prompt.trim().to_string(),
        rotate_degrees: pose.rotate,
        move_forward: pose.forward,
        vertical_tilt: pose.tilt,
        use_wide_angle: shot.camera.lens == Lens::Wide,
        aspect_ratio: shot.aspect_ratio,
        lora_scale: shot.lora_scale,
        go_fast: shot.go_fast,
    }
}

/// The lens a body asked for.
pub fn lens_of(body: &GenerateBody) -> Lens {
    if body.use_wide_angle {
        Lens::Wide
    } else {
        Lens::Normal
    }
}

/// The pose a body asked for.
pub fn pose_of(body: &GenerateBody) -> Pose {
    Pose {
        rotate: body.rotate_degrees,
        forward: body.move_forward,
        tilt: body.vertical_tilt,
    }
}

/// A shot back from a body (a kept draft), brought into `ranges` as if the artist had set it.
pub fn shot_from_body(body: &GenerateBody, fine: bool, ranges: &Ranges) -> Shot {
    let mut shot = initial_shot(ranges);
    shot.fine = fine;
    shot.camera.lens = lens_of(body);
    shot.aspect_ratio = body.aspect_ratio;
    shot.go_fast = body.go_fast;
    shot.prompt = body.prompt.clone();
    place(&mut shot, pose_of(body), ranges);
    set_lora_scale(&mut shot, body.lora_scale, ranges);
    shot
}

/// A key on the gizmo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nudge {
    /// ← : the camera orbits to the artist's left.
    Left,
    Right,
    /// ↑ : higher, toward top-down.
    Up,
    Down,
    Closer,
    Farther,
    /// Home: back to the front.
    Home,
}

/// Moves the camera one step (a trained step, or 1 with Fine values).
pub fn nudge(shot: &mut Shot, nudge: Nudge, ranges: &Ranges) {
    let (turn, closer) = if shot.fine { (1, 1) } else { (45, 5) };
    let mut pose = Pose::of(&shot.camera);
    match nudge {
        Nudge::Left => pose.rotate += turn,
        Nudge::Right => pose.rotate -= turn,
        Nudge::Up => pose.tilt -= 1,
        Nudge::Down => pose.tilt += 1,
        Nudge::Closer => pose.forward += closer,
        Nudge::Farther => pose.forward -= closer,
        Nudge::Home => pose = Pose::FRONT,
    }
    place(shot, pose, ranges);
}
