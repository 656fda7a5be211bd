//! Model profiles: what one Scenario model makes of the neutral camera (its request body,
//! trained poses and snapping, words, file names, and ranges moved by `GET /models/{id}`).
//! One module per model; [`Model`] names them.
//!
//! ```
//! use angleshot::domain::profile::Model;
//! assert_eq!(Model::from_id("model_qwen-edit-multiangle"), Some(Model::QwenEditMultiangle));
//! assert_eq!(Model::default().name(), "Qwen Edit Multi-Angle");
//! ```

mod body;
pub mod multiangle;
pub mod multiangle_2511;

pub use body::JobBody;

/// The Scenario models the studio drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Model {
    /// `model_qwen-edit-multiangle`: ±90° orbit, three distances, three tilts ([`multiangle`]).
    #[default]
    QwenEditMultiangle,
    /// `model_qwen-edit-multiangle-2511`: the full 360° ring, four elevations, three
    /// distances, takes and a seed ([`multiangle_2511`]).
    QwenEditMultiangle2511,
}

impl Model {
    /// Every model, in the order a picker lists them.
    pub const ALL: [Model; 2] = [Model::QwenEditMultiangle, Model::QwenEditMultiangle2511];

    /// The model's id in the API's paths.
    pub fn id(self) -> &'static str {
        match self {
            Model::QwenEditMultiangle => crate::api::types::MODEL_ID,
            Model::QwenEditMultiangle2511 => multiangle_2511::MODEL_ID,
        }
    }

    /// The name the artist reads.
    pub fn name(self) -> &'static str {
        match self {
            Model::QwenEditMultiangle => "Qwen Edit Multi-Angle",
            Model::QwenEditMultiangle2511 => "Qwen Edit Multi-Angle 2511",
        }
    }

    /// Every input this model's profile sends, by the model's names.
    pub fn inputs(self) -> &'static [&'static str] {
        match self {
            Model::QwenEditMultiangle => &multiangle::INPUTS,
            Model::QwenEditMultiangle2511 => &multiangle_2511::INPUTS,
        }
    }

    /// The inputs the profile sends that a model description (`GET /models/{id}`) does not
    /// list: the panel names them and keeps the profile's defaults.
    ///
    /// ```
    /// use angleshot::domain::profile::Model;
    /// assert_eq!(Model::QwenEditMultiangle2511.missing_inputs(&["images", "zoom"]).len(), 8);
    /// ```
    pub fn missing_inputs(self, listed: &[&str]) -> Vec<&'static str> {
        self.inputs()
            .iter()
            .copied()
            .filter(|name| !listed.contains(name))
            .collect()
    }

    /// The model with this API id.
    pub fn from_id(id: &str) -> Option<Model> {
        Self::ALL.into_iter().find(|model| model.id() == id)
    }
}

/// What the panel says of a description missing some inputs (`None` when none are missing).
pub fn missing_inputs_note(missing: &[&str]) -> Option<String> {
    (!missing.is_empty()).then(|| {
        format!(
            "The model's description does not list {}: the profile's defaults are used.",
            missing.join(", ")
        )
    })
}
