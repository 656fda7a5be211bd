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

mod pixel_sizes {
    use angleshot::domain::pixel_size::pixel_size;

    #[test]
    fn png_gif_webp_and_jpeg_headers_give_their_sizes_and_odd_bytes_give_none() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&1024u32.to_be_bytes());
        png.extend_from_slice(&768u32.to_be_bytes());
        assert_eq!(pixel_size(&png), Some((1024, 768)));
        assert_eq!(pixel_size(b"GIF89a\x40\x01\xf0\x00"), Some((320, 240)));
        // WebP lossless: 14-bit width−1 and height−1 after the signature byte.
        let bits: u32 = (300 - 1) | ((200 - 1) << 14);
        let mut webp = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f".to_vec();
        webp.extend_from_slice(&bits.to_le_bytes());
        assert_eq!(pixel_size(&webp), Some((300, 200)));
        let mut vp8x = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0".to_vec();
        vp8x.extend_from_slice(&[0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00]); // 640×480
        assert_eq!(pixel_size(&vp8x), Some((640, 480)));
        // JPEG: an APP0 segment, then a baseline frame of 480 rows × 640 columns.
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01,
            0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00,
        ];
        assert_eq!(pixel_size(&jpeg), Some((640, 480)));
        for odd in [
            &b""[..],
            b"\x89PNG",
            b"RIFF\0\0\0\0WEBPVP8 ",
            &[0xff, 0xd8, 0x00],
            &[0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff],
        ] {
            assert_eq!(pixel_size(odd), None, "{odd:?}");
        }
    }
}
