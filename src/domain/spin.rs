//! "Download spin": a video of a set's orbit frames — round and round for a turnaround,
//! there and back for the seed model's ±90° ring — at a chosen pace, size and background.
//! The recording itself is the browser's (`platform::spin_recorder`); this is the plan.
//!
//! ```
//! use angleshot::domain::spin::{SpinSize, play_order, video_size};
//! assert_eq!(play_order(4, false), [0, 1, 2, 3, 2, 1]);
//! assert_eq!(play_order(3, true), [0, 1, 2]);
//! assert_eq!(video_size((1024, 768), SpinSize::Long720), (720, 540));
//! ```

/// The video's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpinSize {
    /// The frames' own size (the largest frame's).
    #[default]
    Frames,
    /// 720 px on the long edge.
    Long720,
    /// 1080 px on the long edge.
    Long1080,
}

impl SpinSize {
    pub const ALL: [SpinSize; 3] = [SpinSize::Frames, SpinSize::Long720, SpinSize::Long1080];

    /// The picker's words.
    pub fn label(self) -> &'static str {
        match self {
            SpinSize::Frames => "The frames' size",
            SpinSize::Long720 => "720 px",
            SpinSize::Long1080 => "1080 px",
        }
    }
}

/// What transparent frames sit on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Backdrop {
    #[default]
    Checkerboard,
    White,
    Black,
    /// A CSS colour (`#2d5bd7`).
    Colour(String),
}

impl Backdrop {
    /// The picker's choices by name (the colour is picked beside it).
    pub const NAMES: [&'static str; 4] = ["Checkerboard", "White", "Black", "Colour"];

    /// The backdrop named `name` (`colour` for "Colour").
    pub fn from_name(name: &str, colour: &str) -> Backdrop {
        match name {
            "White" => Backdrop::White,
            "Black" => Backdrop::Black,
            "Colour" => Backdrop::Colour(colour.to_string()),
            _ => Backdrop::Checkerboard,
        }
    }
}

/// The order the frames play in: each once for a full loop (`round`), else there and back
/// (the last and first frames not twice in a row, so it loops smoothly).
pub fn play_order(frames: usize, round: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..frames).collect();
    if !round && frames > 2 {
        order.extend((1..frames - 1).rev());
    }
    order
}

/// The video's size for frames up to `largest`: even sides (video encoders want them).
pub fn video_size(largest: (u32, u32), size: SpinSize) -> (u32, u32) {
    let (w, h) = (largest.0.max(2), largest.1.max(2));
    let long = match size {
        SpinSize::Frames => w.max(h),
        SpinSize::Long720 => 720,
        SpinSize::Long1080 => 1080,
    };
    let scale = f64::from(long) / f64::from(w.max(h));
    let even = |side: u32| ((f64::from(side) * scale / 2.0).round() as u32).max(1) * 2;
    (even(w), even(h))
}

/// The recorder formats to try, best first: (MIME type, file extension).
pub const FORMATS: [(&str, &str); 5] = [
    ("video/mp4;codecs=avc1", "mp4"),
    ("video/mp4", "mp4"),
    ("video/webm;codecs=vp9", "webm"),
    ("video/webm;codecs=vp8", "webm"),
    ("video/webm", "webm"),
];

/// The first format the browser records, if any.
pub fn pick_format(records: impl Fn(&str) -> bool) -> Option<(&'static str, &'static str)> {
    FORMATS.into_iter().find(|(mime, _)| records(mime))
}

/// Why "Download spin" is off, if it is.
pub fn spin_blocker(frames: usize, recorder: bool) -> Option<&'static str> {
    if !recorder {
        Some("This browser cannot record video (no MediaRecorder).")
    } else if frames < 2 {
        Some("A spin needs two finished frames or more.")
    } else {
        None
    }
}

/// The pace as typed (seconds per frame), kept within 0.05–10 s; 0.5 s when unreadable.
pub fn pace_ms(seconds: &str) -> u32 {
    let seconds = crate::util::math::parse_number(seconds).unwrap_or(0.5);
    let seconds = if seconds.is_finite() { seconds } else { 0.5 };
    (seconds.clamp(0.05, 10.0) * 1000.0).round() as u32
}
