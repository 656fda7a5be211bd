//! The full-screen viewer's geometry: zoom about a point (wheel, pinch, keys), pan, and which
//! way a swipe steps. Plain numbers in CSS pixels, measured from the viewer's centre.
//!
//! ```
//! use angleshot::domain::zoom::{View, Swipe, swipe};
//! let view = View::FIT.zoom_at(2.0, (100.0, 0.0));
//! assert_eq!(view.scale, 2.0);
//! assert_eq!(view.x, -100.0); // the point under the pointer stays under it
//! assert_eq!(swipe(-120.0, 10.0), Some(Swipe::Next));
//! ```

/// The most the viewer magnifies.
pub const MAX_SCALE: f64 = 8.0;
/// Horizontal travel, in CSS px, that makes a swipe.
pub const SWIPE_MIN: f64 = 60.0;

/// Scale and offset of the image in the viewer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub scale: f64,
    pub x: f64,
    pub y: f64,
}

impl View {
    /// The whole image, fitted and centred.
    pub const FIT: View = View {
        scale: 1.0,
        x: 0.0,
        y: 0.0,
    };

    /// Scaled by `factor` about `point` (from the centre), kept between fitted and
    /// [`MAX_SCALE`]; back at fitted, centred again.
    pub fn zoom_at(self, factor: f64, point: (f64, f64)) -> View {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let scale = (self.scale * factor).clamp(1.0, MAX_SCALE);
        if scale <= 1.0 {
            return View::FIT;
        }
        let ratio = scale / self.scale;
        View {
            scale,
            x: point.0 - (point.0 - self.x) * ratio,
            y: point.1 - (point.1 - self.y) * ratio,
        }
    }

    /// Moved by (`dx`, `dy`); a fitted image does not move.
    pub fn pan(self, dx: f64, dy: f64) -> View {
        if self.scale <= 1.0 {
            return View::FIT;
        }
        View {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// Whether the image is magnified (a drag then pans instead of swiping).
    pub fn is_zoomed(&self) -> bool {
        self.scale > 1.0
    }

    /// The CSS transform that shows it.
    pub fn transform(&self) -> String {
        let d = crate::util::math::OneDecimal;
        format!(
            "translate({}px, {}px) scale({})",
            d(self.x),
            d(self.y),
            crate::util::math::Decimal(self.scale)
        )
    }
}

/// The zoom factor of one wheel (or trackpad pinch) event.
pub fn wheel_factor(delta_y: f64) -> f64 {
    crate::util::math::exp(-delta_y.clamp(-200.0, 200.0) * 0.002)
}

/// A step between results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swipe {
    Previous,
    Next,
}

/// The step a finished one-finger drag of (`dx`, `dy`) makes, if it was a swipe: mostly
/// sideways and far enough. Leftward shows the next result, as pages turn.
pub fn swipe(dx: f64, dy: f64) -> Option<Swipe> {
    if dx.abs() < SWIPE_MIN || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 {
        Swipe::Next
    } else {
        Swipe::Previous
    })
}

/// The index after `step` from `current` among `len` results, if there is one.
pub fn step(len: usize, current: usize, step: Swipe) -> Option<usize> {
    match step {
        Swipe::Previous => current.checked_sub(1),
        Swipe::Next => Some(current + 1).filter(|next| *next < len),
    }
}
