//! "Jobs from your account": the account's multi-angle jobs this device does not hold (made
//! on another device or in Scenario's web app), newest first and page by page; the artist
//! adds some or all, and they join the gallery like any other job.

use leptos::prelude::*;

use crate::components::account_pages::{AccountPages, MoreAndClose};
use crate::domain::account::AccountJob;
use crate::studio::state::Studio;

/// The button that opens the list, and the list.
#[component]
pub fn AccountJobs() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let open = RwSignal::new(false);
    let pages = AccountPages::<AccountJob>::new();
    // Ticked job ids.
    let ticked = RwSignal::new(Vec::<String>::new());
    let added = RwSignal::new(None::<String>);
    let load = move |more: bool| {
        pages.load(more, move |token| async move {
            studio
                .account_jobs_page(token)
                .await
                .map(|page| (page.jobs, page.next))
        })
    };
    let add = move |only_ticked: bool| {
        let chosen: Vec<AccountJob> = pages.items.with_untracked(|jobs| {
            jobs.iter()
                .filter(|j| !only_ticked || ticked.with_untracked(|t| t.contains(&j.job.job_id)))
                .cloned()
                .collect()
        });
        if chosen.is_empty() {
            added.set(Some("Tick the jobs to add first.".into()));
            return;
        }
        let ids: Vec<String> = chosen.iter().map(|j| j.job.job_id.clone()).collect();
        let count = chosen.len();
        studio.add_account_jobs(chosen);
        pages
            .items
            .update(|jobs| jobs.retain(|j| !ids.contains(&j.job.job_id)));
        ticked.update(|t| t.retain(|id| !ids.contains(id)));
        added.set(Some(format!(
            "Added {count} job{} to the history.",
            if count == 1 { "" } else { "s" }
        )));
    };
    let toggle = move || {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening {
            added.set(None);
            load(false);
        }
    };
    view! {
        <button type="button" class="secondary" aria-expanded=move || open.get().to_string()
            aria-controls="account-jobs" on:click=move |_| toggle()>"Jobs from your account"</button>
        <Show when=move || open.get()>
            <section class="account-list" id="account-jobs" aria-label="Jobs from your account">
                <p role="status" aria-label="Account jobs status">
                    {move || added.get().unwrap_or_else(|| pages.status(|n| match n {
                        0 if pages.next.with(Option::is_some) => "None among your newest jobs: Load more looks further back.".to_string(),
                        0 => "No multi-angle jobs on your account that this device does not already hold.".to_string(),
                        n => format!("{n} multi-angle job{} on your account not on this device.", if n == 1 { "" } else { "s" }),
                    }))}
                </p>
                <ul role="list" aria-label="Account jobs">
                    <For each=move || pages.items.get() key=|job| job.job.job_id.clone() let:job>
                        {
                            let id = job.job.job_id.clone();
                            let checked_id = id.clone();
                            view! {
                                <li>
                                    <label>
                                        <input type="checkbox"
                                            prop:checked=move || ticked.with(|t| t.contains(&checked_id))
                                            on:change=move |_| ticked.update(|t| {
                                                if let Some(at) = t.iter().position(|x| *x == id) { t.remove(at); } else { t.push(id.clone()); }
                                            }) />
                                        {job.label()}
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <div class="row">
                    <button type="button" on:click=move |_| add(true)>"Add selected"</button>
                    <button type="button" class="secondary" on:click=move |_| add(false)>"Add all"</button>
                    <MoreAndClose more=Signal::derive(move || pages.next.with(Option::is_some))
                        on_more=move || load(true) on_close=move || open.set(false) />
                </div>
            </section>
        </Show>
    }
}
