//! A job's request body, whichever model makes it: what a card, a record, a set and the API
//! call need to know of it without knowing the model's fields.
//!
//! ```
//! use angleshot::api::types::GenerateBody;
//! use angleshot::domain::profile::{JobBody, Model};
//! let body = JobBody::Multiangle(GenerateBody::with_defaults("asset_1"));
//! assert_eq!(body.model(), Model::QwenEditMultiangle);
//! assert_eq!(body.image(), "asset_1");
//! let value = serde_json::to_value(&body).unwrap();
//! assert_eq!(value["image"], "asset_1", "serialised as the model's own body");
//! assert_eq!(JobBody::read(Model::QwenEditMultiangle, &value), Ok(body));
//! ```

use serde::Serialize;
use serde_json::Value;

use super::{Model, multiangle, multiangle_2511};
use crate::api::types::GenerateBody;

/// See the module docs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum JobBody {
    Multiangle(GenerateBody),
    Multiangle2511(multiangle_2511::Body),
}

impl JobBody {
    /// The model this body is for.
    pub fn model(&self) -> Model {
        match self {
            JobBody::Multiangle(_) => Model::QwenEditMultiangle,
            JobBody::Multiangle2511(_) => Model::QwenEditMultiangle2511,
        }
    }

    /// Reads a stored body of `model`.
    pub fn read(model: Model, value: &Value) -> Result<Self, String> {
        match model {
            Model::QwenEditMultiangle => GenerateBody::read(value).map(JobBody::Multiangle),
            Model::QwenEditMultiangle2511 => {
                multiangle_2511::Body::read(value).map(JobBody::Multiangle2511)
            }
        }
    }

    /// The input's asset id (empty until the upload is done).
    pub fn image(&self) -> &str {
        match self {
            JobBody::Multiangle(body) => &body.image,
            JobBody::Multiangle2511(body) => body.images.first().map_or("", String::as_str),
        }
    }

    /// Points the body at the uploaded input.
    pub fn set_image(&mut self, asset_id: &str) {
        match self {
            JobBody::Multiangle(body) => body.image = asset_id.to_string(),
            JobBody::Multiangle2511(body) => body.images = vec![asset_id.to_string()],
        }
    }

    /// The prompt sent (the 2511 model takes none).
    pub fn prompt(&self) -> &str {
        match self {
            JobBody::Multiangle(body) => &body.prompt,
            JobBody::Multiangle2511(_) => "",
        }
    }

    /// The camera's turn from the input in the seed model's sign (positive: to the artist's
    /// left; −180..180), so chained results add up across models.
    pub fn turn(&self) -> i32 {
        match self {
            JobBody::Multiangle(body) => body.rotate_degrees,
            JobBody::Multiangle2511(body) => {
                crate::util::math::fold_degrees(-body.horizontal_angle)
            }
        }
    }

    /// How many results the job makes.
    pub fn takes(&self) -> usize {
        match self {
            JobBody::Multiangle(_) => 1,
            JobBody::Multiangle2511(body) => body.num_outputs.clamp(1, 4) as usize,
        }
    }

    /// The pose in words, as the model's prompts say it.
    pub fn describe(&self) -> String {
        match self {
            JobBody::Multiangle(body) => multiangle::describe_body(body),
            JobBody::Multiangle2511(body) => multiangle_2511::describe(body.pose()),
        }
    }

    /// The parameters as sent, by the model's own names.
    pub fn parameters(&self) -> Vec<(&'static str, String)> {
        match self {
            JobBody::Multiangle(body) => multiangle::parameters(body),
            JobBody::Multiangle2511(body) => multiangle_2511::parameters(body),
        }
    }

    /// A result's file name: the input's stem and the pose.
    pub fn download_name(&self, input_name: &str, mime_type: &str) -> String {
        match self {
            JobBody::Multiangle(body) => multiangle::download_name(input_name, body, mime_type),
            JobBody::Multiangle2511(body) => {
                multiangle_2511::download_name(input_name, body, mime_type)
            }
        }
    }

    /// The seed-model body, if this is one (the parts of the studio only it has: the prompt,
    /// the lens, the tilt states).
    pub fn as_multiangle(&self) -> Option<&GenerateBody> {
        match self {
            JobBody::Multiangle(body) => Some(body),
            JobBody::Multiangle2511(_) => None,
        }
    }
}

impl From<GenerateBody> for JobBody {
    fn from(body: GenerateBody) -> Self {
        JobBody::Multiangle(body)
    }
}

impl From<multiangle_2511::Body> for JobBody {
    fn from(body: multiangle_2511::Body) -> Self {
        JobBody::Multiangle2511(body)
    }
}
