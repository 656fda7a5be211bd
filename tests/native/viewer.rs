//! The full-screen viewer's geometry: zoom keeps the point under the fingers still, never
//! goes below fitted or past the maximum, a fitted image does not pan, and only a mostly
//! sideways drag is a swipe.

use angleshot::domain::zoom::{MAX_SCALE, Swipe, View, step, swipe, wheel_factor};

#[test]
fn zooming_keeps_the_point_under_the_pointer_where_it_was() {
    let point = (120.0, -40.0);
    let once = View::FIT.zoom_at(2.0, point);
    // Image point under the pointer: (point − offset) / scale, before and after.
    let before = (point.0 - View::FIT.x, point.1 - View::FIT.y);
    let after = (
        (point.0 - once.x) / once.scale,
        (point.1 - once.y) / once.scale,
    );
    assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
    let twice = once.zoom_at(1.5, point);
    let again = (
        (point.0 - twice.x) / twice.scale,
        (point.1 - twice.y) / twice.scale,
    );
    assert!((again.0 - before.0).abs() < 1e-9 && (again.1 - before.1).abs() < 1e-9);
}

#[test]
fn zoom_stays_between_fitted_and_the_maximum() {
    let far_in = (0..20).fold(View::FIT, |v, _| v.zoom_at(2.0, (10.0, 10.0)));
    assert_eq!(far_in.scale, MAX_SCALE);
    let back_out = far_in.zoom_at(0.01, (10.0, 10.0));
    assert_eq!(
        back_out,
        View::FIT,
        "zoomed all the way out is fitted and centred"
    );
    assert_eq!(View::FIT.zoom_at(f64::NAN, (0.0, 0.0)), View::FIT);
    assert_eq!(View::FIT.zoom_at(-1.0, (0.0, 0.0)), View::FIT);
    assert!(wheel_factor(-100.0) > 1.0 && wheel_factor(100.0) < 1.0);
    assert!(wheel_factor(1e9).is_finite() && wheel_factor(1e9) > 0.0);
}

#[test]
fn only_a_magnified_image_pans() {
    assert_eq!(View::FIT.pan(50.0, 20.0), View::FIT);
    let zoomed = View::FIT.zoom_at(3.0, (0.0, 0.0)).pan(50.0, 20.0);
    assert_eq!((zoomed.x, zoomed.y), (50.0, 20.0));
    assert!(zoomed.is_zoomed() && !View::FIT.is_zoomed());
    assert_eq!(zoomed.transform(), "translate(50.0px, 20.0px) scale(3)");
}

#[test]
fn a_swipe_is_far_enough_and_mostly_sideways() {
    assert_eq!(swipe(-120.0, 10.0), Some(Swipe::Next));
    assert_eq!(swipe(120.0, -30.0), Some(Swipe::Previous));
    assert_eq!(swipe(-30.0, 0.0), None, "too short");
    assert_eq!(
        swipe(-100.0, 80.0),
        None,
        "too steep: a scroll, not a swipe"
    );
    assert_eq!(step(3, 0, Swipe::Previous), None);
    assert_eq!(step(3, 0, Swipe::Next), Some(1));
    assert_eq!(step(3, 2, Swipe::Next), None);
    assert_eq!(step(0, 0, Swipe::Next), None);
}
