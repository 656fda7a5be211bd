//! Settings: API base URL, key and secret, "Remember on this device", "Test connection",
//! "Forget key".

use leptos::prelude::*;

use crate::studio::state::Studio;

/// Where the artist tells Angleshot how to reach Scenario, and checks that it can.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let settings = studio.settings;
    let report = settings.report();
    let testing = settings.testing();
    view! {
        <section class="panel settings" aria-labelledby="settings-title">
            <h2 id="settings-title">"Settings"</h2>
            <label for="api-base">"API base URL"</label>
            <input id="api-base" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                prop:value=settings.base_url()
                on:input=move |ev| settings.set_base_url(event_target_value(&ev))
                on:change=move |_| settings.save() />
            <p class="error" role="alert" aria-label="API base warning">
                {move || settings.base_url().with(|b| crate::api::request::insecure_base_warning(b.trim()).map(|w| format!("Warning: {w}")))}
            </p>
            <label for="api-key">"API key"</label>
            <input id="api-key" type="password" autocomplete="off"
                prop:value=settings.api_key()
                on:input=move |ev| settings.set_api_key(event_target_value(&ev))
                on:change=move |_| settings.save() />
            <label for="api-secret">"API secret"</label>
            <input id="api-secret" type="password" autocomplete="off"
                prop:value=settings.api_secret()
                on:input=move |ev| settings.set_api_secret(event_target_value(&ev))
                on:change=move |_| settings.save() />
            <div class="check">
                <input id="remember" type="checkbox"
                    prop:checked=settings.remember()
                    on:change=move |ev| settings.set_remember(event_target_checked(&ev)) />
                <label for="remember">"Remember on this device"</label>
            </div>
            <div class="row">
                <button type="button" on:click=move |_| studio.test_connection() disabled=testing>
                    "Test connection"
                </button>
                <button type="button" class="secondary" on:click=move |_| settings.forget_key()>"Forget key"</button>
            </div>
            <p class="hint" role="status" aria-label="Storage on this device">
                {move || studio.kept.durability().get()}
            </p>
            <crate::components::free_space::FreeSpace />
            <crate::components::backup::Backup />
            <p class="connection-report" role="status" aria-live="polite" aria-label="Connection status"
                class:ok=move || report.get().is_some_and(|r| r.0)
                class:error=move || report.get().is_some_and(|r| !r.0)>
                {move || if testing.get() {
                    "Testing…".to_string()
                } else {
                    report.get().map(|r| r.1).unwrap_or_default()
                }}
            </p>
        </section>
    }
}
