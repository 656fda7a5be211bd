//! What the camera panel holds: the neutral camera plus the choices that go with it (prompt,
//! aspect ratio, LoRA scale, Go fast, Fine values). A model profile fills it from its
//! defaults and turns it into that model's request (`domain::profile`).
//!
//! ```
//! use angleshot::domain::profile::multiangle::{Ranges, initial_shot};
//! let shot = initial_shot(&Ranges::default());
//! assert!(!shot.fine && shot.prompt.is_empty());
//! ```

use crate::api::types::AspectRatio;
use crate::domain::camera::Camera;

/// The panel's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Shot {
    pub camera: Camera,
    pub prompt: String,
    pub aspect_ratio: AspectRatio,
    pub lora_scale: f64,
    pub go_fast: bool,
    /// Free values instead of the model's trained poses.
    pub fine: bool,
}
