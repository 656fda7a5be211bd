//! The job list: one card per job with its status, progress, time, errors, result and actions.

use leptos::prelude::*;

use crate::components::set_group::SetGroup;
use crate::domain::camera::Camera;
use crate::domain::jobs::{JobCard, Phase};
use crate::studio::sets::SetEntry;
use crate::studio::state::{JobEntry, Studio};

fn words(card: &JobCard) -> String {
    let camera = Camera {
        rotate: card.body.rotate_degrees,
        forward: card.body.move_forward,
        tilt: card.body.vertical_tilt,
        wide_angle: card.body.use_wide_angle,
        ..Camera::default()
    };
    let mut text = camera.describe();
    if card.base_rotation != 0 {
        // Chained: the only way past ±90°, so say where the camera now is.
        text.push_str(&format!(
            " · {} from the original",
            crate::domain::angle_set::rotation_words(card.total_rotation())
        ));
    }
    if !card.body.prompt.is_empty() {
        text.push_str(&format!(" · “{}”", card.body.prompt));
    }
    text
}

/// A row of the list: a single job or a whole set.
#[derive(Clone, Copy)]
enum ListItem {
    Job(JobEntry),
    Set(SetEntry),
}

impl ListItem {
    fn key(&self) -> (bool, u64) {
        match self {
            ListItem::Job(e) => (false, e.id),
            ListItem::Set(e) => (true, e.id),
        }
    }
}

/// Single jobs and sets, newest first (ids grow with time); a set's jobs show inside it.
fn items(studio: Studio) -> Vec<ListItem> {
    let mut items: Vec<ListItem> = studio.jobs.with(|jobs| {
        jobs.iter()
            .filter(|e| e.set.is_none())
            .map(|e| ListItem::Job(*e))
            .collect()
    });
    studio
        .sets
        .with(|sets| items.extend(sets.iter().map(|s| ListItem::Set(*s))));
    items.sort_by_key(|item| std::cmp::Reverse(item.key().1));
    items
}

/// Every job, newest first.
#[component]
pub fn JobList() -> impl IntoView {
    let studio = expect_context::<Studio>();
    // "Clear history" asks first, in place.
    let confirming = RwSignal::new(false);
    view! {
        <section class="panel jobs" aria-labelledby="jobs-title">
            <h2 id="jobs-title">"Jobs"</h2>
            <p class="notice" role="status" aria-label="History status">{move || studio.history_note.get()}</p>
            <Show when=move || !(studio.jobs.with(Vec::is_empty) && studio.sets.with(Vec::is_empty))>
                <div class="row">
                    <Show when=move || !confirming.get()
                        fallback=move || view! {
                            <p class="hint" id="clear-question">"Remove every job and result from this device? Jobs still running on Scenario keep running."</p>
                            <button type="button" aria-describedby="clear-question"
                                on:click=move |_| { confirming.set(false); studio.clear_history(); }>"Yes, clear history"</button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep history"</button>
                        }>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(true)>"Clear history"</button>
                    </Show>
                </div>
            </Show>
            <Show when=move || studio.jobs.with(Vec::is_empty) && studio.sets.with(Vec::is_empty)>
                <p class="hint">"Results appear here. Generate as often as you like: jobs run side by side."</p>
            </Show>
            <ul role="list" aria-label="Jobs" class="job-list">
                <For each=move || items(studio) key=ListItem::key let:item>
                    {match item {
                        ListItem::Job(entry) => view! { <JobCardView entry=entry /> }.into_any(),
                        ListItem::Set(entry) => view! { <SetGroup entry=entry /> }.into_any(),
                    }}
                </For>
            </ul>
        </section>
    }
}

#[component]
fn JobCardView(entry: JobEntry) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let card = entry.card;
    let id = entry.id;
    let label = move || card.with(|c| format!("Job: {}", words(c)));
    view! {
        <li class="job-card" aria-label=label>
            <img class="thumb" src=move || entry.thumbnail.get() alt="" />
            <div class="job-body">
                <p class="params">{move || card.with(words)}</p>
                <p class="status">
                    <span class="status-text">{move || card.with(JobCard::status_text)}</span>
                    " · "
                    <span class="elapsed">{move || card.with(|c| c.elapsed_secs(studio.now.get()))} " s"</span>
                    {move || card.with(|c| c.job_id.clone()).map(|id| view! { <span class="job-id">" · " {id}</span> })}
                </p>
                <progress max="1" aria-label="Progress"
                    value=move || card.with(|c| c.progress.unwrap_or(0.0))></progress>
                {move || card.with(|c| c.error.clone()).map(|e| view! { <p class="error">{e}</p> })}
                {move || card.with(|c| c.hint.clone()).map(|h| view! { <p class="hint">"Hint: " {h}</p> })}
                {move || card.with(|c| c.notice.clone()).map(|n| view! { <p class="notice">{n}</p> })}
                {move || card.with(|c| c.result.clone()).map(|r| view! {
                    <img class="result" src=r.object_url alt=move || card.with(|c| format!("Result: {}", words(c))) />
                })}
                <div class="row actions">
                    <Show when=move || card.with(|c| c.phase == Phase::Running)>
                        <button type="button" on:click=move |_| studio.stop_watching(id)>"Stop watching"</button>
                    </Show>
                    <Show when=move || card.with(|c| c.result.is_some())>
                        <button type="button" on:click=move |_| studio.download(id)>"Download"</button>
                        <button type="button" on:click=move |_| studio.use_as_input(id)>"Use as input"</button>
                    </Show>
                    <Show when=move || card.with(JobCard::can_retry)>
                        <button type="button" on:click=move |_| studio.retry(id)>"Retry"</button>
                    </Show>
                    <button type="button" class="secondary" on:click=move |_| studio.remove(id)>"Remove"</button>
                </div>
            </div>
        </li>
    }
}
