//! Trigonometry and decimal text for the camera drawing, without Rust's own copies.
//!
//! Why: `f64::sin` and friends compile Rust's libm into the wasm (about 8 KB), and `{:.1}`
//! formatting compiles the exact-precision float printer (about 9 KB), while the browser
//! already has both. In the wasm these call `Math`; natively (tests) they are std's.
//!
//! ```
//! use angleshot::domain::math::{OneDecimal, cos};
//! assert_eq!(OneDecimal(2.25).to_string(), "2.3");
//! assert_eq!(OneDecimal(-0.04).to_string(), "0.0");
//! assert!((cos(0.0) - 1.0).abs() < 1e-12);
//! ```

use std::fmt;

/// Sine of `x` radians.
pub fn sin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::sin(x);
    #[cfg(not(target_arch = "wasm32"))]
    return x.sin();
}

/// Cosine of `x` radians.
pub fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::cos(x);
    #[cfg(not(target_arch = "wasm32"))]
    return x.cos();
}

/// The angle of the point (`x`, `y`) in radians, as `y.atan2(x)`.
pub fn atan2(y: f64, x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::atan2(y, x);
    #[cfg(not(target_arch = "wasm32"))]
    return y.atan2(x);
}

/// The length of (`x`, `y`).
pub fn hypot(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

/// `x` rounded to a whole number, for text ("12 MB", "40%").
pub fn whole(x: f64) -> i64 {
    // `as` saturates and maps NaN to 0: never a panic on odd input.
    x.round() as i64
}

/// Displays a number with one decimal, rounded half away from zero ("12.3", "-0.5").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneDecimal(pub f64);

impl fmt::Display for OneDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = whole(self.0 * 10.0);
        let sign = if tenths < 0 { "-" } else { "" };
        let tenths = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_matches_rusts_own_formatting_on_drawing_values() {
        for x in [0.0, 0.05, 0.96, 1.25, 99.94, 120.0, -3.37, -0.5, 512.35] {
            let ours = OneDecimal(x).to_string();
            let parsed: f64 = ours.parse().unwrap();
            assert!((parsed - x).abs() <= 0.05 + 1e-9, "{x} → {ours}");
            assert_eq!(ours.split('.').nth(1).map(str::len), Some(1), "{ours}");
        }
        assert_eq!(OneDecimal(-0.04).to_string(), "0.0");
        assert_eq!(OneDecimal(-1.26).to_string(), "-1.3");
    }

    #[test]
    fn odd_numbers_never_panic() {
        assert_eq!(OneDecimal(f64::NAN).to_string(), "0.0");
        assert_eq!(whole(f64::INFINITY), i64::MAX);
        assert_eq!(whole(2.5), 3);
    }

    #[test]
    fn trigonometry_is_std_natively() {
        assert_eq!(sin(1.0), 1f64.sin());
        assert_eq!(atan2(1.0, -1.0), 1f64.atan2(-1.0));
        assert!((hypot(3.0, 4.0) - 5.0).abs() < 1e-12);
    }
}
