//! The demo's two models as Scenario describes them (`GET /models/{id}`: inputs with their
//! ranges, defaults, allowed values and `required`), and its check of a generate body against
//! them: an unknown field, a missing required one or a value out of range is a 400 with a
//! `reason`, as an API validating its inputs answers.

use serde_json::{Map, Value, json};

use crate::api::types::{MODEL_ID, MODEL_ID_2511};
use crate::util::math::Decimal;

/// What one input takes.
enum Kind {
    /// An asset id (`file`), or a one-element array of them (`file_array`).
    Image {
        array: bool,
    },
    Number {
        min: f64,
        max: f64,
        step: f64,
        default: Option<f64>,
    },
    Bool {
        default: bool,
    },
    Text {
        default: &'static str,
        allowed: &'static [&'static str],
    },
}

use Kind::{Bool, Image, Number, Text};

const fn number(min: f64, max: f64, step: f64, default: f64) -> Kind {
    Number {
        min,
        max,
        step,
        default: Some(default),
    }
}

const SEED_MODEL: [(&str, Kind); 9] = [
    ("image", Image { array: false }),
    (
        "prompt",
        Text {
            default: "",
            allowed: &[],
        },
    ),
    ("rotateDegrees", number(-90.0, 90.0, 1.0, 0.0)),
    ("moveForward", number(0.0, 10.0, 1.0, 0.0)),
    ("verticalTilt", number(-1.0, 1.0, 1.0, 0.0)),
    ("useWideAngle", Bool { default: false }),
    (
        "aspectRatio",
        Text {
            default: "match_input_image",
            allowed: &["match_input_image", "16:9", "4:3", "1:1", "3:4", "9:16"],
        },
    ),
    ("loraScale", number(0.0, 4.0, 0.05, 1.25)),
    ("goFast", Bool { default: false }),
];

const MODEL_2511: [(&str, Kind); 10] = [
    ("images", Image { array: true }),
    ("horizontalAngle", number(0.0, 360.0, 1.0, 0.0)),
    ("verticalAngle", number(-30.0, 90.0, 1.0, 0.0)),
    ("zoom", number(0.0, 10.0, 1.0, 5.0)),
    ("loraScale", number(0.0, 4.0, 0.05, 1.5)),
    ("numOutputs", number(1.0, 4.0, 1.0, 1.0)),
    ("numInferenceSteps", number(1.0, 50.0, 1.0, 28.0)),
    ("guidanceScale", number(1.0, 20.0, 0.1, 4.5)),
    (
        "acceleration",
        Text {
            default: "none",
            allowed: &["none", "regular"],
        },
    ),
    (
        "seed",
        Number {
            min: 0.0,
            max: 2_147_483_647.0,
            step: 1.0,
            default: None,
        },
    ),
];

/// A model's inputs: name and what it takes.
type Inputs = &'static [(&'static str, Kind)];

/// The demo's models: id, name and inputs.
const MODELS: [(&str, &str, Inputs); 2] = [
    (MODEL_ID, "Qwen Edit Multi-Angle (demo)", &SEED_MODEL),
    (
        MODEL_ID_2511,
        "Qwen Edit Multi-Angle 2511 (demo)",
        &MODEL_2511,
    ),
];

fn inputs(model_id: &str) -> Option<Inputs> {
    MODELS
        .iter()
        .find(|(id, _, _)| *id == model_id)
        .map(|(_, _, inputs)| *inputs)
}

/// `GET /models/{id}`'s `model`, for a model the demo serves.
pub fn description(model_id: &str) -> Option<Value> {
    let (id, name, inputs) = MODELS.iter().find(|(id, _, _)| *id == model_id)?;
    let inputs: Vec<Value> = inputs
        .iter()
        .map(|(name, kind)| {
            let mut input = Map::new();
            input.insert("name".into(), json!(name));
            let mut put = |key: &str, value: Value| {
                input.insert(key.into(), value);
            };
            match kind {
                Image { array } => {
                    put("type", json!(if *array { "file_array" } else { "file" }));
                    put("kind", json!("image"));
                    put("required", json!({ "always": true }));
                }
                Number {
                    min,
                    max,
                    step,
                    default,
                } => {
                    put("type", json!("number"));
                    put("min", json!(min));
                    put("max", json!(max));
                    put("step", json!(step));
                    if let Some(default) = default {
                        put("default", json!(default));
                    }
                }
                Bool { default } => {
                    put("type", json!("boolean"));
                    put("default", json!(default));
                }
                Text { default, allowed } => {
                    put("type", json!("string"));
                    put("default", json!(default));
                    if !allowed.is_empty() {
                        put("allowedValues", json!(allowed));
                    }
                }
            }
            Value::Object(input)
        })
        .collect();
    Some(json!({ "id": id, "name": name, "inputs": inputs }))
}

/// Why `body` is not a valid input of the model, if it is not (`None` for a good body).
pub fn invalid(model_id: &str, body: &Value) -> Option<String> {
    let Some(listed) = inputs(model_id) else {
        return Some(format!("Model {model_id} not found"));
    };
    let Value::Object(fields) = body else {
        return Some("the body must be a JSON object".into());
    };
    if let Some(unknown) = fields.keys().find(|k| !listed.iter().any(|(n, _)| n == k)) {
        return Some(format!("{unknown} is not an input of this model"));
    }
    listed.iter().find_map(|(name, kind)| {
        let value = fields.get(*name);
        match (kind, value) {
            (Image { .. }, None) => Some(format!("{name} is required")),
            (Image { array: true }, Some(v)) => (v.as_array().map(Vec::len) != Some(1))
                .then(|| format!("{name} must hold exactly one asset id")),
            (Number { min, max, .. }, Some(v)) => match v.as_f64() {
                Some(n) if n < *min || n > *max => {
                    // `Decimal`: Rust's own float printer would grow the wasm.
                    Some(format!(
                        "{name} must be between {} and {}",
                        Decimal(*min),
                        Decimal(*max)
                    ))
                }
                None => Some(format!("{name} must be a number")),
                _ => None,
            },
            (Text { allowed, .. }, Some(v)) if !allowed.is_empty() => {
                (!v.as_str().is_some_and(|s| allowed.contains(&s)))
                    .then(|| format!("{name} must be one of {}", allowed.join(", ")))
            }
            _ => None,
        }
    })
}

/// The input picture's asset id of a valid body (`image`, or `images`' one id).
pub fn input_asset(body: &Value) -> Option<&str> {
    body.get("image")
        .or_else(|| body.get("images")?.get(0))
        .and_then(Value::as_str)
}

/// How many results a valid body asks for (`numOutputs`, else one).
pub fn takes(body: &Value) -> usize {
    body.get("numOutputs")
        .and_then(Value::as_u64)
        .map_or(1, |n| n.clamp(1, 4) as usize)
}
