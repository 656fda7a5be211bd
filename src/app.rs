//! The page: builds state, lays out the studio.

use leptos::prelude::*;

use crate::components::connection::ConnectionPanel;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="app-header">
            <h1>"Angleshot"</h1>
            <p class="tagline">"One picture, every camera angle."</p>
        </header>
        <main class="studio">
            <ConnectionPanel />
        </main>
    }
}
