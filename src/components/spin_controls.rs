//! A set's "Download spin": seconds per frame, size and background, the button (off with
//! its reason), and "Cancel spin" while it records.

use leptos::prelude::*;

use crate::domain::spin::{Backdrop, SpinSize, pace_ms};
use crate::studio::spin::SpinOptions;
use crate::studio::state::Studio;

/// The spin's controls for set `set_id`, whose status line is `packing`.
#[component]
pub fn SpinControls(set_id: u64, #[prop(into)] packing: Signal<Option<String>>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let pace = RwSignal::new("0.5".to_string());
    let size = RwSignal::new(SpinSize::default());
    let backdrop = RwSignal::new(Backdrop::NAMES[0].to_string());
    let colour = RwSignal::new("#2d5bd7".to_string());
    let recording = RwSignal::new(false);
    let cancel = StoredValue::new(false);
    let blocked = move || studio.spin_blocker(set_id);
    let start = move |_| {
        let options = SpinOptions {
            pace_ms: pace_ms(&pace.get_untracked()),
            size: size.get_untracked(),
            backdrop: Backdrop::from_name(&backdrop.get_untracked(), &colour.get_untracked()),
        };
        cancel.set_value(false);
        recording.set(true);
        studio.download_spin(set_id, options, move || {
            let stop = cancel.try_get_value().unwrap_or(true);
            if stop {
                let _ = recording.try_set(false);
            }
            stop
        });
    };
    // The set's status line says when it is done; the button comes back then.
    Effect::new(move |_| {
        if packing.get().is_some_and(|s| !s.starts_with("Recording")) {
            recording.set(false);
        }
    });
    let pace_id = format!("spin-pace-{set_id}");
    let size_id = format!("spin-size-{set_id}");
    let back_id = format!("spin-back-{set_id}");
    let colour_id = format!("spin-colour-{set_id}");
    let reason_id = format!("spin-reason-{set_id}");
    view! {
        <div class="row actions spin">
            <label for=pace_id.clone()>"Seconds per frame"</label>
            <input id=pace_id type="number" min="0.05" max="10" step="0.05" value=pace.get_untracked()
                on:input=move |ev| pace.set(event_target_value(&ev)) />
            <label for=size_id.clone()>"Spin size"</label>
            <select id=size_id on:change=move |ev| {
                let picked = event_target_value(&ev);
                size.set(SpinSize::ALL.into_iter().find(|s| s.label() == picked).unwrap_or_default());
            }>
                {SpinSize::ALL.map(|s| view! { <option value=s.label() selected=move || size.get() == s>{s.label()}</option> }).collect_view()}
            </select>
            <label for=back_id.clone()>"Spin background"</label>
            <select id=back_id on:change=move |ev| backdrop.set(event_target_value(&ev))>
                {Backdrop::NAMES.map(|n| view! { <option value=n selected=move || backdrop.get() == n>{n}</option> }).collect_view()}
            </select>
            <Show when=move || backdrop.get() == "Colour">
                <label for=colour_id.clone()>"Background colour"</label>
                <input id=colour_id.clone() type="color" prop:value=move || colour.get()
                    on:input=move |ev| colour.set(event_target_value(&ev)) />
            </Show>
            <Show when=move || recording.get()
                fallback=move || view! {
                    <button type="button" disabled=move || blocked().is_some()
                        aria-describedby=reason_id.clone() on:click=start>"Download spin"</button>
                }>
                <button type="button" class="secondary" on:click=move |_| cancel.set_value(true)>"Cancel spin"</button>
            </Show>
            <span class="hint" id=format!("spin-reason-{set_id}")>{blocked}</span>
        </div>
    }
}
