//! What keeps Generate and "Generate angle set" from running, in words for the panel.
//!
//! ```
//! use angleshot::domain::readiness::{GenerateReadiness, generate_blocker};
//! let ready = GenerateReadiness { has_image: true, has_credentials: true, uploading: false };
//! assert_eq!(generate_blocker(true, ready), None);
//! assert!(generate_blocker(false, ready).is_some(), "nothing would change");
//! ```

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

/// Why Generate is disabled, or `None` when it can run. `would_change` is the model
/// profile's word on whether the shot asks for anything.
pub fn generate_blocker(would_change: bool, readiness: GenerateReadiness) -> Option<&'static str> {
    readiness_blocker(readiness).or_else(|| {
        (!would_change).then_some("Nothing would change: move the camera or write a prompt.")
    })
}

/// Why "Generate angle set" is disabled, or `None`: as [`generate_blocker`], but a set varies
/// the camera itself, so it needs ticked angles instead of a moved camera.
pub fn set_blocker(ticked_angles: usize, readiness: GenerateReadiness) -> Option<&'static str> {
    readiness_blocker(readiness)
        .or_else(|| (ticked_angles == 0).then_some("Tick at least one angle for the set."))
}
