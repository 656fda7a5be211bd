//! The orbit gizmo: grab the camera and walk it around the subject (Rotate), pull it closer
//! (Move forward), or raise it on the elevation arc (Vertical tilt). Mouse, touch and pen
//! through pointer events with capture; arrow keys and +/− from the keyboard. Geometry lives
//! in `domain::orbit`; the values live in the one `Camera` signal the sliders show too.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::camera::Camera;
use crate::domain::orbit::{
    ARC_CENTER, ARC_RADIUS, CENTER, FAR_RADIUS, NEAR_RADIUS, camera_point, cone_half_angle,
    distance_after_drag, elevation_from_point, elevation_point, ring_arc, values_from_point,
};
use crate::domain::profile::Model;
use crate::domain::profile::multiangle::{Nudge, Pose, describe};
use crate::domain::profile::multiangle_2511 as m2511;
use crate::studio::state::Studio;
use crate::util::math::{self, OneDecimal};

/// viewBox size: top view on the left, elevation arc on the right.
const VIEW_W: f64 = 320.0;
const VIEW_H: f64 = 200.0;
/// Pointer x (user units) beyond which a drag moves the elevation handle: between the
/// orbit's right edge (180 + the dot) and the arc's nearest point (205).
const ARC_ZONE_X: f64 = 195.0;

#[derive(Clone, Copy, PartialEq)]
enum Drag {
    None,
    Orbit,
    Elevation,
}

fn svg_point(ev: &web_sys::PointerEvent) -> Option<(f64, f64)> {
    let el: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let rect = el.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let x = (f64::from(ev.client_x()) - rect.left()) * VIEW_W / rect.width();
    let y = (f64::from(ev.client_y()) - rect.top()) * VIEW_H / rect.height();
    Some((x, y))
}

/// A drawing coordinate as attribute text, to a tenth of a pixel (an `f64` attribute would
/// bring Rust's float printer into the wasm).
fn px(value: f64) -> String {
    OneDecimal(value).to_string()
}

fn cone_path(camera: &Camera) -> String {
    let (x, y) = camera_point(camera.azimuth, camera.distance);
    let toward = math::atan2(CENTER.1 - y, CENTER.0 - x);
    let half = cone_half_angle(camera.lens).to_radians();
    let len = 34.0;
    let (ax, ay) = (
        x + len * math::cos(toward - half),
        y + len * math::sin(toward - half),
    );
    let (bx, by) = (
        x + len * math::cos(toward + half),
        y + len * math::sin(toward + half),
    );
    let d = OneDecimal;
    format!(
        "M{},{} L{},{} L{},{} Z",
        d(x),
        d(y),
        d(ax),
        d(ay),
        d(bx),
        d(by)
    )
}

/// The elevation arc from `low` to `high` degrees (positive looks down, drawn high).
fn arc_path((low, high): (f64, f64)) -> String {
    let point = |deg: f64| {
        let phi = deg.to_radians();
        (
            ARC_CENTER.0 - ARC_RADIUS * math::cos(phi),
            ARC_CENTER.1 - ARC_RADIUS * math::sin(phi),
        )
    };
    let (sx, sy) = point(high);
    let (ex, ey) = point(low);
    let d = OneDecimal;
    format!(
        "M{},{} A{},{} 0 0 0 {},{}",
        d(sx),
        d(sy),
        d(ARC_RADIUS),
        d(ARC_RADIUS),
        d(ex),
        d(ey)
    )
}

/// The draggable camera.
#[component]
pub fn OrbitGizmo() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let camera = studio.camera;
    let shot = camera.shot();
    let drag = RwSignal::new(Drag::None);
    // Bumped whenever a drag lands on a new value: re-creates the "tick" ring (CSS animation).
    let ticks = RwSignal::new(0u32);

    // Where an orbit drag began and the distance then: the distance follows only the move
    // toward or away from the subject.
    let drag_start = StoredValue::new(((0.0, 0.0), 1.0));

    let set_from_point = move |x: f64, y: f64, mode: Drag| {
        let before = shot.with_untracked(|s| s.camera);
        match mode {
            Drag::Orbit => {
                let (azimuth, _) = values_from_point(x, y);
                let (start, start_distance) = drag_start.get_value();
                let distance = distance_after_drag(start_distance, start, (x, y));
                camera.drag_to(|c| {
                    c.azimuth = azimuth;
                    c.distance = distance;
                });
            }
            Drag::Elevation => camera.drag_to(|c| c.elevation = elevation_from_point(x, y)),
            Drag::None => {}
        }
        if shot.with_untracked(|s| s.camera) != before {
            ticks.update(|n| *n = n.wrapping_add(1));
        }
    };

    let on_down = move |ev: web_sys::PointerEvent| {
        // A finger takes the camera only on its handle or rings; elsewhere on the drawing a
        // swipe is the page's (CSS lets it scroll vertically there).
        let on_grab = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.class_list().contains("grab"));
        if ev.pointer_type() == "touch" && !on_grab {
            return;
        }
        let Some((x, y)) = svg_point(&ev) else { return };
        ev.prevent_default();
        let mode = if x > ARC_ZONE_X {
            Drag::Elevation
        } else {
            Drag::Orbit
        };
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
            let _ = el.dyn_ref::<web_sys::HtmlElement>().map(|h| h.focus());
        }
        drag_start.set_value(((x, y), shot.with_untracked(|s| s.camera.distance)));
        drag.set(mode);
        // A tap on the ring moves the camera around it; the distance stays.
        set_from_point(x, y, mode);
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let mode = drag.get_untracked();
        if mode == Drag::None {
            return;
        }
        if let Some((x, y)) = svg_point(&ev) {
            set_from_point(x, y, mode);
        }
    };
    let on_up = move |_ev: web_sys::PointerEvent| drag.set(Drag::None);

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let nudge = match ev.key().as_str() {
            "ArrowLeft" => Nudge::Left,
            "ArrowRight" => Nudge::Right,
            "ArrowUp" => Nudge::Up,
            "ArrowDown" => Nudge::Down,
            "+" | "=" => Nudge::Closer,
            "-" | "_" => Nudge::Farther,
            "Home" => Nudge::Home,
            _ => return,
        };
        camera.nudge(nudge);
        ev.prevent_default();
        ticks.update(|n| *n = n.wrapping_add(1));
    };

    // Memos: a height change leaves the orbit dot alone, and the reverse.
    let cam = Memo::new(move |_| shot.with(|s| camera_point(s.camera.azimuth, s.camera.distance)));
    let elev = Memo::new(move |_| shot.with(|s| elevation_point(s.camera.elevation)));
    // The part of the ring this model reaches in one job, and the rest, drawn out of reach.
    let reach = Memo::new(move |_| camera.azimuth_reach());
    let is_2511 = Memo::new(move |_| camera.model().get() == Model::QwenEditMultiangle2511);
    // The elevations the model takes: the seed's tilts are ±60°, the 2511's −30..90.
    let arc = Memo::new(move |_| {
        if is_2511.get() {
            (-30.0, 90.0)
        } else {
            (-60.0, 60.0)
        }
    });
    let reachable = move |radius: f64| {
        let (from, to) = reach.get();
        ring_arc(from, to, radius)
    };
    let unreachable = move |radius: f64| {
        let (from, to) = reach.get();
        if to - from >= 360.0 {
            return String::new(); // every side in reach
        }
        ring_arc(to, from + 360.0, radius)
    };
    // A finger on the handle or the rings drags the camera; anywhere else it scrolls.
    let drawing = NodeRef::<leptos::svg::Svg>::new();
    let kept = StoredValue::new_local(None::<crate::platform::touch::KeptTouches>);
    Effect::new(move |_| {
        if let Some(svg) = drawing.get() {
            kept.set_value(crate::platform::touch::keep_touches_on(&svg, "grab"));
        }
    });
    on_cleanup(move || kept.set_value(None));
    let subject = Memo::new(move |_| {
        studio.input.image().with(|i| {
            i.as_ref()
                .map(|i| crate::studio::thumbs::display_url(&i.thumbnail))
        })
    });
    view! {
        <div class="gizmo-wrap">
            <svg class="gizmo" node_ref=drawing viewBox=format!("0 0 {} {}", px(VIEW_W), px(VIEW_H)) role="slider" tabindex="0"
                aria-label="Camera orbit"
                aria-valuemin=move || if is_2511.get() { "0" } else { "-90" }
                aria-valuemax=move || if is_2511.get() { "359" } else { "90" }
                aria-valuenow=move || if is_2511.get() { camera.pose_2511().horizontal } else { shot.with(|s| Pose::of(&s.camera).rotate) }
                aria-valuetext=move || if is_2511.get() { m2511::describe(camera.pose_2511()) } else { shot.with(|s| describe(&s.camera)) }
                aria-describedby="gizmo-help"
                class:dragging=move || drag.get() != Drag::None
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
                on:lostpointercapture=move |_| drag.set(Drag::None)
                on:keydown=on_key>
                // Where a finger can take the camera: the band of the rings, the arc (below).
                <circle class="grab ring-hit" cx=px(CENTER.0) cy=px(CENTER.1) r=px((NEAR_RADIUS + FAR_RADIUS) / 2.0)
                    stroke-width=px(FAR_RADIUS - NEAR_RADIUS + 20.0) />
                <path class="orbit" d=move || reachable(FAR_RADIUS) />
                <path class="orbit near" d=move || reachable(NEAR_RADIUS) />
                // The 2511 model's medium shot: its three trained distances, three rings.
                <Show when=move || is_2511.get()>
                    <circle class="orbit middle" cx=px(CENTER.0) cy=px(CENTER.1) r=px((NEAR_RADIUS + FAR_RADIUS) / 2.0) />
                </Show>
                <path class="orbit out-of-reach" d=move || unreachable(FAR_RADIUS) />
                <path class="orbit near out-of-reach" d=move || unreachable(NEAR_RADIUS) />
                <Show when=move || !unreachable(FAR_RADIUS).is_empty()>
                    <text class="gizmo-label out-of-reach-label" x=px(CENTER.0) y=px(CENTER.1 - FAR_RADIUS - 6.0) text-anchor="middle">"out of reach"</text>
                </Show>
                <text class="gizmo-label" x=px(CENTER.0) y=px(CENTER.1 + FAR_RADIUS + 14.0) text-anchor="middle">"front"</text>
                <text class="gizmo-label" x=px(CENTER.0 - FAR_RADIUS - 4.0) y=px(CENTER.1 - 6.0) text-anchor="end">"L"</text>
                <text class="gizmo-label" x=px(CENTER.0 + FAR_RADIUS + 4.0) y=px(CENTER.1 - 6.0)>"R"</text>
                // The subject is the input picture, once there is one.
                {move || match subject.get() {
                    Some(href) => view! { <image class="subject-picture" href=href x=px(CENTER.0 - 14.0) y=px(CENTER.1 - 14.0) width="28" height="28" preserveAspectRatio="xMidYMid meet" /> }.into_any(),
                    None => view! { <rect class="subject" x=px(CENTER.0 - 12.0) y=px(CENTER.1 - 12.0) width="24" height="24" rx="5" /> }.into_any(),
                }}
                <path class="cone" d=move || shot.with(|s| cone_path(&s.camera)) />
                {move || { let _ = ticks.get(); let (x, y) = cam.get(); view! { <circle class="snap-ring" cx=px(x) cy=px(y) r="9" /> } }}
                <circle class="camera-dot grab" cx=move || px(cam.get().0) cy=move || px(cam.get().1) r="11" />
                <path class="grab arc-hit" d=move || arc_path(arc.get()) />
                <path class="arc" d=move || arc_path(arc.get()) />
                <text class="gizmo-label" x=px(ARC_CENTER.0 - 30.0) y=move || if is_2511.get() { "44" } else { "22" }>{move || if is_2511.get() { "bird's-eye" } else { "top-down" }}</text>
                <text class="gizmo-label" x=px(ARC_CENTER.0 - 30.0) y=move || if is_2511.get() { "160" } else { "196" }>"low angle"</text>
                {move || match subject.get() {
                    Some(href) => view! { <image class="subject-picture" href=href x=px(ARC_CENTER.0 - 12.0) y=px(ARC_CENTER.1 - 12.0) width="24" height="24" preserveAspectRatio="xMidYMid meet" /> }.into_any(),
                    None => view! { <rect class="subject small" x=px(ARC_CENTER.0 - 6.0) y=px(ARC_CENTER.1 - 10.0) width="12" height="20" rx="3" /> }.into_any(),
                }}
                <circle class="camera-dot grab" cx=move || px(elev.get().0) cy=move || px(elev.get().1) r="11" />
            </svg>
            <p id="gizmo-help" class="hint">"Drag the camera around, or toward the subject for a close-up; the arc raises it. Keys: ←/→ ↑/↓ +/−."</p>
        </div>
    }
}
