//! Scrubbing gestures as numbers: which turntable frame a horizontal drag or a key reaches,
//! and where a compare split sits for a pointer x or a key.
//!
//! ```
//! use angleshot::domain::scrub::{turntable_after_drag, compare_from_x};
//! assert_eq!(turntable_after_drag(2, 7, 80.0), 4); // 40 px per frame
//! assert_eq!(compare_from_x(150.0, 100.0, 200.0), 25.0);
//! ```

/// Horizontal pixels a drag travels per turntable frame.
pub const PX_PER_FRAME: f64 = 40.0;
/// A compare key press moves the split this many percent.
pub const COMPARE_STEP: f64 = 5.0;

/// The frame reached from `start` after dragging `dx` px (right = next), clamped to the set.
pub fn turntable_after_drag(start: usize, frames: usize, dx: f64) -> usize {
    if frames == 0 {
        return 0;
    }
    let steps = if dx.is_finite() {
        (dx / PX_PER_FRAME).trunc() as i64
    } else {
        0
    };
    (start as i64 + steps).clamp(0, frames as i64 - 1) as usize
}

/// The frame a key moves to (←/→ one, Home/End the ends), or `None` for other keys.
pub fn turntable_after_key(index: usize, frames: usize, key: &str) -> Option<usize> {
    let last = frames.checked_sub(1)?;
    match key {
        "ArrowLeft" | "ArrowDown" => Some(index.saturating_sub(1)),
        "ArrowRight" | "ArrowUp" => Some((index + 1).min(last)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// The split (0 = all "after", 100 = all "before") for a pointer at `x` over a box.
pub fn compare_from_x(x: f64, left: f64, width: f64) -> f64 {
    // NaN widths too.
    if width.is_nan() || width <= 0.0 || !x.is_finite() {
        return 50.0;
    }
    ((x - left) / width * 100.0).clamp(0.0, 100.0)
}

/// The split after a key (←/→ by [`COMPARE_STEP`], Home/End), or `None` for other keys.
pub fn compare_after_key(split: f64, key: &str) -> Option<f64> {
    let moved = match key {
        "ArrowLeft" | "ArrowDown" => split - COMPARE_STEP,
        "ArrowRight" | "ArrowUp" => split + COMPARE_STEP,
        "Home" => 0.0,
        "End" => 100.0,
        _ => return None,
    };
    Some(moved.clamp(0.0, 100.0))
}

/// The next frame while the turntable plays, and the way it then goes (+1 or −1). A full
/// ring (`round`) goes on past the last frame to the first; a part ring turns back at its
/// ends, there and back, so the camera never jumps from one side to the other.
pub fn turntable_play_step(index: usize, frames: usize, way: i8, round: bool) -> (usize, i8) {
    if frames < 2 {
        return (0, way);
    }
    let last = frames - 1;
    if round {
        return ((index + 1) % frames, 1);
    }
    match (way >= 0, index) {
        (true, i) if i >= last => (last - 1, -1),
        (true, i) => (i + 1, 1),
        (false, 0) => (1, 1),
        (false, i) => ((i - 1).min(last), -1),
    }
}
