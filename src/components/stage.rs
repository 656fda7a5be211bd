//! The stage: the selected result, large, where the eye is after Generate — with its actions,
//! its pose in words and its parameters; while it runs, its progress over the input. A press
//! on the picture opens the full-screen viewer. A set on the stage shows as its contact
//! sheet, turntable and compare view.

use leptos::prelude::*;

use crate::components::compare::Compare;
use crate::components::image_input::use_result_as_input;
use crate::components::job_list::words;
use crate::components::set_group::SetStage;
use crate::components::takes::Takes;
use crate::components::viewer::Viewer;
use crate::domain::jobs::{CardAction, JobCard};
use crate::studio::jobs::JobEntry;
use crate::studio::selection::Pick;
use crate::studio::state::Studio;
use crate::util::math::Decimal;

/// The stage panel.
#[component]
pub fn Stage() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let on_stage = Memo::new(move |_| studio.on_stage());
    // The job whose result the full-screen viewer shows, while it is open.
    let viewing = RwSignal::new(None::<u64>);
    view! {
        <section class="panel stage" id="stage" aria-labelledby="stage-title">
            <h2 id="stage-title" class="visually-hidden">"Stage"</h2>
            {move || match on_stage.get() {
                None => view! {
                    <p class="hint stage-empty">"Turn the camera and press Generate: the result shows here, large."</p>
                }.into_any(),
                Some(Pick::Job(id)) => studio.entry(id)
                    .map(|entry| view! { <StageJob entry=entry viewing=viewing /> }.into_any())
                    .unwrap_or_else(|| ().into_any()),
                Some(Pick::Set(id)) => studio.sets.find(id)
                    .map(|entry| view! { <SetStage entry=entry viewing=viewing /> }.into_any())
                    .unwrap_or_else(|| ().into_any()),
            }}
            <Viewer viewing=viewing />
        </section>
    }
}

/// How the stage shows a result.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Result,
    Compare,
}

/// One job on the stage.
#[component]
fn StageJob(entry: JobEntry, viewing: RwSignal<Option<u64>>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let card = entry.card;
    let id = entry.id;
    let described = Memo::new(move |_| card.with(words));
    let result = Memo::new(move |_| card.with(|c| c.result.as_ref().map(|r| r.object_url.clone())));
    let original = Signal::derive(move || studio.original_of(entry));
    let mode = RwSignal::new(Mode::Result);
    let mode_button = move |which: Mode, label: &'static str| {
        view! {
            <button type="button" class="secondary" aria-pressed=move || (mode.get() == which).to_string()
                on:click=move |_| mode.set(which)>{label}</button>
        }
    };
    let act = move |action: CardAction| match action {
        CardAction::StopWatching => studio.stop_watching(id),
        CardAction::ResumeWatching => studio.resume_watching(id),
        CardAction::Download => studio.download(id),
        CardAction::UseAsInput => use_result_as_input(studio, id),
        CardAction::Retry => studio.retry(id),
        CardAction::Remove => studio.remove(id),
    };
    view! {
        <div class="stage-job">
            {move || match (result.get(), mode.get()) {
                (Some(url), Mode::Result) => view! {
                    <div class="stage-frame">
                        <img class="stage-image" src=url alt=move || format!("Result: {}", described.get())
                            on:click=move |_| viewing.set(Some(id)) />
                        <button type="button" class="overlay-button" aria-label="Open full screen"
                            on:click=move |_| viewing.set(Some(id))>"⤢"</button>
                    </div>
                }.into_any(),
                (Some(url), Mode::Compare) => view! {
                    <Compare before=original after=Signal::derive(move || Some(url.clone()))
                        label=Signal::derive(move || described.get()) />
                }.into_any(),
                (None, _) => view! {
                    <div class="stage-frame waiting">
                        <img class="stage-image" src=move || original.get() alt="" />
                        {move || card.with(JobCard::shows_progress).then(|| view! {
                            <div class="stage-progress">
                                <progress max="1" aria-label="Job progress"
                                    value=move || card.with(|c| Decimal(c.progress.unwrap_or(0.0)).to_string())></progress>
                            </div>
                        })}
                    </div>
                }.into_any(),
            }}
            <div class="stage-info">
                <p class="params">{move || described.get()}</p>
                <p class="hint" role="note" aria-label="Model of this job">{move || card.with(|c| c.model().name())}</p>
                <p class="hint" role="note" aria-label="Made from">{move || studio.lineage_from(id)}</p>
                <p class="status" role="status" aria-label="Stage status">{move || card.with(|c| c.status_line(|| studio.polls.now().get()))}</p>
                {move || {
                    let (error, hint, notice) =
                        card.with(|c| (c.error.clone(), c.hint.clone(), c.notice.clone()));
                    view! {
                        {error.map(|e| view! { <p class="error">{e}</p> })}
                        {hint.map(|h| view! { <p class="hint">"Hint: " {h}</p> })}
                        {notice.map(|n| view! { <p class="notice">{n}</p> })}
                    }
                }}
                {move || card.with(|c| c.not_kept.map(|n| n.words())).map(|words| view! {
                    <p class="notice" role="note" aria-label="Kept on this device">{words}</p>
                })}
                <Takes entry=entry />
                <Show when=move || result.get().is_some()>
                    <div class="row" role="group" aria-label="View">
                        {mode_button(Mode::Result, "Result")}
                        {mode_button(Mode::Compare, "Compare")}
                    </div>
                </Show>
                <div class="row actions">
                    {move || card.with(JobCard::actions).into_iter().map(|action| view! {
                        <button type="button" on:click=move |_| act(action)>{action.label()}</button>
                    }).collect_view()}
                    <button type="button" class="secondary" on:click=move |_| act(CardAction::Remove)>{CardAction::Remove.label()}</button>
                    <crate::components::lineage::Lineage tree=Signal::derive(move || studio.lineage_of_result(id)) />
                </div>
                <details class="more">
                    <summary>"Parameters"</summary>
                    <dl class="parameters" aria-label="Parameters">
                        {move || card.with(|c| c.body.parameters()).into_iter().map(|(name, value)| view! {
                            <div><dt>{name}</dt><dd>{value}</dd></div>
                        }).collect_view()}
                    </dl>
                </details>
            </div>
        </div>
    }
}
