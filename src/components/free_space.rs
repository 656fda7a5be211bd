//! "Free up space" in Settings: asks first, in place, then drops the stored images of the
//! oldest results (they are fetched again from the account when needed).

use leptos::prelude::*;

use crate::domain::durability::free_question;
use crate::studio::state::Studio;

/// The button and its question.
#[component]
pub fn FreeSpace() -> impl IntoView {
    let studio = expect_context::<Studio>();
    // How many results the question is about; `None` while not asking.
    let asking = RwSignal::new(None::<usize>);
    let ask = move |_| {
        let count = studio.results_to_free().len();
        if count == 0 {
            studio
                .kept
                .say(Some("No stored images to free on this device.".into()));
        } else {
            asking.set(Some(count));
        }
    };
    view! {
        <Show when=move || asking.get().is_some()
            fallback=move || view! {
                <button type="button" class="secondary" on:click=ask>"Free up space"</button>
            }>
            <p class="hint" id="free-question">{move || asking.get().map(free_question)}</p>
            <div class="row">
                <button type="button" aria-describedby="free-question"
                    on:click=move |_| { asking.set(None); studio.free_up_space(); }>"Yes, free up space"</button>
                <button type="button" class="secondary" on:click=move |_| asking.set(None)>"Keep them"</button>
            </div>
        </Show>
    }
}
