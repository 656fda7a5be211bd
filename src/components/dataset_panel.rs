//! "Download dataset": trigger word, caption template (checked as it is typed), the sets to
//! take (none ticked: every result) and whether the originals go in too.

use leptos::prelude::*;

use crate::domain::dataset::{DEFAULT_TEMPLATE, check_template};
use crate::studio::dataset::DatasetOptions;
use crate::studio::state::Studio;

/// The dataset panel.
#[component]
pub fn DatasetPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let trigger = RwSignal::new(String::new());
    let template = RwSignal::new(DEFAULT_TEMPLATE.to_string());
    let originals = RwSignal::new(true);
    let ticked = RwSignal::new(Vec::<u64>::new());
    let status = RwSignal::new(None::<String>);
    let template_error = move || check_template(&template.get()).err();
    let finished = move || {
        studio
            .jobs
            .list()
            .with(|jobs| jobs.iter().any(|e| e.card.with(|c| c.result.is_some())))
    };
    let blocked = move || {
        if !finished() {
            Some("No finished result yet.".to_string())
        } else {
            template_error().map(|_| "Fix the caption template first.".to_string())
        }
    };
    let download = move |_| {
        let sets = ticked.get_untracked();
        let options = DatasetOptions {
            trigger: trigger.get_untracked(),
            template: template.get_untracked(),
            include_originals: originals.get_untracked(),
            sets: (!sets.is_empty()).then_some(sets),
        };
        studio.export_dataset(options, move |said| {
            let _ = status.try_set(Some(said));
        });
    };
    view! {
        <details class="panel more dataset">
            <summary>"Dataset"</summary>
            <div class="field">
                <label for="dataset-trigger">"Trigger word"</label>
                <input id="dataset-trigger" type="text" placeholder="chr_hero"
                    prop:value=move || trigger.get() on:input=move |ev| trigger.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="dataset-template">"Caption template"</label>
                <input id="dataset-template" type="text" aria-describedby="dataset-template-help dataset-template-error"
                    prop:value=move || template.get() on:input=move |ev| template.set(event_target_value(&ev)) />
                <p class="hint" id="dataset-template-help">"Fields: {trigger}, {pose}, {prompt}, {source}."</p>
                <p class="error" role="alert" id="dataset-template-error" aria-label="Caption template error">{template_error}</p>
            </div>
            <div class="check">
                <input id="dataset-originals" type="checkbox" prop:checked=move || originals.get()
                    on:change=move |ev| originals.set(event_target_checked(&ev)) />
                <label for="dataset-originals">"Include the originals"</label>
            </div>
            <fieldset class="field">
                <legend>"Sets (none ticked: every result)"</legend>
                <For each=move || studio.sets.list().get() key=|s| s.id let:set>
                    {
                        let id = set.id;
                        let label = move || set.set.with(|s| format!("{} · {} angles", s.input_name, s.cells.len()));
                        view! {
                            <div class="check">
                                <input id=format!("dataset-set-{id}") type="checkbox"
                                    prop:checked=move || ticked.with(|t| t.contains(&id))
                                    on:change=move |ev| ticked.update(|t| {
                                        t.retain(|x| *x != id);
                                        if event_target_checked(&ev) { t.push(id); }
                                    }) />
                                <label for=format!("dataset-set-{id}")>{label}</label>
                            </div>
                        }
                    }
                </For>
            </fieldset>
            <div class="row">
                <button type="button" disabled=move || blocked().is_some() aria-describedby="dataset-blocked"
                    on:click=download>"Download dataset"</button>
                <span class="hint" id="dataset-blocked">{blocked}</span>
            </div>
            <p class="hint" role="status" aria-label="Dataset status">{move || status.get()}</p>
        </details>
    }
}
