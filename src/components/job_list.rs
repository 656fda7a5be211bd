//! The gallery: every job and set as a compact tile (thumbnail, pose in words, status and
//! time, the error if any), newest first; a press puts one on the stage. It stays the list
//! named "Jobs", one item per job or set.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::set_group::SetTile;
use crate::domain::jobs::JobCard;
use crate::platform::viewport::when_near_viewport;
use crate::studio::jobs::JobEntry;
use crate::studio::selection::Pick;
use crate::studio::state::Studio;
use crate::studio::thumbs::display_url;
use crate::util::math::Decimal;

/// A job's pose in words, with the angle from the original when it was chained, and its
/// prompt.
pub fn words(card: &JobCard) -> String {
    let mut text = card.body.describe();
    if card.base_rotation != 0 {
        // Chained: the only way past ±90°, so say where the camera now is.
        text.push_str(&format!(
            " · {} from the original",
            crate::domain::angle_set::rotation_words(card.total_rotation())
        ));
    }
    if !card.body.prompt().is_empty() {
        text.push_str(&format!(" · “{}”", card.body.prompt()));
    }
    text
}

/// Tiles rendered when the page opens (more than a tablet's first screen holds): a long
/// history costs its first screen, not all of its tiles.
const FIRST_ROWS: usize = 24;
/// Tiles added each time the end of the gallery comes within a screen of the viewport.
const MORE_ROWS: usize = 24;

/// Every job and set, newest first.
#[component]
pub fn JobList() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let shown = RwSignal::new(FIRST_ROWS);
    let show_more = move || {
        shown.try_update(|n| *n += MORE_ROWS);
    };
    let gallery = Memo::new(move |_| studio.gallery());
    let hidden = move || gallery.with(Vec::len).saturating_sub(shown.get());
    let on_stage = Memo::new(move |_| studio.on_stage());
    let more = NodeRef::<leptos::html::Button>::new();
    when_near_viewport(more, show_more);
    // "Clear history" asks first, in place.
    let confirming = RwSignal::new(false);
    let empty = move || gallery.with(Vec::is_empty);
    view! {
        <section class="panel jobs" aria-labelledby="jobs-title">
            <div class="row gallery-head">
                <h2 id="jobs-title">"Jobs"</h2>
                <crate::components::account_jobs::AccountJobs />
                <Show when=move || !empty()>
                    <Show when=move || !confirming.get()
                        fallback=move || view! {
                            <p class="hint" id="clear-question">"Remove every job and result from this device? Jobs still running on Scenario keep running."</p>
                            <button type="button" aria-describedby="clear-question"
                                on:click=move |_| { confirming.set(false); studio.clear_history(); }>"Yes, clear history"</button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep history"</button>
                        }>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(true)>"Clear history"</button>
                    </Show>
                </Show>
            </div>
            <p class="notice" role="status" aria-label="History status">{move || studio.kept.note().get()}</p>
            <Show when=empty>
                <p class="hint">"Results appear here. Generate as often as you like: jobs run side by side."</p>
            </Show>
            <ul role="list" aria-label="Jobs" class="job-list" on:click=move |ev| on_pick(studio, &ev)>
                <For each=move || gallery.with(|items| items.iter().take(shown.get()).copied().collect::<Vec<_>>())
                    key=|item| *item let:item>
                    {
                        let current = Signal::derive(move || on_stage.get() == Some(item));
                        match item {
                            Pick::Job(id) => studio.entry(id).map(|entry| view! { <JobTile entry=entry current=current /> }.into_any()),
                            Pick::Set(id) => studio.sets.find(id).map(|entry| view! { <SetTile entry=entry current=current /> }.into_any()),
                        }
                    }
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

/// A press on a tile (`data-pick` = `job-<id>` or `set-<id>`), for every tile at once: one
/// listener on the list instead of one per tile keeps a long gallery cheap to render.
fn on_pick(studio: Studio, event: &leptos::ev::MouseEvent) {
    let Some(key) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("[data-pick]").ok().flatten())
        .and_then(|button| button.get_attribute("data-pick"))
    else {
        return;
    };
    let pick = match key.split_once('-') {
        Some(("job", id)) => id.parse().ok().map(Pick::Job),
        Some(("set", id)) => id.parse().ok().map(Pick::Set),
        _ => None,
    };
    if let Some(pick) = pick {
        studio.selection.pick(pick);
        // On a narrow screen the stage is above the gallery: bring it back into view.
        crate::platform::scroll::bring_near("stage");
    }
}

/// One tile. Few reactive parts on purpose (a long history renders them all): one memo for
/// the description, one closure per line.
#[component]
fn JobTile(entry: JobEntry, current: Signal<bool>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let card = entry.card;
    let described = Memo::new(move |_| card.with(words));
    let running = Memo::new(move |_| card.with(JobCard::shows_progress));
    // The result once there is one, the input until then.
    let result = move || card.with(|c| c.result.as_ref().map(|r| r.object_url.clone()));
    let picture = move || result().unwrap_or_else(|| entry.thumbnail.with(|t| display_url(t)));
    view! {
        <li class="tile job-tile" aria-label=move || format!("Job: {}", described.get())>
            <button type="button" class="pick" data-pick=format!("job-{}", entry.id)
                aria-current=move || current.get().then_some("true")
                aria-label=move || format!("Show {}", described.get())>
                <img src=picture alt="" decoding="async" loading="lazy"
                    data-shows=move || if result().is_some() { "result" } else { "input" } />
            </button>
            <p class="words" title=move || described.get()>{move || described.get()}</p>
            <p class="status">{move || card.with(|c| c.status_line(|| studio.polls.now().get()))}</p>
            // Only while it runs: a finished tile needs no bar (setting a bar's value costs a
            // layout, which made a long history slow to render).
            {move || running.get().then(|| view! {
                <progress max="1" aria-label="Progress"
                    value=move || card.with(|c| Decimal(c.progress.unwrap_or(0.0)).to_string())></progress>
            })}
            {move || {
                let (error, hint, notice) =
                    card.with(|c| (c.error.clone(), c.hint.clone(), c.notice.clone()));
                view! {
                    {error.map(|e| view! { <p class="error" title=e.clone()>{e.clone()}</p> })}
                    {hint.map(|h| view! { <p class="hint">"Hint: " {h}</p> })}
                    {notice.map(|n| view! { <p class="notice">{n}</p> })}
                }
            }}
            {move || card.with(|c| c.not_kept.map(|n| n.words())).map(|words| view! { <p class="notice">{words}</p> })}
        </li>
    }
}
