//! Before/after: the input over a result, split by a handle that follows a drag or a touch,
//! or ←/→ (5 % steps), Home and End. The split math lives in `domain::scrub`.

use leptos::prelude::*;

use crate::domain::scrub::{compare_after_key, compare_from_x};
use crate::util::math::{OneDecimal, whole};

/// `before` (left of the split) over `after`.
#[component]
pub fn Compare(
    #[prop(into)] before: Signal<String>,
    #[prop(into)] after: Signal<Option<String>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let split = RwSignal::new(50.0_f64);
    let dragging = StoredValue::new(None::<i32>);
    let follow = move |ev: &leptos::ev::PointerEvent| {
        let el = event_target::<web_sys::Element>(ev);
        // The handle or an image may be the target: measure the whole compare box.
        let rect = el
            .closest(".compare")
            .ok()
            .flatten()
            .unwrap_or(el)
            .get_bounding_client_rect();
        split.set(compare_from_x(
            f64::from(ev.client_x()),
            rect.left(),
            rect.width(),
        ));
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let el = event_target::<web_sys::Element>(&ev);
        let _ = el.set_pointer_capture(ev.pointer_id());
        dragging.set_value(Some(ev.pointer_id()));
        follow(&ev);
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if dragging.get_value() == Some(ev.pointer_id()) {
            follow(&ev);
        }
    };
    let on_up = move |_| dragging.set_value(None);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(next) = compare_after_key(split.get_untracked(), &ev.key()) {
            ev.prevent_default();
            split.set(next);
        }
    };
    view! {
        <div class="compare" role="slider" tabindex="0" aria-label="Compare"
            aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=move || whole(split.get())
            aria-valuetext=move || format!("{}% original, {}", whole(split.get()), label.get())
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
            on:keydown=on_key>
            {move || after.get().map(|url| view! { <img class="after" src=url alt="" draggable="false" /> })}
            <img class="before" src=move || before.get() alt="" draggable="false"
                style=move || format!("clip-path: inset(0 {}% 0 0)", OneDecimal(100.0 - split.get())) />
            <span class="split" aria-hidden="true" style=move || format!("left: {}%", OneDecimal(split.get()))></span>
        </div>
    }
}
