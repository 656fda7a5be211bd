//! The orbit gizmo with touch and with the keyboard: the values it sets are the ones the
//! sliders show and the mock receives.

use angleshot::domain::orbit::{camera_point, elevation_point};
use angleshot_e2e::fixtures::studio_servers;
use angleshot_e2e::{Page, with_browser};
use fantoccini::key::Key;
use serde_json::json;

/// Gizmo user units → viewport pixels.
async fn to_client(page: &Page, point: (f64, f64)) -> (f64, f64) {
    let rect = page
        .eval("const g = document.querySelector('svg[aria-label=\"Camera orbit\"]'); g.scrollIntoView({block: 'center'}); const r = g.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];")
        .await;
    let n = |i: usize| rect[i].as_f64().unwrap_or_default();
    (n(0) + point.0 * n(2) / 320.0, n(1) + point.1 * n(3) / 200.0)
}

async fn touch_drag(page: &Page, from: (f64, f64), to: (f64, f64)) {
    let (fx, fy) = to_client(page, from).await;
    let (tx, ty) = to_client(page, to).await;
    page.touch_drag((fx, fy), (tx, ty)).await;
}

async fn slider(page: &Page, name: &str) -> String {
    page.by_role("slider", name)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn touch_drag_and_keyboard_set_the_camera() {
    let (site, api) = studio_servers(500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        let gizmo = page.by_role("slider", "Camera orbit").await;
        assert_eq!(
            gizmo.attr("aria-valuetext").await.unwrap().as_deref(),
            Some("front, eye level, full view")
        );

        // Finger on the camera (front), drag to the front-left (azimuth −45): the seed
        // model's 45° to the left.
        touch_drag(&page, camera_point(0.0, 1.0), camera_point(-45.0, 1.0)).await;
        // Finger on the elevation handle, drag to the top of the arc: top-down.
        touch_drag(&page, elevation_point(0.0), elevation_point(60.0)).await;
        assert_eq!(slider(&page, "Rotate").await, "45");
        assert_eq!(slider(&page, "Vertical tilt").await, "-1");
        assert_eq!(
            gizmo.attr("aria-valuetext").await.unwrap().as_deref(),
            Some("45° to the left, top-down, full view")
        );
        page.screenshot("gizmo-after-touch").await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        let body = api.generate_posts()[0].json();
        assert_eq!(
            (body["rotateDegrees"].clone(), body["verticalTilt"].clone()),
            (json!(45), json!(-1))
        );

        // Keyboard only reaches the same values from the front.
        page.click_button("Front").await;
        let gizmo = page.by_role("slider", "Camera orbit").await;
        page.client
            .execute(
                "arguments[0].focus()",
                vec![serde_json::to_value(&gizmo).unwrap()],
            )
            .await
            .unwrap();
        let keys: String = [Key::Left, Key::Up]
            .into_iter()
            .map(char::from)
            .chain("+".chars())
            .collect();
        page.client
            .active_element()
            .await
            .unwrap()
            .send_keys(&keys)
            .await
            .expect("keys");
        assert_eq!(slider(&page, "Rotate").await, "45");
        assert_eq!(slider(&page, "Vertical tilt").await, "-1");
        assert_eq!(slider(&page, "Move forward").await, "5");
        assert_eq!(
            gizmo.attr("aria-valuetext").await.unwrap().as_deref(),
            Some("45° to the left, top-down, 5 steps closer")
        );
    })
    .await;
}

/// A tap on the ring moves the camera around it and nothing else: the distance stays where
/// it was (here a close-up, though the tap lands on the outer ring); only a drag toward or
/// away from the subject changes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_on_the_ring_moves_only_the_orbit() {
    let (site, api) = studio_servers(500).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        page.ready_with_image(&api).await;
        page.click_button("Close-up").await;
        assert_eq!(slider(&page, "Move forward").await, "10");
        let outer_ring_left = camera_point(-45.0, 1.0);
        touch_drag(&page, outer_ring_left, outer_ring_left).await;
        assert_eq!(slider(&page, "Rotate").await, "45", "moved around the ring");
        assert_eq!(
            slider(&page, "Move forward").await,
            "10",
            "the distance stays"
        );
        // Dragging out from the close-up ring to the outer one: the widest framing.
        let inner_ring_left = camera_point(-45.0, 0.0);
        touch_drag(&page, inner_ring_left, outer_ring_left).await;
        assert_eq!(
            slider(&page, "Move forward").await,
            "0",
            "dragged away from the subject"
        );
        assert_eq!(slider(&page, "Rotate").await, "45");
    })
    .await;
}
