//! The camera panel: the orbit gizmo, the presets (one toolbar: one Tab stop, arrows move
//! within it), and Generate with the reason when it is disabled and the running jobs'
//! progress — so Generate is two Tabs from the gizmo and its result's progress is beside it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::orbit_gizmo::OrbitGizmo;
use crate::domain::presets::{Preset, Toggle, is_on, is_pressed};
use crate::studio::state::Studio;
use crate::util::math::whole;

/// ←/→ (and Home/End) inside the presets toolbar move the focus between its buttons.
fn move_focus_in_toolbar(ev: &leptos::ev::KeyboardEvent, at: RwSignal<usize>, count: usize) {
    let next = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (at.get_untracked() + 1) % count,
        "ArrowLeft" | "ArrowUp" => (at.get_untracked() + count - 1) % count,
        "Home" => 0,
        "End" => count - 1,
        _ => return,
    };
    ev.prevent_default();
    at.set(next);
    let target = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|toolbar| {
            toolbar
                .query_selector(&format!("[data-index=\"{next}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = target {
        let _ = button.focus();
    }
}

/// A priced turnaround: its seed and cost, and the artist's yes or no.
#[component]
fn TurnaroundOfferBox() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let offer = studio.sets.turnaround_offer();
    move || {
        offer.get().map(|offer| {
            view! {
                <div class="offer" role="group" aria-label="Turnaround">
                    <p>{format!("Turnaround: 8 jobs at 0°, 45°, … 315° · seed {}", offer.seed)}</p>
                    <p role="status" aria-label="Turnaround cost">{offer.cost}</p>
                    <div class="row">
                        <button type="button" class="primary" on:click=move |_| studio.confirm_turnaround()>"Confirm turnaround"</button>
                        <button type="button" class="secondary" on:click=move |_| studio.cancel_turnaround()>"Cancel"</button>
                    </div>
                </div>
            }
        })
    }
}

/// The gizmo, the presets and Generate (the first screen).
#[component]
pub fn CameraPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let generate_blocker = Memo::new(move |_| studio.generate_blocker());
    let set_blocker = Memo::new(move |_| studio.set_blocker());
    let turnaround_blocker = Memo::new(move |_| studio.turnaround_blocker());
    let is_2511 = move || {
        studio.camera.model().get() == crate::domain::profile::Model::QwenEditMultiangle2511
    };
    let running = Memo::new(move |_| studio.running());
    // The preset that takes the toolbar's one Tab stop.
    let focus_at = RwSignal::new(0usize);
    let count = Preset::ALL.len() + Toggle::ALL.len();
    // `elementtiming` (no typed attribute in Leptos): the bench reads when its text is painted.
    let generate = view! {
        <button type="button" class="primary" aria-describedby="generate-reason"
            aria-keyshortcuts="Control+Enter Meta+Enter"
            disabled=move || generate_blocker.get().is_some()
            on:click=move |_| studio.generate()>"Generate"</button>
    }
    .attr("elementtiming", "generate");
    let tab_stop = move |index: usize| if focus_at.get() == index { "0" } else { "-1" };
    view! {
        <section class="panel camera" aria-labelledby="camera-title">
            <h2 id="camera-title" class="visually-hidden">"Camera"</h2>
            <OrbitGizmo />
            <div class="presets" role="toolbar" aria-label="Presets"
                on:keydown=move |ev| move_focus_in_toolbar(&ev, focus_at, count)>
                {Preset::ALL.into_iter().enumerate().map(|(index, preset)| view! {
                    <button type="button" class="preset" data-index=index tabindex=move || tab_stop(index)
                        aria-pressed=move || studio.camera.shot().with(|s| is_pressed(s, preset)).to_string()
                        on:focus=move |_| focus_at.set(index)
                        on:click=move |_| studio.camera.apply_preset(preset)>{preset.label()}</button>
                }).collect_view()}
                {Toggle::ALL.into_iter().enumerate().map(|(offset, which)| {
                    let index = Preset::ALL.len() + offset;
                    view! {
                        <button type="button" class="preset toggle" data-index=index tabindex=move || tab_stop(index)
                            aria-pressed=move || studio.camera.shot().with(|s| is_on(s, which)).to_string()
                            on:focus=move |_| focus_at.set(index)
                            on:click=move |_| studio.camera.toggle(which)>{which.label()}</button>
                    }
                }).collect_view()}
            </div>

            <div class="generate-bar">
                <div class="row">
                    {generate}
                    <Show when=is_2511 fallback=move || view! {
                        <button type="button" aria-describedby="set-reason"
                            disabled=move || set_blocker.get().is_some()
                            on:click=move |_| studio.generate_set()>"Generate angle set"</button>
                    }>
                        <button type="button" aria-describedby="set-reason"
                            disabled=move || turnaround_blocker.get().is_some()
                            on:click=move |_| studio.offer_turnaround()>"Generate turnaround"</button>
                    </Show>
                </div>
                <TurnaroundOfferBox />
                <p id="generate-reason" class="hint">{move || generate_blocker.get()}</p>
                // Said once: only when the set's reason differs from Generate's.
                <p id="set-reason" class="hint">{move || set_blocker.get().filter(|r| Some(*r) != generate_blocker.get()).map(|r| format!("Angle set: {r}"))}</p>
                // Where the eye is after pressing Generate, whatever the layout.
                <div class="running" role="status" aria-label="Running jobs">
                    {move || running.get().map(|(jobs, progress)| view! {
                        <span>{if jobs == 1 { "1 job running".to_string() } else { format!("{jobs} jobs running") }}
                            {format!(" · newest {} %", whole(progress * 100.0))}</span>
                        <progress max="1" aria-label="Newest job's progress" value=crate::util::math::Decimal(progress).to_string()></progress>
                    })}
                </div>
            </div>
        </section>
    }
}
