//! The turntable: a set's eye-level views in orbit order (tilted ones stay on the contact
//! sheet), turned by dragging or swiping horizontally, by ←/→, Home and End, or played in a
//! loop. Steps come from `domain::scrub`.

use gloo_timers::callback::Interval;
use leptos::prelude::*;

use crate::domain::scrub::{turntable_after_drag, turntable_after_key, turntable_play_step};
use crate::studio::sets::Frame;

/// Time each frame shows while playing.
const PLAY_FRAME_MS: u32 = 500;

/// Shows the selected frame when it is on the ring; `selected` (an index into all `frames`)
/// is shared with the contact sheet and the compare view, so they follow the turntable.
/// A `round` ring (a turnaround's full 360°) plays on past the last frame to the first.
#[component]
pub fn Turntable(
    frames: Signal<Vec<Frame>>,
    selected: RwSignal<usize>,
    round: Signal<bool>,
) -> impl IntoView {
    // Indices (into `frames`) of the views on the ring, in orbit order.
    let ring = Memo::new(move |_| {
        frames.with(|f| {
            f.iter()
                .enumerate()
                .filter(|(_, frame)| frame.in_orbit)
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    // Where on the ring the turntable is: the selected frame's place, or (while a tilted
    // cell is selected) where it last was.
    let last_place = StoredValue::new(0usize);
    let place = Memo::new(move |_| {
        let at = ring.with(|r| r.iter().position(|i| *i == selected.get()));
        match at {
            Some(at) => {
                last_place.set_value(at);
                at
            }
            None => last_place
                .get_value()
                .min(ring.with(Vec::len).saturating_sub(1)),
        }
    });
    let count = move || ring.with(Vec::len);
    let turn_to = move |at: usize| {
        if let Some(index) = ring.with_untracked(|r| r.get(at).copied())
            && index != selected.get_untracked()
        {
            selected.set(index);
        }
    };
    let current = move || {
        let index = ring.with(|r| r.get(place.get()).copied())?;
        frames.with(|f| f.get(index).cloned())
    };

    let playing = RwSignal::new(false);
    let player = StoredValue::new_local(None::<Interval>);
    let way = StoredValue::new(1i8);
    let stop = move || {
        player.set_value(None);
        playing.set(false);
    };
    let play = move || {
        let interval = crate::platform::timer::repeat(PLAY_FRAME_MS, move || {
            let (next, next_way) = turntable_play_step(
                place.get_untracked(),
                count(),
                way.get_value(),
                round.get_untracked(),
            );
            way.set_value(next_way);
            turn_to(next);
        });
        player.set_value(Some(interval));
        playing.set(true);
    };
    on_cleanup(move || player.set_value(None));

    // (pointer id, start x, start place) while dragging.
    let drag = StoredValue::new(None::<(i32, f64, usize)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        stop();
        let el = event_target::<web_sys::Element>(&ev);
        let _ = el.set_pointer_capture(ev.pointer_id());
        drag.set_value(Some((
            ev.pointer_id(),
            f64::from(ev.client_x()),
            place.get_untracked(),
        )));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((id, x0, start)) = drag.get_value() else {
            return;
        };
        if id == ev.pointer_id() {
            turn_to(turntable_after_drag(
                start,
                count(),
                f64::from(ev.client_x()) - x0,
            ));
        }
    };
    let on_up = move |_| drag.set_value(None);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(next) = turntable_after_key(place.get_untracked(), count(), &ev.key()) {
            ev.prevent_default();
            stop();
            turn_to(next);
        }
    };
    view! {
        <div class="turntable-wrap">
            <div class="turntable" role="slider" tabindex="0" aria-label="Turntable"
                aria-valuemin="0" aria-valuemax=move || count().saturating_sub(1)
                aria-valuenow=move || place.get()
                aria-valuetext=move || current().map(|f| f.label).unwrap_or_default()
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
                on:keydown=on_key>
                {move || match current() {
                    Some(Frame { url: Some(url), label, .. }) => view! { <img src=url alt=format!("View: {label}") draggable="false" /> }.into_any(),
                    Some(frame) => view! { <p class="hint">{frame.label} " — not ready"</p> }.into_any(),
                    None => view! { <p class="hint">"No views yet"</p> }.into_any(),
                }}
                <p class="turntable-label" aria-hidden="true">"Drag to turn · "
                    {move || current().map(|f| f.label).unwrap_or_default()}
                    " · " {move || place.get() + 1} " / " {count}</p>
            </div>
            // Its name says what a press does (not a pressed state): "Play…" or "Pause…".
            <button type="button" class="secondary"
                disabled=move || count() < 2
                on:click=move |_| if playing.get_untracked() { stop() } else { play() }>
                {move || if playing.get() { "Pause turntable" } else { "Play turntable" }}
            </button>
        </div>
    }
}
