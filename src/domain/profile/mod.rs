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

    /// The model with this API id.
    pub fn from_id(id: &str) -> Option<Model> {
        Self::ALL.into_iter().find(|model| model.id() == id)
    }
}
