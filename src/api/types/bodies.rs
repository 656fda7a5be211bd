//! Request bodies, serialised exactly as `scenario-api.md` names their fields.

use serde::Serialize;
use serde_json::Value;

/// Body of `POST /assets`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UploadAssetBody {
    /// Base64 image, a data URL is accepted.
    pub image: String,
    /// File name, required by the API.
    pub name: String,
}

/// Output aspect ratio, as the model's `allowedValues` spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum AspectRatio {
    #[default]
    #[serde(rename = "match_input_image")]
    MatchInput,
    #[serde(rename = "16:9")]
    Wide16x9,
    #[serde(rename = "4:3")]
    Landscape4x3,
    #[serde(rename = "1:1")]
    Square,
    #[serde(rename = "3:4")]
    Portrait3x4,
    #[serde(rename = "9:16")]
    Tall9x16,
}

impl AspectRatio {
    /// Every value, in the order a picker lists them.
    pub const ALL: [AspectRatio; 6] = [
        AspectRatio::MatchInput,
        AspectRatio::Wide16x9,
        AspectRatio::Landscape4x3,
        AspectRatio::Square,
        AspectRatio::Portrait3x4,
        AspectRatio::Tall9x16,
    ];

    /// The exact string the API expects.
    pub fn as_wire(self) -> &'static str {
        match self {
            AspectRatio::MatchInput => "match_input_image",
            AspectRatio::Wide16x9 => "16:9",
            AspectRatio::Landscape4x3 => "4:3",
            AspectRatio::Square => "1:1",
            AspectRatio::Portrait3x4 => "3:4",
            AspectRatio::Tall9x16 => "9:16",
        }
    }

    /// Parses the API's spelling; anything else is `None`.
    pub fn from_wire(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|ratio| ratio.as_wire() == text)
    }
}

/// Body of `POST /generate/custom/model_qwen-edit-multiangle`.
///
/// The three camera values are integers on purpose: the model was trained on whole states.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerateBody {
    /// Asset id of the input image (from `POST /assets`).
    pub image: String,
    pub prompt: String,
    /// −90..90; positive orbits the camera to the LEFT.
    pub rotate_degrees: i32,
    /// 0..10; higher is closer.
    pub move_forward: i32,
    /// −1 top-down .. 1 low angle.
    pub vertical_tilt: i32,
    pub use_wide_angle: bool,
    pub aspect_ratio: AspectRatio,
    /// 0..4, default 1.25.
    pub lora_scale: f64,
    pub go_fast: bool,
}

impl GenerateBody {
    /// Reads a body as serde's derive would (every field required and of its type; unknown
    /// fields ignored), by hand: it is read back from stored records and checked by the demo
    /// server, and the derive cost the browser build more than this.
    ///
    /// ```
    /// use angleshot::api::types::GenerateBody;
    /// let body = GenerateBody::with_defaults("asset_1");
    /// let value = serde_json::to_value(&body).unwrap();
    /// assert_eq!(GenerateBody::read(&value), Ok(body));
    /// assert!(GenerateBody::read(&serde_json::json!({ "image": "asset_1" })).is_err());
    /// ```
    pub fn read(value: &Value) -> Result<Self, String> {
        use crate::util::json::{Fields, int32, string};
        let fields = Fields::of(value, "generate body")?;
        Ok(GenerateBody {
            image: fields.required("image", string)?,
            prompt: fields.required("prompt", string)?,
            rotate_degrees: fields.required("rotateDegrees", int32)?,
            move_forward: fields.required("moveForward", int32)?,
            vertical_tilt: fields.required("verticalTilt", int32)?,
            use_wide_angle: fields.required("useWideAngle", Value::as_bool)?,
            aspect_ratio: fields.required("aspectRatio", |v| {
                v.as_str().and_then(AspectRatio::from_wire)
            })?,
            lora_scale: fields.required("loraScale", Value::as_f64)?,
            go_fast: fields.required("goFast", Value::as_bool)?,
        })
    }

    /// The contract's defaults for everything but the input image.
    pub fn with_defaults(image: impl Into<String>) -> Self {
        GenerateBody {
            image: image.into(),
            prompt: String::new(),
            rotate_degrees: 0,
            move_forward: 0,
            vertical_tilt: 0,
            use_wide_angle: false,
            aspect_ratio: AspectRatio::MatchInput,
            lora_scale: 1.25,
            go_fast: false,
        }
    }
}

/// Body of `POST /jobs/{jobId}/action`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobActionBody {
    pub action: String,
}

/// Body of `POST /assets/get-bulk`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkAssetsBody {
    pub asset_ids: Vec<String>,
}
