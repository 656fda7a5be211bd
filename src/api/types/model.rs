//! The model's description, whose `inputs` give the authoritative ranges.

use serde_json::Value;

use super::{FromJson, object, required_text};
use crate::api::lenient;

/// One entry of a model's `inputs`: what the panel's controls should allow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelInput {
    pub name: String,
    /// The input's `type`.
    pub kind: Option<String>,
    pub label: Option<String>,
    pub description: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: Option<f64>,
    pub default: Option<Value>,
    pub allowed_values: Vec<Value>,
}

impl FromJson for ModelInput {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(ModelInput {
            name: required_text(value, "name")?,
            kind: lenient::text_of(value, "type"),
            label: lenient::text_of(value, "label"),
            description: lenient::text_of(value, "description"),
            min: lenient::number_of(value, "min"),
            max: lenient::number_of(value, "max"),
            step: lenient::number_of(value, "step"),
            default: lenient::present(value, "default").cloned(),
            allowed_values: lenient::list_of(value, "allowedValues", |v| Some(v.clone())),
        })
    }
}

/// A model as `GET /models/{modelId}` describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub id: String,
    pub name: Option<String>,
    pub inputs: Vec<ModelInput>,
}

impl FromJson for Model {
    fn from_json(value: &Value) -> Option<Self> {
        let value = object(value)?;
        Some(Model {
            id: required_text(value, "id")?,
            name: lenient::text_of(value, "name"),
            inputs: lenient::list_of(value, "inputs", ModelInput::from_json),
        })
    }
}

/// `{ "model": ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelEnvelope {
    pub model: Model,
}

impl FromJson for ModelEnvelope {
    fn from_json(value: &Value) -> Option<Self> {
        Some(ModelEnvelope {
            model: Model::from_json(value.get("model")?)?,
        })
    }
}
