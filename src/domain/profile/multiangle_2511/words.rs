//! The 2511 LoRA's own words for a pose (as its prompts were written), and the set file
//! labels made from them.

use super::Pose;

/// "front view" … "front-left quarter view", for azimuths snapped to 45°; other azimuths
/// get the nearest.
pub fn view_words(horizontal: i32) -> &'static str {
    const VIEWS: [&str; 8] = [
        "front view",
        "front-right quarter view",
        "right side view",
        "back-right quarter view",
        "back view",
        "back-left quarter view",
        "left side view",
        "front-left quarter view",
    ];
    let index = ((horizontal.rem_euclid(360) + 22) / 45).rem_euclid(8) as usize;
    VIEWS[index]
}

fn shot_words(vertical: i32) -> &'static str {
    match vertical {
        v if v < -15 => "low-angle shot",
        v if v < 15 => "eye-level shot",
        v if v < 45 => "elevated shot",
        v if v < 75 => "high-angle shot",
        _ => "bird's-eye view",
    }
}

fn zoom_words(zoom: i32) -> &'static str {
    match zoom {
        z if z < 3 => "wide shot",
        z if z < 8 => "medium shot",
        _ => "close-up",
    }
}

/// The pose in the LoRA's words: "back-left quarter view, elevated shot, close-up".
pub fn describe(pose: Pose) -> String {
    format!(
        "{}, {}, {}",
        view_words(pose.horizontal),
        shot_words(pose.vertical),
        zoom_words(pose.zoom)
    )
}

/// A file label for a set: the side and, off eye level, the height ("back-left",
/// "right_elevated"); no `+` or spaces.
pub fn set_file_label(pose: Pose) -> String {
    let side = view_words(pose.horizontal)
        .trim_end_matches(" quarter view")
        .trim_end_matches(" side view")
        .trim_end_matches(" view");
    match shot_words(pose.vertical) {
        "eye-level shot" => side.to_string(),
        shot => format!(
            "{side}_{}",
            shot.trim_end_matches(" shot")
                .trim_end_matches(" view")
                .replace(['\'', ' '], "-")
        ),
    }
}
