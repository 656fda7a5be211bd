//! Input image checks and the size the browser shrinks to.

use angleshot::domain::image_rules::{
    MAX_EDGE, check_file, data_url_bytes, encodings_for, fit_within,
};

#[test]
fn accepted_and_refused_files() {
    assert!(check_file("a.png", "image/png", 10.0).is_ok());
    assert!(
        check_file("photo.HEIC", "", 10.0).is_ok(),
        "some browsers give no type"
    );
    assert!(
        check_file("a.png", "image/png", 0.0)
            .unwrap_err()
            .contains("empty")
    );
    assert!(
        check_file("notes.txt", "text/plain", 10.0)
            .unwrap_err()
            .contains("not an image")
    );
    assert!(
        check_file("evil.svg", "image/svg+xml", 10.0)
            .unwrap_err()
            .contains("SVG")
    );
    assert!(check_file("x", "", 10.0).is_err());
}

#[test]
fn shrinking_keeps_aspect_and_never_enlarges() {
    assert_eq!(
        fit_within(6000, 4000, MAX_EDGE),
        (2048, 1365),
        "24 MP photo"
    );
    assert_eq!(fit_within(4000, 6000, MAX_EDGE), (1365, 2048));
    assert_eq!(fit_within(1024, 768, MAX_EDGE), (1024, 768));
    assert_eq!(fit_within(20000, 10, MAX_EDGE), (2048, 1));
    assert_eq!(fit_within(0, 0, MAX_EDGE), (1, 1));
}

#[test]
fn data_url_sizes_and_encoding_order() {
    assert_eq!(data_url_bytes("data:image/png;base64,AAAA"), 3);
    assert_eq!(data_url_bytes("data:image/png;base64,AAA="), 2);
    assert_eq!(data_url_bytes("data:image/png;base64,AA=="), 1);
    assert_eq!(
        encodings_for("image/png")[0].0,
        "image/png",
        "transparency survives"
    );
    assert_eq!(encodings_for("image/jpeg")[0].0, "image/jpeg");
}

#[test]
fn a_file_over_forty_megabytes_is_refused_before_decoding() {
    use angleshot::domain::image_rules::{MAX_SOURCE_BYTES, check_file};
    assert!(check_file("scan.png", "image/png", MAX_SOURCE_BYTES).is_ok());
    let err = check_file("scan.png", "image/png", 50.0 * 1024.0 * 1024.0).unwrap_err();
    assert!(err.contains("50 MB") && err.contains("too large"), "{err}");
}
