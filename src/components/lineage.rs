//! "Lineage": a tree of which result came from which — the original at the root, each
//! chained edit below its parent, the total angle at each node; a node's button puts that
//! result on the stage.

use leptos::prelude::*;

use crate::domain::angle_set::rotation_words;
use crate::domain::lineage::TreeNode;
use crate::studio::selection::Pick;
use crate::studio::state::Studio;

/// A "Lineage" toggle and, while open, the tree `tree` gives.
#[component]
pub fn Lineage(#[prop(into)] tree: Signal<Option<TreeNode>>) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="secondary" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>"Lineage"</button>
        <Show when=move || open.get()>
            {move || tree.get().map(|root| view! {
                <ul role="tree" aria-label="Lineage" class="lineage">{node(root)}</ul>
            })}
        </Show>
    }
}

fn node(tree: TreeNode) -> AnyView {
    let studio = expect_context::<Studio>();
    let angle = rotation_words(tree.total_angle);
    let children = tree.children;
    let label = tree.label;
    let head = match tree.local_id {
        Some(id) => view! {
            <button type="button" class="node" aria-label=format!("Show on stage: {label}")
                on:click=move |_| studio.selection.pick(Pick::Job(id))>{label.clone()}</button>
        }
        .into_any(),
        None => view! { <span class="node">{label}</span> }.into_any(),
    };
    let has_children = !children.is_empty();
    view! {
        <li role="treeitem" aria-expanded=has_children.then_some("true")>
            {head}
            <span class="hint">" " {angle}</span>
            {has_children.then(|| view! {
                <ul role="group">{children.into_iter().map(node).collect_view()}</ul>
            })}
        </li>
    }
    .into_any()
}
