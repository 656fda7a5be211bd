//! The profile of `model_qwen-edit-multiangle-2511` (Qwen Image Edit 2511 with the
//! Multiple-Angles LoRA): `horizontalAngle` 0..360 growing as the camera moves to the
//! artist's RIGHT (the seed model's `rotateDegrees` has the opposite sign), `verticalAngle`
//! −30 low angle .. 90 bird's-eye, `zoom` 0 wide shot .. 10 close-up, trained on 8 azimuths ×
//! 4 elevations × 3 distances; plus takes, steps, guidance, acceleration and a seed. Its body
//! takes the input as a one-element `images` array and has no prompt.
//!
//! ```
//! use angleshot::domain::camera::Camera;
//! use angleshot::domain::profile::multiangle_2511::{Pose, describe};
//! // The seed model's +45 (camera to the left) is the 2511's 315.
//! let left = Camera { azimuth: -45.0, ..Camera::default() };
//! assert_eq!(Pose::of(&left).horizontal, 315);
//! let pose = Pose { horizontal: 225, vertical: 30, zoom: 10 };
//! assert_eq!(describe(pose), "back-left quarter view, elevated shot, close-up");
//! ```

mod place;
mod words;

pub use place::{nudge, place, place_camera, set_fine};
pub use words::{describe, set_file_label, view_words};

use serde::Serialize;

use crate::domain::camera::{Camera, Lens};

/// The model's id in the API's paths.
pub const MODEL_ID: &str = crate::api::types::MODEL_ID_2511;
/// Trained azimuths: every 45°.
pub const HORIZONTAL_STEP: i32 = 45;
/// Trained elevations.
pub const VERTICAL_STATES: [i32; 4] = [-30, 0, 30, 60];
/// Trained distances.
pub const ZOOM_STATES: [i32; 3] = [0, 5, 10];
/// `verticalAngle`'s range.
pub const VERTICAL_RANGE: (i32, i32) = (-30, 90);
/// `zoom` steps from the wide shot to the close-up.
const ZOOM_STEPS: f64 = 10.0;

/// The camera in the model's own units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pose {
    /// 0..360: 0 front, 90 the camera at the subject's right side (the artist's right), 180
    /// behind.
    pub horizontal: i32,
    /// −30 low angle … 0 eye level … 90 bird's-eye: positive looks down.
    pub vertical: i32,
    /// 0 wide shot, 5 medium, 10 close-up.
    pub zoom: i32,
}

impl Pose {
    /// The original's own view at the model's default (medium) distance.
    pub const FRONT: Pose = Pose {
        horizontal: 0,
        vertical: 0,
        zoom: 5,
    };

    /// The model's nearest whole values for a neutral camera (not snapped).
    pub fn of(camera: &Camera) -> Pose {
        Pose {
            horizontal: (camera.azimuth.round() as i32).rem_euclid(360),
            vertical: (camera.elevation.round() as i32).clamp(VERTICAL_RANGE.0, VERTICAL_RANGE.1),
            zoom: (((1.0 - camera.distance) * ZOOM_STEPS).round() as i32).clamp(0, 10),
        }
    }

    /// The neutral camera this pose stands for (the lens stays the panel's: this model has
    /// no lens input).
    pub fn camera(self, lens: Lens) -> Camera {
        Camera {
            azimuth: Camera::normalised_azimuth(f64::from(self.horizontal)),
            elevation: f64::from(self.vertical),
            distance: 1.0 - f64::from(self.zoom) / ZOOM_STEPS,
            lens,
        }
    }

    /// Each value in range and, unless `fine`, on the nearest trained pose (a drag across
    /// the back goes round: 350 snaps to 0, not to 315).
    pub fn fitted(self, fine: bool) -> Pose {
        let horizontal = self.horizontal.rem_euclid(360);
        let vertical = self.vertical.clamp(VERTICAL_RANGE.0, VERTICAL_RANGE.1);
        let zoom = self.zoom.clamp(0, 10);
        if fine {
            return Pose {
                horizontal,
                vertical,
                zoom,
            };
        }
        let nearest = |value: i32, states: &[i32]| {
            states
                .iter()
                .copied()
                .min_by_key(|state| (state - value).abs())
                .unwrap_or(value)
        };
        Pose {
            horizontal: ((horizontal + HORIZONTAL_STEP / 2) / HORIZONTAL_STEP * HORIZONTAL_STEP)
                .rem_euclid(360),
            vertical: nearest(vertical, &VERTICAL_STATES),
            zoom: nearest(zoom, &ZOOM_STATES),
        }
    }
}

/// `acceleration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Acceleration {
    #[default]
    None,
    Regular,
}

/// The inputs besides the camera, with the model page's defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// 0..4, camera-control strength.
    pub lora_scale: f64,
    /// 1..4 takes of one camera in one job.
    pub num_outputs: u32,
    /// 1..50.
    pub num_inference_steps: u32,
    /// 1..20.
    pub guidance_scale: f64,
    pub acceleration: Acceleration,
    /// 0..2147483647; `None` (the field blank) leaves it out and the model picks one.
    pub seed: Option<u32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lora_scale: 1.5,
            num_outputs: 1,
            num_inference_steps: 28,
            guidance_scale: 4.5,
            acceleration: Acceleration::None,
            seed: None,
        }
    }
}

/// The largest seed the model takes.
pub const MAX_SEED: u32 = 2_147_483_647;

/// The request body, exactly the model's fields (never one it does not list).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Body {
    pub images: Vec<String>,
    pub horizontal_angle: i32,
    pub vertical_angle: i32,
    pub zoom: i32,
    pub lora_scale: f64,
    pub num_outputs: u32,
    pub num_inference_steps: u32,
    pub guidance_scale: f64,
    pub acceleration: Acceleration,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u32>,
}

impl Body {
    /// Reads a stored body back, with the rules of its serde derive (every field but `seed`
    /// required and of its type).
    pub fn read(value: &serde_json::Value) -> Result<Self, String> {
        use crate::util::json::{Fields, int32, list, string, uint32};
        use serde_json::Value;
        let fields = Fields::of(value, "2511 body")?;
        Ok(Body {
            images: fields.required("images", |v| list(v, string))?,
            horizontal_angle: fields.required("horizontalAngle", int32)?,
            vertical_angle: fields.required("verticalAngle", int32)?,
            zoom: fields.required("zoom", int32)?,
            lora_scale: fields.required("loraScale", Value::as_f64)?,
            num_outputs: fields.required("numOutputs", uint32)?,
            num_inference_steps: fields.required("numInferenceSteps", uint32)?,
            guidance_scale: fields.required("guidanceScale", Value::as_f64)?,
            acceleration: fields.required("acceleration", |v| match v.as_str()? {
                "none" => Some(Acceleration::None),
                "regular" => Some(Acceleration::Regular),
                _ => None,
            })?,
            seed: fields.optional("seed", uint32)?,
        })
    }

    /// The pose this body asks for.
    pub fn pose(&self) -> Pose {
        Pose {
            horizontal: self.horizontal_angle,
            vertical: self.vertical_angle,
            zoom: self.zoom,
        }
    }

    /// The options this body asks for.
    pub fn options(&self) -> Options {
        Options {
            lora_scale: self.lora_scale,
            num_outputs: self.num_outputs,
            num_inference_steps: self.num_inference_steps,
            guidance_scale: self.guidance_scale,
            acceleration: self.acceleration,
            seed: self.seed,
        }
    }
}

/// A frame's or a download's pose in its name: `az045_el+30_zoom5` (azimuth three digits,
/// elevation always signed), safe in every file system and shell.
///
/// ```
/// use angleshot::domain::profile::multiangle_2511::{Pose, pose_label};
/// assert_eq!(pose_label(Pose { horizontal: 45, vertical: 30, zoom: 5 }), "az045_el+30_zoom5");
/// assert_eq!(pose_label(Pose { horizontal: 270, vertical: -30, zoom: 0 }), "az270_el-30_zoom0");
/// ```
pub fn pose_label(pose: Pose) -> String {
    let elevation = if pose.vertical >= 0 {
        format!("+{}", pose.vertical)
    } else {
        pose.vertical.to_string()
    };
    format!(
        "az{:03}_el{elevation}_zoom{}",
        pose.horizontal.rem_euclid(360),
        pose.zoom
    )
}

/// A result's download name: `<stem>_az045_el+30_zoom5.<ext>`.
pub fn download_name(input_name: &str, body: &Body, mime_type: &str) -> String {
    format!(
        "{}_{}.{}",
        crate::domain::naming::stem(input_name),
        pose_label(body.pose()),
        crate::domain::naming::extension(mime_type)
    )
}

/// A body's parameters as the stage lists them: the model's own names and values as sent.
pub fn parameters(body: &Body) -> Vec<(&'static str, String)> {
    use crate::util::math::Decimal;
    let mut rows = vec![
        ("horizontalAngle", body.horizontal_angle.to_string()),
        ("verticalAngle", body.vertical_angle.to_string()),
        ("zoom", body.zoom.to_string()),
        ("loraScale", Decimal(body.lora_scale).to_string()),
        ("numOutputs", body.num_outputs.to_string()),
        ("numInferenceSteps", body.num_inference_steps.to_string()),
        ("guidanceScale", Decimal(body.guidance_scale).to_string()),
        (
            "acceleration",
            match body.acceleration {
                Acceleration::None => "none",
                Acceleration::Regular => "regular",
            }
            .to_string(),
        ),
    ];
    if let Some(seed) = body.seed {
        rows.push(("seed", seed.to_string()));
    }
    rows
}

/// The body for `pose` and `options` on the input asset `image`, every number in range.
pub fn body(pose: Pose, options: &Options, image: &str) -> Body {
    Body {
        images: vec![image.to_string()],
        horizontal_angle: pose.horizontal.rem_euclid(360),
        vertical_angle: pose.vertical.clamp(VERTICAL_RANGE.0, VERTICAL_RANGE.1),
        zoom: pose.zoom.clamp(0, 10),
        lora_scale: options.lora_scale.clamp(0.0, 4.0),
        num_outputs: options.num_outputs.clamp(1, 4),
        num_inference_steps: options.num_inference_steps.clamp(1, 50),
        guidance_scale: options.guidance_scale.clamp(1.0, 20.0),
        acceleration: options.acceleration,
        seed: options.seed.map(|seed| seed.min(MAX_SEED)),
    }
}

/// Every input the profile sends, by the model's names.
pub const INPUTS: [&str; 10] = [
    "images",
    "horizontalAngle",
    "verticalAngle",
    "zoom",
    "loraScale",
    "numOutputs",
    "numInferenceSteps",
    "guidanceScale",
    "acceleration",
    "seed",
];

/// A turnaround: the eight trained azimuths (0, 45, …, 315) at one elevation and zoom.
pub fn turnaround(vertical: i32, zoom: i32) -> Vec<Pose> {
    (0..8)
        .map(|i| Pose {
            horizontal: i * HORIZONTAL_STEP,
            vertical,
            zoom,
        })
        .collect()
}
