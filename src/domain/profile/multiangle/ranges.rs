//! The seed model's ranges: the contract's, narrowed or moved by `GET /models/{id}` inputs.

use crate::api::types::{AspectRatio, ModelInput};

/// An inclusive integer range with a default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntRange {
    pub min: i32,
    pub max: i32,
    pub default: i32,
}

impl IntRange {
    /// `value` brought into the range.
    pub fn clamp(&self, value: i32) -> i32 {
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
    /// The azimuths (neutral degrees, lowest first) this model can turn the camera to in one
    /// job: its `rotateDegrees` range, whose positive side is the camera's left.
    pub fn azimuth_reach(&self) -> (f64, f64) {
        (f64::from(-self.rotate.max), f64::from(-self.rotate.min))
    }

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
