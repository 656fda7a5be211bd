//! The models the mock serves, each with its `inputs` as `GET /models/{id}` lists them and a
//! check of a generate body against them: a field the model does not list, a number out of
//! range or a missing input answers 400 with the reason, as an API validating its inputs would.

use serde_json::{Map, Value, json};

use crate::MODEL_ID;

/// `model_qwen-edit-multiangle-2511`.
pub const MODEL_ID_2511: &str = "model_qwen-edit-multiangle-2511";

/// A model the mock knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MockModel {
    /// `model_qwen-edit-multiangle`: one `image`.
    Multiangle,
    /// `model_qwen-edit-multiangle-2511`: `images`, a one-element array.
    Multiangle2511,
}

impl MockModel {
    /// The model with this id.
    pub fn from_id(id: &str) -> Option<MockModel> {
        match id {
            MODEL_ID => Some(MockModel::Multiangle),
            MODEL_ID_2511 => Some(MockModel::Multiangle2511),
            _ => None,
        }
    }

    /// The model's id.
    pub fn id(self) -> &'static str {
        match self {
            MockModel::Multiangle => MODEL_ID,
            MockModel::Multiangle2511 => MODEL_ID_2511,
        }
    }

    /// How many results a job of this body makes (`numOutputs`, 1 for the seed model).
    pub fn outputs(self, map: &Map<String, Value>) -> usize {
        match self {
            MockModel::Multiangle => 1,
            MockModel::Multiangle2511 => map
                .get("numOutputs")
                .and_then(Value::as_u64)
                .map_or(1, |n| n.clamp(1, 4) as usize),
        }
    }

    /// The model as `GET /models/{id}` describes it.
    pub fn description(self) -> Value {
        match self {
            MockModel::Multiangle => multiangle(),
            MockModel::Multiangle2511 => multiangle_2511(),
        }
    }

    /// Checks `map` against the model's inputs; the input asset's id when it holds.
    pub fn validate(
        self,
        store_has_asset: impl Fn(&str) -> bool,
        map: &Map<String, Value>,
    ) -> Result<String, String> {
        let description = self.description();
        let inputs = description["inputs"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let listed: Vec<&str> = inputs.iter().filter_map(|i| i["name"].as_str()).collect();
        if let Some(unknown) = map.keys().find(|key| !listed.contains(&key.as_str())) {
            return Err(format!("{unknown} is not an input of this model"));
        }
        let image = match self {
            MockModel::Multiangle => match map.get("image") {
                None | Some(Value::Null) => return Err("image is required".to_string()),
                Some(Value::String(s)) if !s.is_empty() => s.clone(),
                Some(_) => return Err("image must be an asset id".to_string()),
            },
            MockModel::Multiangle2511 => match map.get("images").and_then(Value::as_array) {
                None => return Err("images is required".to_string()),
                Some(ids) => match ids.as_slice() {
                    [Value::String(s)] if !s.is_empty() => s.clone(),
                    _ => return Err("images must be one asset id in an array".to_string()),
                },
            },
        };
        if !store_has_asset(&image) {
            return Err(format!("Asset {image} not found"));
        }
        for input in &inputs {
            let Some(name) = input["name"].as_str() else {
                continue;
            };
            let Some(value) = map.get(name) else { continue };
            match input["type"].as_str() {
                Some("number") => {
                    let (min, max) = (
                        input["min"].as_f64().unwrap_or(f64::MIN),
                        input["max"].as_f64().unwrap_or(f64::MAX),
                    );
                    match value.as_f64() {
                        Some(v) if (min..=max).contains(&v) => {}
                        Some(_) => return Err(format!("{name} must be between {min} and {max}")),
                        None => return Err(format!("{name} must be a number")),
                    }
                }
                Some("boolean") if !value.is_boolean() => {
                    return Err(format!("{name} must be a boolean"));
                }
                Some("string") => {
                    let Some(text) = value.as_str() else {
                        return Err(format!("{name} must be a string"));
                    };
                    if let Some(allowed) = input["allowedValues"].as_array() {
                        let allowed: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
                        if !allowed.contains(&text) {
                            return Err(format!("{name} must be one of {}", allowed.join(", ")));
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(image)
    }
}

/// A public Scenario model with these `inputs`, with the rest of what the official SDK's
/// `Model` requires, as Scenario describes a model of its own.
fn described(id: &str, name: &str, inputs: Value) -> Value {
    json!({
        "id": id,
        "name": name,
        "type": "custom",
        "capabilities": ["img2img"],
        "collectionIds": [],
        "createdAt": "2025-11-04T10:00:00.000Z",
        "updatedAt": "2025-11-04T10:00:00.000Z",
        "custom": false,
        "exampleAssetIds": [],
        "privacy": "public",
        "source": "scenario",
        "status": "trained",
        "tags": [],
        "trainingImagesNumber": 0,
        "inputs": inputs,
    })
}

/// The seed's model: the contract's parameter table as `inputs`.
fn multiangle() -> Value {
    described(
        MODEL_ID,
        "Qwen Edit Multi-Angle",
        json!([
                { "name": "image", "type": "file", "kind": "image", "label": "Image", "description": "Input image to edit", "required": { "always": true } },
                { "name": "prompt", "type": "string", "label": "Prompt", "default": "", "description": "Optional text instruction appended after the camera directive." },
                { "name": "rotateDegrees", "type": "number", "label": "Rotate", "min": -90, "max": 90, "step": 1, "default": 0, "description": "Camera orbit angle in degrees. Positive values move the camera to the left, while negative values move it to the right." },
                { "name": "moveForward", "type": "number", "label": "Move forward", "min": 0, "max": 10, "step": 1, "default": 0, "description": "Move the camera forward (zoom in). Higher values push towards a close-up." },
                { "name": "verticalTilt", "type": "number", "label": "Vertical tilt", "min": -1, "max": 1, "step": 1, "default": 0, "description": "Vertical camera tilt. -1 = top-down, 1 = low-angle view." },
                { "name": "useWideAngle", "type": "boolean", "label": "Wide-angle lens", "default": false },
                { "name": "aspectRatio", "type": "string", "label": "Aspect ratio", "default": "match_input_image", "allowedValues": ["match_input_image", "16:9", "4:3", "1:1", "3:4", "9:16"] },
                { "name": "loraScale", "type": "number", "label": "LoRA scale", "min": 0, "max": 4, "step": 0.05, "default": 1.25 },
                { "name": "goFast", "type": "boolean", "label": "Go fast", "default": false }
        ]),
    )
}

/// The 2511 model: its page's parameter table as `inputs`.
fn multiangle_2511() -> Value {
    described(
        MODEL_ID_2511,
        "Qwen Edit Multi-Angle 2511",
        json!([
                { "name": "images", "type": "file_array", "kind": "image", "label": "Images", "description": "The input picture, as a one-element array", "required": { "always": true } },
                { "name": "horizontalAngle", "type": "number", "label": "Horizontal angle", "min": 0, "max": 360, "step": 1, "default": 0, "description": "0 front, 45 front-right quarter, 90 right side, 180 back, 270 left side." },
                { "name": "verticalAngle", "type": "number", "label": "Vertical angle", "min": -30, "max": 90, "step": 1, "default": 0, "description": "-30 low angle, 0 eye level, 30 elevated, 60 high angle, 90 bird's-eye." },
                { "name": "zoom", "type": "number", "label": "Zoom", "min": 0, "max": 10, "step": 1, "default": 5, "description": "0 wide shot, 5 medium shot, 10 close-up." },
                { "name": "loraScale", "type": "number", "label": "LoRA scale", "min": 0, "max": 4, "step": 0.05, "default": 1.5 },
                { "name": "numOutputs", "type": "number", "label": "Outputs", "min": 1, "max": 4, "step": 1, "default": 1 },
                { "name": "numInferenceSteps", "type": "number", "label": "Steps", "min": 1, "max": 50, "step": 1, "default": 28 },
                { "name": "guidanceScale", "type": "number", "label": "Guidance", "min": 1, "max": 20, "step": 0.1, "default": 4.5 },
                { "name": "acceleration", "type": "string", "label": "Acceleration", "default": "none", "allowedValues": ["none", "regular"] },
                { "name": "seed", "type": "number", "label": "Seed", "min": 0, "max": 2147483647, "step": 1 }
        ]),
    )
}
