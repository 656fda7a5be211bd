//! Angle sets: which angles a set holds, how each is labelled and ordered, how many of a set are
//! done, and the total rotation from the original when results are chained.
//!
//! ```
//! use angleshot::domain::angle_set::{SetAngle, DEFAULT_SET};
//! assert_eq!(DEFAULT_SET.len(), 6);
//! assert_eq!(SetAngle { rotate: -90, tilt: 0 }.label(0), "90° right");
//! ```

use crate::api::types::GenerateBody;
use crate::domain::profile::multiangle::{self, tilt_words};
use crate::domain::shot::Shot;
use crate::util::math::fold_degrees;

/// One angle of a set, in the seed model's units: the two camera values a set varies. Distance, lens, prompt and the other
/// options are shared by the whole set (taken from the camera panel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SetAngle {
    pub rotate: i32,
    pub tilt: i32,
}

const fn at(rotate: i32, tilt: i32) -> SetAngle {
    SetAngle { rotate, tilt }
}

/// The default set: four eye-level turns, plus top-down and low angle from the front.
pub const DEFAULT_SET: [SetAngle; 6] = [
    at(-90, 0),
    at(-45, 0),
    at(45, 0),
    at(90, 0),
    at(0, -1),
    at(0, 1),
];

/// Every angle the set editor offers (the default set ticked).
pub const SET_CHOICES: [SetAngle; 13] = [
    at(-90, 0),
    at(-45, 0),
    at(0, 0),
    at(45, 0),
    at(90, 0),
    at(0, -1),
    at(-45, -1),
    at(45, -1),
    at(-90, -1),
    at(90, -1),
    at(0, 1),
    at(-45, 1),
    at(45, 1),
];

/// What a set is: the seed model's chosen angles, or a 2511 turnaround (the eight trained
/// azimuths with one seed), which orders and names its frames by azimuth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SetKind {
    #[default]
    Angles,
    Turnaround {
        seed: u32,
    },
}

/// A priced turnaround waiting for the artist's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnaroundOffer {
    /// The seed every job of it shares.
    pub seed: u32,
    /// "Estimated cost: 8 jobs, 40 compute units.", "Estimating…", or why it is unknown.
    pub cost: String,
}

/// Default number of a set's jobs in flight at once.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// Words for a rotation from the original: "front", "45° left", "90° right", "180° (back)".
pub fn rotation_words(total_rotation: i32) -> String {
    match fold_degrees(total_rotation) {
        0 => "front".to_string(),
        180 => "180° (back)".to_string(),
        r if r > 0 => format!("{r}° left"),
        r => format!("{}° right", -r),
    }
}

impl SetAngle {
    /// The generate body for this angle: the panel's shot (distance, lens, options, prompt)
    /// turned to the angle as it stands (the set's angles are trained poses already).
    pub fn body(&self, shot: &Shot, image: &str) -> GenerateBody {
        let mut body = multiangle::body(shot, image);
        body.rotate_degrees = self.rotate;
        body.vertical_tilt = self.tilt;
        body
    }

    /// A turnaround cell for a 2511 azimuth (0 front, 90 the artist's right), in the seed
    /// model's sign as every set's angles are.
    pub fn from_azimuth(horizontal: i32) -> SetAngle {
        SetAngle {
            rotate: fold_degrees(-horizontal),
            tilt: 0,
        }
    }

    /// The 2511 azimuth this angle stands for, counting from the set's input.
    pub fn azimuth(&self, base_rotation: i32) -> i32 {
        (-(base_rotation + self.rotate)).rem_euclid(360)
    }

    /// Where this angle sits in the set's contact sheet and turntable: a turnaround goes
    /// round by azimuth (0, 45, …, 315); an angle set as [`SetAngle::order_key`].
    pub fn order_key_in(&self, kind: SetKind, base_rotation: i32) -> (i32, i32) {
        match kind {
            SetKind::Angles => self.order_key(base_rotation),
            SetKind::Turnaround { .. } => (0, self.azimuth(base_rotation)),
        }
    }

    /// A short label, counting from the set's input at `base_rotation`:
    /// "45° left", "top-down", "90° right · low angle".
    pub fn label(&self, base_rotation: i32) -> String {
        let total = base_rotation + self.rotate;
        match (fold_degrees(total), tilt_words(self.tilt)) {
            (0, Some(tilt)) => tilt.to_string(),
            (_, Some(tilt)) => format!("{} · {tilt}", rotation_words(total)),
            (_, None) => rotation_words(total),
        }
    }

    /// Where this angle sits in a contact sheet or turntable: eye level first, turning from
    /// the camera's right (−) to its left (+), then top-down, then low angle.
    pub fn order_key(&self, base_rotation: i32) -> (i32, i32) {
        let row = match self.tilt {
            0 => 0,
            t if t < 0 => 1,
            _ => 2,
        };
        (row, fold_degrees(base_rotation + self.rotate))
    }
}

/// How far a set has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SetProgress {
    pub total: usize,
    pub done: usize,
    pub failed: usize,
}

impl SetProgress {
    /// "4 of 6 done", with failures when there are any.
    pub fn text(&self) -> String {
        let mut text = format!("{} of {} done", self.done, self.total);
        if self.failed > 0 {
            text.push_str(&format!(" · {} failed", self.failed));
        }
        text
    }

    /// Every cell has ended, well or not.
    pub fn finished(&self) -> bool {
        self.done + self.failed >= self.total
    }
}
