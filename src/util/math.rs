//! Trigonometry, decimal text and number parsing without Rust's own copies of them.
//!
//! Why: `f64::sin` and friends compile Rust's libm into the wasm and `{:.1}` formatting the
//! exact-precision float printer, while the browser's `Math` already has what we need. In
//! the wasm the trigonometry calls `Math`; natively (tests) it is std's.
//!
//! ```
//! use angleshot::util::math::{Decimal, OneDecimal, cos, parse_number};
//! assert_eq!(OneDecimal(2.25).to_string(), "2.3");
//! assert_eq!(Decimal(0.05).to_string(), "0.05");
//! assert_eq!(OneDecimal(-0.04).to_string(), "0.0");
//! assert!((cos(0.0) - 1.0).abs() < 1e-12);
//! assert_eq!(parse_number(" 2.5 "), Some(2.5));
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

/// e to the power `x`.
pub fn exp(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::exp(x);
    #[cfg(not(target_arch = "wasm32"))]
    return x.exp();
}

/// The length of (`x`, `y`).
pub fn hypot(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

/// A decimal number written as text ("12", " -3.5 ", "1e3"), as JSON writes numbers; `None`
/// for anything else. Read by [`crate::util::json::parse`], the parser every API answer goes
/// through, so no second float parser is compiled in.
pub fn parse_number(text: &str) -> Option<f64> {
    match crate::util::json::parse(text.trim()) {
        Ok(serde_json::Value::Number(n)) => n.as_f64(),
        _ => None,
    }
}

/// `x` limited to `low..=high`, as `f64::clamp` but without its panic (whose message prints
/// floats with Rust's float printer, docs/decisions/0003): NaN gives `low`; `low > high` gives
/// `high`.
pub fn clamp(x: f64, low: f64, high: f64) -> f64 {
    x.max(low).min(high)
}

/// Whole degrees folded into (−180, 180]: turning 90° twice is 180°, three times is −90°.
pub fn fold_degrees(degrees: i32) -> i32 {
    let folded = degrees.rem_euclid(360);
    if folded > 180 { folded - 360 } else { folded }
}

/// `x` rounded to a whole number, for text ("12 MB", "40%").
pub fn whole(x: f64) -> i64 {
    // `as` saturates and maps NaN to 0: never a panic on odd input.
    x.round() as i64
}

/// `x × scale` rounded half away from zero, as a sign ("" or "-") and a magnitude: the digits
/// [`OneDecimal`] and [`Decimal`] print.
fn scaled(x: f64, scale: f64) -> (&'static str, u64) {
    let n = whole(x * scale);
    (if n < 0 { "-" } else { "" }, n.unsigned_abs())
}

/// Displays a number with one decimal, rounded half away from zero ("12.3", "-0.5").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneDecimal(pub f64);

impl fmt::Display for OneDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sign, tenths) = scaled(self.0, 10.0);
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

/// Displays a number as briefly as it reads, to six decimals ("0.05", "2", "-1.5"): what
/// `f64`'s own `Display` prints for such numbers, without Rust's float printer behind it
/// (docs/decisions/0003). For attribute values, coordinates and costs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decimal(pub f64);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sign, millionths) = scaled(self.0, 1e6);
        let (units, fraction) = (millionths / 1_000_000, millionths % 1_000_000);
        if fraction == 0 {
            return write!(f, "{sign}{units}");
        }
        let digits = format!("{fraction:06}");
        write!(f, "{sign}{units}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_matches_rusts_own_formatting_on_drawing_values() {
        for x in [0.0, 0.05, 0.96, 1.25, 99.94, 120.0, -3.37, -0.5, 512.35] {
            let ours = OneDecimal(x).to_string();
            let parsed = ours.parse::<f64>().unwrap_or(f64::NAN);
            assert!((parsed - x).abs() <= 0.05 + 1e-9, "{x} → {ours}");
            assert_eq!(ours.split('.').nth(1).map(str::len), Some(1), "{ours}");
        }
        assert_eq!(OneDecimal(-0.04).to_string(), "0.0");
        assert_eq!(OneDecimal(-1.26).to_string(), "-1.3");
    }

    #[test]
    fn decimal_prints_what_f64_display_prints_up_to_six_decimals() {
        for x in [
            0.0, 1.0, -1.0, 0.05, 0.1, 0.25, 2.5, -0.5, 1.75, 123.456, 320.0, 0.000001, 86.6025,
            -42.125, 1e9,
        ] {
            assert_eq!(Decimal(x).to_string(), x.to_string(), "{x}");
        }
        // Any number with at most six decimals, as the sliders, costs and drawings use.
        for millionths in (-3_000_000_i64..3_000_000).step_by(997) {
            let x = millionths as f64 / 1e6;
            assert_eq!(Decimal(x).to_string(), x.to_string(), "{x}");
        }
        assert_eq!(Decimal(0.1234567).to_string(), "0.123457");
        assert_eq!(Decimal(-0.0000001).to_string(), "0");
        assert_eq!(Decimal(f64::NAN).to_string(), "0");
    }

    #[test]
    fn parse_number_reads_json_numbers_and_nothing_else() {
        assert_eq!(parse_number("12"), Some(12.0));
        assert_eq!(parse_number(" -3.5 "), Some(-3.5));
        assert_eq!(parse_number("1e3"), Some(1000.0));
        assert_eq!(parse_number("0.1"), Some(0.1));
        for not_a_number in ["", "abc", "12abc", "\"5\"", "[1]", "NaN", "inf", "1 2"] {
            assert_eq!(parse_number(not_a_number), None, "{not_a_number}");
        }
    }

    #[test]
    fn clamp_is_f64_clamp_without_the_panic() {
        for (x, low, high) in [
            (5.0, 0.0, 1.0),
            (-5.0, 0.0, 1.0),
            (0.5, 0.0, 1.0),
            (-90.5, -90.0, 90.0),
        ] {
            assert_eq!(clamp(x, low, high), x.clamp(low, high));
        }
        assert_eq!(clamp(f64::NAN, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 1.0, 0.0), 0.0);
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
