//! The camera the artist sets: values, ranges, snapping to the model's trained states, and the
//! generate body it becomes.
//!
//! ```
//! use angleshot::domain::camera::{Camera, Ranges};
//! let mut camera = Camera::default();
//! camera.set_rotate(50, &Ranges::default()); // snaps to the trained 45
//! assert_eq!(camera.rotate, 45);
//! assert_eq!(camera.to_body("asset_1").rotate_degrees, 45);
//! ```

use crate::api::types::{AspectRatio, GenerateBody, ModelInput};

/// Trained rotate states.
pub const ROTATE_STATES: [i32; 5] = [-90, -45, 0, 45, 90];
/// Trained forward states.
pub const FORWARD_STATES: [i32; 3] = [0, 5, 10];
/// Trained tilt states.
pub const TILT_STATES: [i32; 3] = [-1, 0, 1];

/// An inclusive integer range with a default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntRange {
    pub min: i32,
    pub max: i32,
    pub default: i32,
}

impl IntRange {
    fn clamp(&self, value: i32) -> i32 {
        value.clamp(self.min, self.max)
    }
}

/// The ranges the panel allows: the contract's, or the model's `inputs` when it was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranges {
    pub rotate: IntRange,
    pub forward: IntRange,
    pub tilt: IntRange,
    pub lora_min: f64,
    pub lora_max: f64,
    pub lora_default: f64,
    pub lora_step: f64,
    pub aspect_ratios: Vec<AspectRatio>,
}

impl Default for Ranges {
    fn default() -> Self {
        Ranges {
            rotate: IntRange {
                min: -90,
                max: 90,
                default: 0,
            },
            forward: IntRange {
                min: 0,
                max: 10,
                default: 0,
            },
            tilt: IntRange {
                min: -1,
                max: 1,
                default: 0,
            },
            lora_min: 0.0,
            lora_max: 4.0,
            lora_default: 1.25,
            lora_step: 0.05,
            aspect_ratios: AspectRatio::ALL.to_vec(),
        }
    }
}

impl Ranges {
    /// The contract's ranges, narrowed or moved by the model's own `inputs` where they give
    /// sane numbers; anything odd in them is ignored.
    pub fn from_model_inputs(inputs: &[ModelInput]) -> Self {
        let mut ranges = Ranges::default();
        for input in inputs {
            match input.name.as_str() {
                "rotateDegrees" => apply_int(&mut ranges.rotate, input),
                "moveForward" => apply_int(&mut ranges.forward, input),
                "verticalTilt" => apply_int(&mut ranges.tilt, input),
                "loraScale" => {
                    if let (Some(min), Some(max)) = (finite(input.min), finite(input.max))
                        && min < max
                    {
                        ranges.lora_min = min;
                        ranges.lora_max = max;
                    }
                    if let Some(step) = finite(input.step).filter(|s| *s > 0.0) {
                        ranges.lora_step = step;
                    }
                    if let Some(default) = input.default.as_ref().and_then(|d| d.as_f64()) {
                        ranges.lora_default =
                            crate::util::math::clamp(default, ranges.lora_min, ranges.lora_max);
                    }
                }
                "aspectRatio" => {
                    let allowed: Vec<AspectRatio> = input
                        .allowed_values
                        .iter()
                        .filter_map(|v| v.as_str().and_then(AspectRatio::from_wire))
                        .collect();
                    if !allowed.is_empty() {
                        ranges.aspect_ratios = allowed;
                    }
                }
                _ => {}
            }
        }
        ranges
    }
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

fn apply_int(range: &mut IntRange, input: &ModelInput) {
    if let (Some(min), Some(max)) = (finite(input.min), finite(input.max)) {
        let (min, max) = (min.round() as i32, max.round() as i32);
        if min < max {
            range.min = min;
            range.max = max;
        }
    }
    if let Some(default) = input
        .default
        .as_ref()
        .and_then(|d| d.as_f64())
        .filter(|d| d.is_finite())
    {
        range.default = range.clamp(default.round() as i32);
    }
    range.default = range.clamp(range.default);
}

/// The nearest trained state to `value` (ties go toward zero, the gentler move).
pub fn snap(value: i32, states: &[i32]) -> i32 {
    states
        .iter()
        .copied()
        .min_by_key(|state| ((state - value).abs(), state.abs()))
        .unwrap_or(value)
}

/// Everything the camera panel holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Camera {
    /// −90..90, positive = camera orbits to the LEFT.
    pub rotate: i32,
    /// 0..10, higher = closer.
    pub forward: i32,
    /// −1 top-down .. 1 low angle.
    pub tilt: i32,
    pub wide_angle: bool,
    pub aspect_ratio: AspectRatio,
    pub lora_scale: f64,
    pub go_fast: bool,
    pub prompt: String,
    /// Free integer values instead of the trained states.
    pub fine: bool,
}

impl Default for Camera {
    fn default() -> Self {
        Camera::from_ranges(&Ranges::default())
    }
}

impl Camera {
    /// The defaults of `ranges`, snapped.
    pub fn from_ranges(ranges: &Ranges) -> Self {
        let mut camera = Camera {
            rotate: 0,
            forward: 0,
            tilt: 0,
            wide_angle: false,
            aspect_ratio: AspectRatio::MatchInput,
            lora_scale: ranges.lora_default,
            go_fast: false,
            prompt: String::new(),
            fine: false,
        };
        camera.set_rotate(ranges.rotate.default, ranges);
        camera.set_forward(ranges.forward.default, ranges);
        camera.set_tilt(ranges.tilt.default, ranges);
        camera
    }

    /// Sets rotate, clamped, and snapped unless in fine mode.
    pub fn set_rotate(&mut self, value: i32, ranges: &Ranges) {
        let value = ranges.rotate.clamp(value);
        self.rotate = if self.fine {
            value
        } else {
            ranges.rotate.clamp(snap(value, &ROTATE_STATES))
        };
    }

    /// Sets move-forward, clamped, and snapped unless in fine mode.
    pub fn set_forward(&mut self, value: i32, ranges: &Ranges) {
        let value = ranges.forward.clamp(value);
        self.forward = if self.fine {
            value
        } else {
            ranges.forward.clamp(snap(value, &FORWARD_STATES))
        };
    }

    /// Sets tilt, clamped, and snapped unless in fine mode.
    pub fn set_tilt(&mut self, value: i32, ranges: &Ranges) {
        let value = ranges.tilt.clamp(value);
        self.tilt = if self.fine {
            value
        } else {
            ranges.tilt.clamp(snap(value, &TILT_STATES))
        };
    }

    /// Sets the LoRA scale, clamped to its range (a non-number keeps the old value).
    pub fn set_lora_scale(&mut self, value: f64, ranges: &Ranges) {
        if value.is_finite() {
            self.lora_scale = crate::util::math::clamp(value, ranges.lora_min, ranges.lora_max);
        }
    }

    /// Turns fine mode on or off; turning it off snaps the current values.
    pub fn set_fine(&mut self, fine: bool, ranges: &Ranges) {
        self.fine = fine;
        let (rotate, forward, tilt) = (self.rotate, self.forward, self.tilt);
        self.set_rotate(rotate, ranges);
        self.set_forward(forward, ranges);
        self.set_tilt(tilt, ranges);
    }

    /// No camera move, no lens change and no prompt: generating would change nothing.
    pub fn is_noop(&self) -> bool {
        self.rotate == 0
            && self.forward == 0
            && self.tilt == 0
            && !self.wide_angle
            && self.prompt.trim().is_empty()
    }

    /// The generate body for input asset `image`.
    pub fn to_body(&self, image: &str) -> GenerateBody {
        GenerateBody {
            image: image.to_string(),
            prompt: self.prompt.trim().to_string(),
            rotate_degrees: self.rotate,
            move_forward: self.forward,
            vertical_tilt: self.tilt,
            use_wide_angle: self.wide_angle,
            aspect_ratio: self.aspect_ratio,
            lora_scale: self.lora_scale,
            go_fast: self.go_fast,
        }
    }

    /// The camera in words, for job cards and screen readers:
    /// "45° to the left, eye level, close-up, wide-angle".
    pub fn describe(&self) -> String {
        let rotate = match self.rotate {
            0 => "front".to_string(),
            r if r > 0 => format!("{r}° to the left"),
            r => format!("{}° to the right", -r),
        };
        let tilt = match self.tilt {
            t if t < 0 => "top-down",
            0 => "eye level",
            _ => "low angle",
        };
        let distance = match self.forward {
            0 => "full view".to_string(),
            f if f > 5 => "close-up".to_string(),
            f => format!("{f} steps closer"),
        };
        let mut words = vec![rotate, tilt.to_string(), distance];
        if self.wide_angle {
            words.push("wide-angle".to_string());
        }
        words.join(", ")
    }
}

/// What Generate depends on besides the camera.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GenerateReadiness {
    pub has_image: bool,
    pub has_credentials: bool,
    pub uploading: bool,
}

/// What blocks any submit whatever the camera: no image, no key, an upload on its way.
fn readiness_blocker(readiness: GenerateReadiness) -> Option<&'static str> {
    if !readiness.has_image {
        Some("Add an input image first.")
    } else if !readiness.has_credentials {
        Some("Enter your API key and secret in Settings.")
    } else if readiness.uploading {
        Some("Uploading the image…")
    } else {
        None
    }
}

/// Why Generate is disabled, or `None` when it can run.
pub fn generate_blocker(camera: &Camera, readiness: GenerateReadiness) -> Option<&'static str> {
    readiness_blocker(readiness).or_else(|| {
        camera
            .is_noop()
            .then_some("Nothing would change: move the camera or write a prompt.")
    })
}

/// Why "Generate angle set" is disabled, or `None`: as [`generate_blocker`], but a set varies
/// the camera itself, so it needs ticked angles instead of a moved camera.
pub fn set_blocker(ticked_angles: usize, readiness: GenerateReadiness) -> Option<&'static str> {
    readiness_blocker(readiness)
        .or_else(|| (ticked_angles == 0).then_some("Tick at least one angle for the set."))
}
