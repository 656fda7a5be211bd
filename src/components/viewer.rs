//! The full-screen viewer: one result as large as the screen allows. Pinch or wheel zooms
//! about the fingers or the pointer, a drag pans a magnified picture, a sideways swipe or
//! ←/→ steps between results, O (or the button) shows the original in its place, and Escape
//! or Close leaves. The geometry lives in `domain::zoom`.

use leptos::prelude::*;

use crate::components::job_list::words;
use crate::domain::zoom::{Swipe, View, step, swipe, wheel_factor};
use crate::studio::state::Studio;

/// The pointers down on the picture: (id, x, y), and where a one-finger drag began.
#[derive(Clone, Default)]
struct Touches {
    down: Vec<(i32, f64, f64)>,
    start: Option<(f64, f64)>,
}

impl Touches {
    fn spread(&self) -> Option<(f64, (f64, f64))> {
        let [(_, ax, ay), (_, bx, by)] = self.down.get(..2)? else {
            return None;
        };
        let length = crate::util::math::hypot(bx - ax, by - ay);
        Some((length, ((ax + bx) / 2.0, (ay + by) / 2.0)))
    }
}

/// A point on screen measured from the centre of `element`.
fn from_centre(element: &web_sys::Element, x: f64, y: f64) -> (f64, f64) {
    let rect = element.get_bounding_client_rect();
    (
        x - rect.left() - rect.width() / 2.0,
        y - rect.top() - rect.height() / 2.0,
    )
}

/// The viewer dialog; open while `viewing` names a job with a result.
#[component]
pub fn Viewer(viewing: RwSignal<Option<u64>>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let view = RwSignal::new(View::FIT);
    let original = RwSignal::new(false);
    let touches = StoredValue::new(Touches::default());

    let results = Memo::new(move |_| {
        if viewing.get().is_some() {
            studio.viewable_results()
        } else {
            Vec::new()
        }
    });
    let place = move || {
        let id = viewing.get()?;
        results.with(|r| r.iter().position(|r| *r == id))
    };
    let entry = move || viewing.get().and_then(|id| studio.entry(id));
    let go = move |way: Swipe| {
        let Some(at) = place() else { return };
        if let Some(next) = step(results.with_untracked(Vec::len), at, way) {
            viewing.set(results.with_untracked(|r| r.get(next).copied()));
        }
    };
    // A new picture starts fitted and as the result.
    Effect::new(move |_| {
        let _ = viewing.get();
        view.set(View::FIT);
        original.set(false);
    });
    // The dialog follows `viewing`: modal while set, closed (focus back) when not.
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        match (viewing.get().is_some(), el.open()) {
            (true, false) => {
                let _ = el.show_modal();
            }
            (false, true) => el.close(),
            _ => {}
        }
    });

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let centre = (0.0, 0.0);
        match ev.key().as_str() {
            "ArrowLeft" => go(Swipe::Previous),
            "ArrowRight" => go(Swipe::Next),
            "o" | "O" => original.update(|on| *on = !*on),
            "+" | "=" => view.update(|v| *v = v.zoom_at(1.25, centre)),
            "-" | "_" => view.update(|v| *v = v.zoom_at(0.8, centre)),
            "0" => view.set(View::FIT),
            _ => return,
        }
        ev.prevent_default();
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let el = event_target::<web_sys::Element>(&ev);
        let point = from_centre(&el, f64::from(ev.client_x()), f64::from(ev.client_y()));
        view.update(|v| *v = v.zoom_at(wheel_factor(ev.delta_y()), point));
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let el = event_target::<web_sys::Element>(&ev);
        let _ = el.set_pointer_capture(ev.pointer_id());
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        touches.update_value(|t| {
            t.down.retain(|(id, ..)| *id != ev.pointer_id());
            t.down.push((ev.pointer_id(), x, y));
            t.start = (t.down.len() == 1).then_some((x, y));
        });
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let before = touches.get_value();
        let Some(&(_, px, py)) = before.down.iter().find(|(id, ..)| *id == ev.pointer_id()) else {
            return;
        };
        touches.update_value(|t| {
            for p in t.down.iter_mut().filter(|p| p.0 == ev.pointer_id()) {
                (p.1, p.2) = (x, y);
            }
        });
        let after = touches.get_value();
        match (before.spread(), after.spread()) {
            (Some((was, _)), Some((now, middle))) if was > 0.0 => {
                let el = event_target::<web_sys::Element>(&ev);
                let point = from_centre(&el, middle.0, middle.1);
                view.update(|v| *v = v.zoom_at(now / was, point));
            }
            _ if view.get_untracked().is_zoomed() => {
                view.update(|v| *v = v.pan(x - px, y - py));
            }
            _ => {}
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let t = touches.get_value();
        let was_one = t.down.len() == 1;
        touches.update_value(|t| {
            t.down.retain(|(id, ..)| *id != ev.pointer_id());
            if !t.down.is_empty() {
                t.start = None;
            }
        });
        if let (true, Some((x0, y0))) = (was_one && !view.get_untracked().is_zoomed(), t.start) {
            let (dx, dy) = (f64::from(ev.client_x()) - x0, f64::from(ev.client_y()) - y0);
            if let Some(way) = swipe(dx, dy) {
                go(way);
            }
        }
    };

    let described = move || entry().map(|e| e.card.with(words)).unwrap_or_default();
    let picture = move || {
        let entry = entry()?;
        if original.get() {
            Some(studio.original_of(entry))
        } else {
            entry
                .card
                .with(|c| c.result.as_ref().map(|r| r.object_url.clone()))
        }
    };
    view! {
        <dialog class="viewer" node_ref=dialog aria-label="Viewer"
            on:close=move |_| viewing.set(None) on:keydown=on_key>
            <div class="viewer-bar row">
                <p class="viewer-title">
                    {move || if original.get() { "Original".to_string() } else { described() }}
                    {move || place().map(|at| format!(" · {} / {}", at + 1, results.with(Vec::len)))}
                </p>
                <button type="button" class="secondary" aria-label="Previous result"
                    disabled=move || place().is_none_or(|at| at == 0)
                    on:click=move |_| go(Swipe::Previous)>"←"</button>
                <button type="button" class="secondary" aria-label="Next result"
                    disabled=move || place().is_none_or(|at| at + 1 >= results.with(Vec::len))
                    on:click=move |_| go(Swipe::Next)>"→"</button>
                <button type="button" class="secondary" aria-label="Zoom in"
                    on:click=move |_| view.update(|v| *v = v.zoom_at(1.25, (0.0, 0.0)))>"+"</button>
                <button type="button" class="secondary" aria-label="Zoom out"
                    on:click=move |_| view.update(|v| *v = v.zoom_at(0.8, (0.0, 0.0)))>"−"</button>
                <button type="button" class="secondary" aria-keyshortcuts="O"
                    aria-pressed=move || original.get().to_string()
                    on:click=move |_| original.update(|on| *on = !*on)>"Show original"</button>
                <button type="button" on:click=move |_| viewing.set(None)>"Close"</button>
            </div>
            <div class="viewer-area" on:wheel=on_wheel
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>
                {move || picture().map(|url| view! {
                    <img src=url draggable="false"
                        alt=move || if original.get() { "Original".to_string() } else { format!("Full screen: {}", described()) }
                        style=move || format!("transform: {}", view.get().transform()) />
                })}
            </div>
            <p class="hint viewer-help">"Pinch or scroll to zoom, drag to pan, swipe or ←/→ for the next, O for the original, Esc to close."</p>
        </dialog>
    }
}
