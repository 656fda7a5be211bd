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
            <div class="field">
                <label for="set-concurrency">"Jobs at once"</label>
                <input id="set-concurrency" type="number" inputmode="numeric" min="1" max="16" step="1"
                    prop:value=studio.queue.limit()
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                            studio.queue.set_limit(n);
                        }
                    } />
            </div>
        </details>
    }
}
