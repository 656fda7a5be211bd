//! The turntable: scrub through a set's views, ordered by angle, by dragging or swiping
//! horizontally, or with ←/→, Home and End. Steps come from `domain::scrub`.

use leptos::prelude::*;

use crate::domain::scrub::{turntable_after_drag, turntable_after_key};
use crate::studio::sets::Frame;

/// Shows `frames[index]`; `index` is shared so a compare view can follow it.
#[component]
pub fn Turntable(frames: Signal<Vec<Frame>>, index: RwSignal<usize>) -> impl IntoView {
    // (pointer id, start x, start index) while dragging.
    let drag = StoredValue::new(None::<(i32, f64, usize)>);
    let count = move || frames.with(Vec::len);
    let current =
        move || frames.with(|f| f.get(index.get().min(f.len().saturating_sub(1))).cloned());
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let el = event_target::<web_sys::Element>(&ev);
        let _ = el.set_pointer_capture(ev.pointer_id());
        drag.set_value(Some((
            ev.pointer_id(),
            f64::from(ev.client_x()),
            index.get_untracked(),
        )));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((id, x0, start)) = drag.get_value() else {
            return;
        };
        if id != ev.pointer_id() {
            return;
        }
        let next = turntable_after_drag(start, count(), f64::from(ev.client_x()) - x0);
        if next != index.get_untracked() {
            index.set(next);
        }
    };
    let on_up = move |_| drag.set_value(None);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(next) = turntable_after_key(index.get_untracked(), count(), &ev.key()) {
            ev.prevent_default();
            index.set(next);
        }
    };
    view! {
        <div class="turntable" role="slider" tabindex="0" aria-label="Turntable"
            aria-valuemin="0" aria-valuemax=move || count().saturating_sub(1)
            aria-valuenow=move || index.get()
            aria-valuetext=move || current().map(|f| f.label).unwrap_or_default()
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
            on:keydown=on_key>
            {move || match current() {
                Some(Frame { url: Some(url), label, .. }) => view! { <img src=url alt=format!("View: {label}") draggable="false" /> }.into_any(),
                Some(frame) => view! { <p class="hint">{frame.label} " — not ready"</p> }.into_any(),
                None => view! { <p class="hint">"No views yet"</p> }.into_any(),
            }}
            <p class="turntable-label" aria-hidden="true">{move || current().map(|f| f.label).unwrap_or_default()}
                " · " {move || index.get() + 1} " / " {count}</p>
        </div>
    }
}
