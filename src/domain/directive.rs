//! The camera directive the model receives before the prompt, in the upstream demos' wording
//! (English half of their bilingual prompts), for the live preview.
//!
//! ```
//! use angleshot::domain::{camera::Camera, directive::directive};
//! let camera = Camera { rotate: 45, forward: 10, ..Camera::default() };
//! assert_eq!(directive(&camera), "Rotate the camera 45 degrees to the left. Turn the camera to a close-up.");
//! ```

use super::camera::Camera;

/// Shown when nothing moves.
pub const NO_MOVEMENT: &str = "no camera movement";

/// The directive for `camera`, followed by its prompt when it has one.
pub fn directive(camera: &Camera) -> String {
    let mut parts: Vec<String> = Vec::new();
    match camera.rotate {
        0 => {}
        r if r > 0 => parts.push(format!("Rotate the camera {r} degrees to the left.")),
        r => parts.push(format!("Rotate the camera {} degrees to the right.", -r)),
    }
    if camera.forward > 5 {
        parts.push("Turn the camera to a close-up.".to_string());
    } else if camera.forward >= 1 {
        parts.push("Move the camera forward.".to_string());
    }
    if camera.tilt <= -1 {
        parts.push("Turn the camera to a bird's-eye view.".to_string());
    } else if camera.tilt >= 1 {
        parts.push("Turn the camera to a worm's-eye view.".to_string());
    }
    if camera.wide_angle {
        parts.push("Turn the camera to a wide-angle lens.".to_string());
    }
    let prompt = camera.prompt.trim();
    if !prompt.is_empty() {
        parts.push(prompt.to_string());
    }
    if parts.is_empty() {
        NO_MOVEMENT.to_string()
    } else {
        parts.join(" ")
    }
}
