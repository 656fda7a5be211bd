//! The job list: one card per job with its status, progress, time, errors, result and actions.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::set_group::SetGroup;
use crate::domain::jobs::{CardAction, JobCard};
use crate::platform::viewport::when_near_viewport;
use crate::studio::jobs::JobEntry;
use crate::studio::set_list::SetEntry;
use crate::studio::state::Studio;
use crate::studio::thumbs::display_url;
use crate::util::math::Decimal;

fn words(card: &JobCard) -> String {
    let mut text = crate::domain::profile::multiangle::describe_body(&card.body);
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
    let mut items: Vec<ListItem> = studio.jobs.list().with(|jobs| {
        jobs.iter()
            .filter(|e| e.set.is_none())
            .map(|e| ListItem::Job(*e))
            .collect()
    });
    studio
        .sets
        .list()
        .with(|sets| items.extend(sets.iter().map(|s| ListItem::Set(*s))));
    crate::util::order::sort_by_rank(&mut items, |item| -i128::from(item.key().1));
    items
}

/// Rows rendered when the page opens (more than a tablet's first screen holds): a long
/// history costs its first screen, not all of its cards.
const FIRST_ROWS: usize = 10;
/// Rows added each time the end of the list comes within a screen of the viewport.
const MORE_ROWS: usize = 20;

/// Every job, newest first.
#[component]
pub fn JobList() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let shown = RwSignal::new(FIRST_ROWS);
    let show_more = move || {
        shown.try_update(|n| *n += MORE_ROWS);
    };
    let hidden = move || {
        let rows = studio
            .jobs
            .list()
            .with(|jobs| jobs.iter().filter(|e| e.set.is_none()).count())
            + studio.sets.list().with(Vec::len);
        rows.saturating_sub(shown.get())
    };
    let more = NodeRef::<leptos::html::Button>::new();
    when_near_viewport(more, show_more);
    // "Clear history" asks first, in place.
    let confirming = RwSignal::new(false);
    view! {
        <section class="panel jobs" aria-labelledby="jobs-title">
            <h2 id="jobs-title">"Jobs"</h2>
            <p class="notice" role="status" aria-label="History status">{move || studio.kept.note().get()}</p>
            <Show when=move || !(studio.jobs.list().with(Vec::is_empty) && studio.sets.list().with(Vec::is_empty))>
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
            <Show when=move || studio.jobs.list().with(Vec::is_empty) && studio.sets.list().with(Vec::is_empty)>
                <p class="hint">"Results appear here. Generate as often as you like: jobs run side by side."</p>
            </Show>
            <ul role="list" aria-label="Jobs" class="job-list" on:click=move |ev| on_card_action(studio, &ev)>
                <For each=move || { let mut rows = items(studio); rows.truncate(shown.get()); rows }
                    key=ListItem::key let:item>
                    {match item {
                        ListItem::Job(entry) => view! { <JobCardView entry=entry /> }.into_any(),
                        ListItem::Set(entry) => view! { <SetGroup entry=entry /> }.into_any(),
                    }}
                </For>
            </ul>
            <Show when=move || { hidden() > 0 }>
                <div class="row more">
                    <button type="button" class="secondary" node_ref=more on:click=move |_| show_more()>
                        {move || format!("Show older jobs ({})", hidden())}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// A click on a card's action button (`data-action`, `data-card`), for every card at once:
/// one listener on the list instead of one per button keeps a long list cheap to render.
fn on_card_action(studio: Studio, event: &leptos::ev::MouseEvent) {
    let Some(button) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("button[data-action]").ok().flatten())
    else {
        return;
    };
    let Some(id) = button
        .get_attribute("data-card")
        .and_then(|id| id.parse::<u64>().ok())
    else {
        return;
    };
    let action = button
        .get_attribute("data-action")
        .and_then(|key| CardAction::from_key(&key));
    match action {
        Some(CardAction::StopWatching) => studio.stop_watching(id),
        Some(CardAction::ResumeWatching) => studio.resume_watching(id),
        Some(CardAction::Download) => studio.download(id),
        Some(CardAction::UseAsInput) => {
            studio.use_as_input(id);
            // Where the new input now shows: in view, so the change is seen.
            crate::platform::scroll::bring_into_view("input-panel");
        }
        Some(CardAction::Retry) => studio.retry(id),
        Some(CardAction::Remove) => studio.remove(id),
        None => {}
    }
}

/// One card. Few reactive parts on purpose (a long history renders them all): one memo for
/// the description, one closure per line, one for the buttons.
#[component]
fn JobCardView(entry: JobEntry) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let card = entry.card;
    let id = entry.id;
    let described = Memo::new(move |_| card.with(words));
    let running = Memo::new(move |_| card.with(JobCard::shows_progress));
    view! {
        <li class="job-card" aria-label=move || format!("Job: {}", described.get())>
            <img class="thumb" src=move || entry.thumbnail.with(|t| display_url(t)) alt="" decoding="async" />
            <div class="job-body">
                <p class="params">{move || described.get()}</p>
                <p class="status">{move || card.with(|c| c.status_line(|| studio.polls.now().get()))}</p>
                // Only while it runs: a finished card needs no bar (setting a bar's value
                // costs a layout, which made a long history slow to render).
                {move || running.get().then(|| view! {
                    <progress max="1" aria-label="Progress"
                        value=move || card.with(|c| Decimal(c.progress.unwrap_or(0.0)).to_string())></progress>
                })}
                {move || {
                    let (error, hint, notice) =
                        card.with(|c| (c.error.clone(), c.hint.clone(), c.notice.clone()));
                    view! {
                        {error.map(|e| view! { <p class="error">{e}</p> })}
                        {hint.map(|h| view! { <p class="hint">"Hint: " {h}</p> })}
                        {notice.map(|n| view! { <p class="notice">{n}</p> })}
                    }
                }}
                {move || card.with(|c| c.result.as_ref().map(|r| r.object_url.clone())).map(|url| view! {
                    <img class="result" src=url loading="lazy" decoding="async" alt=move || format!("Result: {}", described.get()) />
                })}
                // Handled once for the whole list (`on_card_action`): no handler per card.
                <div class="row actions">
                    {move || card.with(JobCard::actions).into_iter().map(|action| view! {
                        <button type="button" data-action=action.key() data-card=id>{action.label()}</button>
                    }).collect_view()}
                    <button type="button" class="secondary" data-action=CardAction::Remove.key() data-card=id>{CardAction::Remove.label()}</button>
                </div>
            </div>
        </li>
    }
}
