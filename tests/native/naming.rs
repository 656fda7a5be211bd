//! Download names carry the angle and are safe on every file system.

use angleshot::api::types::GenerateBody;
use angleshot::domain::naming::{extension, stem};
use angleshot::domain::profile::multiangle::download_name;

/// The seed profile's download name for a pose.
fn result_file_name(
    input: &str,
    rotate: i32,
    forward: i32,
    tilt: i32,
    wide: bool,
    mime: &str,
) -> String {
    let mut body = GenerateBody::with_defaults("asset_1");
    body.rotate_degrees = rotate;
    body.move_forward = forward;
    body.vertical_tilt = tilt;
    body.use_wide_angle = wide;
    download_name(input, &body, mime)
}

#[test]
fn names_carry_every_camera_value() {
    assert_eq!(
        result_file_name("chair.png", 45, 0, 0, true, "image/png"),
        "chair_rot+45_fwd0_tilt0_wide.png"
    );
    assert_eq!(
        result_file_name("chair.png", -90, 10, -1, false, "image/jpeg"),
        "chair_rot-90_fwd10_tilt-1.jpg"
    );
    assert_eq!(
        result_file_name("chair.png", 0, 5, 1, false, "image/webp"),
        "chair_rot0_fwd5_tilt1.webp"
    );
}

#[test]
fn stems_are_cleaned() {
    assert_eq!(stem("C:\\art\\hero sheet (v2).PNG"), "hero_sheet__v2");
    assert_eq!(stem("../../etc/passwd"), "passwd");
    assert_eq!(stem(".png"), "png");
    assert_eq!(stem("???"), "angleshot");
    assert_eq!(
        stem("<img src=x onerror=alert(1)>.png"),
        "img_src_x_onerror_alert_1"
    );
    assert_eq!(stem(&"a".repeat(300)).len(), 60);
    assert_eq!(extension("IMAGE/JPEG"), "jpg");
    assert_eq!(extension("application/octet-stream"), "png");
}

#[test]
fn names_in_other_scripts_are_kept_and_their_spaces_are_not() {
    assert_eq!(stem("Стул 2.png"), "Стул_2");
    assert_eq!(stem("椅子.jpg"), "椅子");
    assert_eq!(stem("a\u{3000}b\u{85}c.png"), "a_b_c");
}
