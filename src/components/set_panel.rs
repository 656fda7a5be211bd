//! The set editor: which angles "Generate angle set" submits and how many run at once. The
//! set shares the camera panel's distance, lens, prompt and options.

use leptos::prelude::*;

use crate::domain::angle_set::SET_CHOICES;
use crate::studio::state::Studio;

/// Ticks for each offered angle and the concurrency limit.
#[component]
pub fn SetEditor() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let sets = studio.sets;
    let choices = sets.choices();
    view! {
        <details class="more set-editor">
            <summary>{move || format!("Angle set: {} angles", choices.with(Vec::len))}</summary>
            <p class="hint">"One tap submits every ticked angle with the options above."</p>
            <div class="angle-choices" role="group" aria-label="Angles in the set">
                {SET_CHOICES.into_iter().enumerate().map(|(i, angle)| {
                    let id = format!("set-angle-{i}");
                    view! {
                        <div class="check">
                            <input id=id.clone() type="checkbox"
                                prop:checked=move || choices.with(|c| c.contains(&angle))
                                on:change=move |ev| { let on = event_target_checked(&ev); sets.tick(angle, on) } />
                            <label for=id>{angle.label(0)}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <JobsAtOnce />
        </details>
    }
}

/// "Jobs at once": how many of a set's or turnaround's jobs run together, and why, when a
/// 429 named the account's limit.
#[component]
pub fn JobsAtOnce() -> impl IntoView {
    let studio = expect_context::<Studio>();
    view! {
        <div class="field">
            <label for="set-concurrency">"Jobs at once"</label>
            <input id="set-concurrency" type="number" inputmode="numeric" min="1" max="16" step="1"
                aria-describedby="set-concurrency-note"
                prop:value=studio.queue.limit()
                on:input=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                        studio.queue.set_limit(n);
                    }
                } />
            <p id="set-concurrency-note" class="hint" role="status" aria-label="Jobs at once note">{move || studio.queue.limit_note().get()}</p>
        </div>
    }
}
