//! One angle set: its tile in the gallery, and on the stage the progress of the whole set,
//! the contact sheet in angle order (the original in its place), failed cells retried one by
//! one, the turntable, a compare view of the original against the selected frame, and the
//! ZIP export.

use leptos::prelude::*;

use crate::components::compare::Compare;
use crate::components::turntable::Turntable;
use crate::domain::angle_set::{SetKind, rotation_words};
use crate::domain::jobs::JobCard;
use crate::domain::sprite_sheet::Grid;
use crate::studio::set_list::SetEntry;
use crate::studio::sets::Frame;
use crate::studio::state::Studio;

/// A set's gallery tile: a few of its views, its name and progress; a press puts it on the
/// stage (handled once for the whole gallery, by `data-pick`).
#[component]
pub fn SetTile(entry: SetEntry, current: Signal<bool>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let set = entry.set;
    let frames = Signal::derive(move || set.with(|s| studio.set_frames(s)));
    let progress = Signal::derive(move || set.with(|s| studio.set_progress(s)));
    let name = move || set.with(|s| format!("Angle set: {}", s.input_name));
    view! {
        <li class="tile set-tile" aria-label=name>
            <button type="button" class="pick" data-pick=format!("set-{}", entry.id)
                aria-current=move || current.get().then_some("true")
                aria-label=move || format!("Show {}", name())>
                <span class="strip">
                    {move || frames.with(|f| f.iter().filter_map(|f| f.url.clone()).take(4)
                        .map(|url| view! { <img src=url alt="" decoding="async" /> }).collect_view())}
                </span>
            </button>
            <p class="words">{name}</p>
            <p class="status">{move || progress.get().text()}</p>
        </li>
    }
}

/// A set on the stage, as a group of cells.
#[component]
pub fn SetStage(entry: SetEntry, viewing: RwSignal<Option<u64>>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let set = entry.set;
    let set_id = entry.id;
    let frames = Signal::derive(move || set.with(|s| studio.set_frames(s)));
    let progress = Signal::derive(move || set.with(|s| studio.set_progress(s)));
    // Start on the original.
    let index = RwSignal::new(
        frames.with_untracked(|f| f.iter().position(|f| f.job.is_none()).unwrap_or(0)),
    );
    let current = Signal::derive(move || frames.with(|f| f.get(index.get()).cloned()));
    let title = move || {
        set.with(|s| {
            let mut title = match s.kind {
                SetKind::Angles => format!("Angle set · {}", s.input_name),
                SetKind::Turnaround { seed } => {
                    format!("Turnaround · {} · seed {seed}", s.input_name)
                }
            };
            if s.base_rotation != 0 {
                title.push_str(&format!(
                    " (input at {} from the original)",
                    rotation_words(s.base_rotation)
                ));
            }
            title
        })
    };
    view! {
        <article class="set-group" aria-label=move || set.with(|s| format!("Angle set: {}", s.input_name))>
            <p class="params">{title}</p>
            <p class="status" role="status" aria-label="Set progress">{move || progress.get().text()}</p>
            <progress aria-label="Set progress bar" max=move || progress.get().total.max(1)
                value=move || progress.get().done></progress>
            <ol class="contact-sheet" aria-label="Contact sheet">
                {move || frames.get().into_iter().enumerate().map(|(i, frame)| view! {
                    <SheetCell frame=frame set_id=set_id selected=Signal::derive(move || index.get() == i)
                        on_pick=move || index.set(i) />
                }).collect_view()}
            </ol>
            <Turntable frames=frames selected=index
                round=Signal::derive(move || set.with(|s| matches!(s.kind, SetKind::Turnaround { .. }))) />
            <Compare
                before=Signal::derive(move || set.with(|s| s.original_url.clone()))
                after=Signal::derive(move || current.get().and_then(|f| f.url))
                label=Signal::derive(move || current.get().map(|f| f.label).unwrap_or_default()) />
            <div class="row actions">
                <button type="button" class="secondary"
                    disabled=move || current.get().is_none_or(|f| f.job.is_none() || f.url.is_none())
                    on:click=move |_| viewing.set(current.get_untracked().and_then(|f| f.job))>"Open full screen"</button>
                <button type="button" disabled=move || progress.get().done == 0
                    on:click=move |_| studio.export_set(set_id)>"Download set (ZIP)"</button>
                <button type="button" class="secondary" on:click=move |_| studio.remove_set(set_id)>"Remove set"</button>
                <crate::components::lineage::Lineage tree=Signal::derive(move || studio.lineage_of_set(set_id)) />
            </div>
            <crate::components::spin_controls::SpinControls set_id=set_id
                packing=Signal::derive(move || set.with(|s| s.packing.clone())) />
            <div class="row actions">
            </div>
            <div class="row actions">
                <label for=format!("sheet-grid-{set_id}")>"Sheet layout"</label>
                <select id=format!("sheet-grid-{set_id}")
                    on:change=move |ev| {
                        if let Some(grid) = Grid::from_label(&event_target_value(&ev)) { set.update(|s| s.sheet_grid = grid) }
                    }>
                    {Grid::ALL.into_iter().map(|grid| view! {
                        <option value=grid.label() selected=move || set.with(|s| s.sheet_grid == grid)>{grid.label()}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="secondary" disabled=move || progress.get().done == 0
                    aria-describedby=format!("sheet-reason-{set_id}")
                    on:click=move |_| studio.download_sprite_sheet(set_id, set.with_untracked(|s| s.sheet_grid))>"Download sprite sheet"</button>
                <span class="hint" id=format!("sheet-reason-{set_id}")>{move || (progress.get().done == 0).then_some("No frame has finished yet.")}</span>
            </div>
            <p class="notice" role="status" aria-label="ZIP status">{move || set.with(|s| s.packing.clone())}</p>
        </article>
    }
}

/// One cell: the image (or the job's status), its angle, Download and Use as input when it
/// has a result, and Retry when it failed. The turntable's frame is marked (`aria-current`).
#[component]
fn SheetCell(
    frame: Frame,
    set_id: u64,
    selected: Signal<bool>,
    on_pick: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let entry = frame.job.and_then(|id| studio.entry(id));
    let status = move || entry.map(|e| e.card.with(JobCard::status_text));
    let failed = move || entry.is_some_and(|e| e.card.with(JobCard::can_retry));
    let error = move || entry.and_then(|e| e.card.with(|c| c.error.clone().or(c.notice.clone())));
    let label = frame.label.clone();
    let retry_label = format!("Retry {label}");
    let has_result = move || entry.is_some_and(|e| e.card.with(|c| c.result.is_some()));
    let (download_label, reuse_label) =
        (format!("Download {label}"), format!("Use {label} as input"));
    view! {
        <li class="cell" class:failed=failed aria-label=label.clone()
            aria-current=move || selected.get().then_some("true")>
            {match frame.url.clone() {
                Some(url) => view! {
                    <button type="button" class="pick" aria-label=format!("Show {label}") on:click=move |_| on_pick()>
                        <img src=url alt="" />
                    </button>
                }.into_any(),
                None => view! { <div class="pending">{status}</div> }.into_any(),
            }}
            <span class="cell-label">{frame.label.clone()}</span>
            <Show when=has_result>
                <div class="row cell-actions">
                    <button type="button" class="secondary" aria-label=download_label.clone()
                        on:click=move |_| { if let Some(e) = entry { studio.download(e.id) } }>"Download"</button>
                    <button type="button" class="secondary" aria-label=reuse_label.clone()
                        on:click=move |_| {
                            if let Some(e) = entry {
                                crate::components::image_input::use_result_as_input(studio, e.id);
                            }
                        }>"Use as input"</button>
                </div>
            </Show>
            <Show when=failed>
                <span class="error">{error}</span>
                <button type="button" aria-label=retry_label.clone()
                    on:click=move |_| { if let Some(e) = entry { studio.retry_cell(set_id, e.id) } }>"Retry"</button>
            </Show>
        </li>
    }
}
