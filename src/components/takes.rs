//! A job's takes on the stage (the 2511 model's `numOutputs` 2–4): each result with its own
//! Download and Use as input.

use leptos::prelude::*;

use crate::components::job_list::words;
use crate::studio::jobs::JobEntry;
use crate::studio::state::Studio;

/// The takes of the job on the stage; nothing for a job of one take.
#[component]
pub fn Takes(entry: JobEntry) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let card = entry.card;
    let id = entry.id;
    let takes = Memo::new(move |_| {
        card.with(|c| {
            (c.body.takes() > 1).then(|| {
                c.takes()
                    .into_iter()
                    .map(|t| t.object_url.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        takes.get().map(|urls| {
            view! {
                <ul class="takes" aria-label="Takes">
                    {urls.into_iter().enumerate().map(|(index, url)| {
                        let n = index + 1;
                        view! {
                            <li aria-label=format!("Take {n}")>
                                <img src=url alt=move || format!("Take {n}: {}", card.with(words)) />
                                <button type="button" class="secondary"
                                    on:click=move |_| studio.download_take(id, index)>{format!("Download take {n}")}</button>
                                <button type="button" class="secondary"
                                    on:click=move |_| {
                                        studio.use_take_as_input(id, index);
                                        crate::platform::scroll::bring_into_view(crate::components::image_input::PANEL_ID);
                                    }>{format!("Use take {n} as input")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
