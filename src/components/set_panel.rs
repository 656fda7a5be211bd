//! The set editor: which angles "Generate angle set" submits and how many run at once. The
//! set shares the camera panel's distance, lens, prompt and options.

use leptos::prelude::*;

use crate::domain::angle_set::{SET_CHOICES, SetAngle};
use crate::studio::state::Studio;

fn toggle(choices: &mut Vec<SetAngle>, angle: SetAngle, on: bool) {
    choices.retain(|a| *a != angle);
    if on {
        choices.push(angle);
    }
    // Keep the editor's order so the set is submitted in a predictable order.
    crate::util::order::sort_by_rank(choices, |a| {
        SET_CHOICES
            .iter()
            .position(|c| c == a)
            .map_or(i128::MAX, |p| p as i128)
    });
}

/// Ticks for each offered angle and the concurrency limit.
#[component]
pub fn SetEditor() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let choices = studio.set_choices;
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
                                on:change=move |ev| { let on = event_target_checked(&ev); choices.update(|c| toggle(c, angle, on)) } />
                            <label for=id>{angle.label(0)}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <div class="field">
                <label for="set-concurrency">"Jobs at once"</label>
                <input id="set-concurrency" type="number" inputmode="numeric" min="1" max="16" step="1"
                    prop:value=move || studio.concurrency.get()
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                            studio.concurrency.set(n.clamp(1, 16));
                        }
                    } />
            </div>
        </details>
    }
}
