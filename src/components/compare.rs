//! Before/after: the original beside or over the result, each on its own opaque checkerboard
//! so nothing of one shows through the other's transparent pixels. Split: a handle that
//! follows a drag or a touch, or ←/→ (5 % steps), Home and End; the math lives in
//! `domain::scrub`. "Side by side" lays the two out next to each other instead.

use leptos::prelude::*;

use crate::domain::scrub::{compare_after_key, compare_from_x};
use crate::util::math::{OneDecimal, whole};

/// `before` (the original, left of the split) over `after` (the result).
#[component]
pub fn Compare(
    #[prop(into)] before: Signal<String>,
    #[prop(into)] after: Signal<Option<String>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let split = RwSignal::new(50.0_f64);
    let side_by_side = RwSignal::new(false);
    let dragging = StoredValue::new(None::<i32>);
    let follow = move |ev: &leptos::ev::PointerEvent| {
        let el = event_target::<web_sys::Element>(ev);
        // The handle or a layer may be the target: measure the whole compare box.
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
    let result_layer = move || {
        view! {
            <figure class="layer result-layer">
                {move || after.get().map(|url| view! { <img src=url alt="" draggable="false" /> })}
                <figcaption class="tag result-tag">"Result"</figcaption>
            </figure>
        }
    };
    view! {
        <div class="compare-wrap">
            <Show when=move || !side_by_side.get()
                fallback=move || view! {
                    <div class="side-by-side" role="group" aria-label="Original and result side by side">
                        <figure class="layer">
                            <img src=move || before.get() alt="Original" draggable="false" />
                            <figcaption class="tag">"Original"</figcaption>
                        </figure>
                        {result_layer()}
                    </div>
                }>
                <div class="compare" role="slider" tabindex="0" aria-label="Compare"
                    aria-valuemin="0" aria-valuemax="100"
                    aria-valuenow=move || whole(split.get())
                    aria-valuetext=move || format!("{}% original, {}", whole(split.get()), label.get())
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
                    on:keydown=on_key>
                    {result_layer()}
                    // The whole layer is clipped, its checkerboard too: left of the split only
                    // the original shows, however transparent its pixels are.
                    <figure class="layer original-layer"
                        style=move || format!("clip-path: inset(0 {}% 0 0)", OneDecimal(100.0 - split.get()))>
                        <img src=move || before.get() alt="" draggable="false" />
                        <figcaption class="tag">"Original"</figcaption>
                    </figure>
                    <span class="split" aria-hidden="true" style=move || format!("left: {}%", OneDecimal(split.get()))>
                        <span class="handle"></span>
                    </span>
                </div>
            </Show>
            <button type="button" class="secondary" aria-pressed=move || side_by_side.get().to_string()
                on:click=move |_| side_by_side.update(|on| *on = !*on)>"Side by side"</button>
        </div>
    }
}
