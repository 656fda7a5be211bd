//! The camera, as the artist places it around the subject, in no model's units: where the
//! gizmo draws it. Each model profile (`domain::profile`) converts it to its own inputs and
//! snaps it to the poses that model was trained on.
//!
//! ```
//! use angleshot::domain::camera::{Camera, Lens};
//! let right = Camera { azimuth: 90.0, ..Camera::default() };
//! assert_eq!(right.lens, Lens::Normal);
//! assert_eq!(Camera::normalised_azimuth(270.0), -90.0); // the same place, walked the other way
//! ```

/// The camera's lens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lens {
    #[default]
    Normal,
    Wide,
}

/// Where the camera is, seen from the artist's side of the original picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Degrees around the subject, (−180, 180]: 0 is the original's front, positive moves the
    /// camera to the artist's right, 180 is behind.
    pub azimuth: f64,
    /// Degrees above the subject's eye level: positive looks down on it, negative up at it.
    pub elevation: f64,
    /// How far the camera stands, 0..=1: 0 the model's close-up, 1 its widest framing.
    pub distance: f64,
    pub lens: Lens,
}

impl Default for Camera {
    /// The original's own view: front, eye level, as far as the model frames.
    fn default() -> Self {
        Camera {
            azimuth: 0.0,
            elevation: 0.0,
            distance: 1.0,
            lens: Lens::Normal,
        }
    }
}

impl Camera {
    /// An angle folded into (−180, 180].
    pub fn normalised_azimuth(degrees: f64) -> f64 {
        let folded = degrees.rem_euclid(360.0);
        if folded > 180.0 {
            folded - 360.0
        } else {
            folded
        }
    }
}
