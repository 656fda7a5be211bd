//! Settings: API base URL, key and secret, and "Test connection".

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, request::ApiConfig, request::DEFAULT_BASE_URL};
use crate::domain::connection::ConnectionReport;
use crate::studio::storage;

/// Where the artist tells Angleshot how to reach Scenario, and checks that it can.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let base_url = RwSignal::new(
        storage::load_local(storage::API_BASE_KEY).unwrap_or_else(|| DEFAULT_BASE_URL.to_string()),
    );
    let api_key = RwSignal::new(String::new());
    let api_secret = RwSignal::new(String::new());
    let testing = RwSignal::new(false);
    let report = RwSignal::new(None::<ConnectionReport>);

    let test_connection = move |_| {
        let config = ApiConfig::new(&base_url.get(), &api_key.get(), &api_secret.get());
        storage::save_local(storage::API_BASE_KEY, config.base_url.trim());
        testing.set(true);
        report.set(None);
        spawn_local(async move {
            let result = api::get_model(&config).await;
            report.set(Some(ConnectionReport::from_result(&result)));
            testing.set(false);
        });
    };

    view! {
        <section class="panel settings" aria-labelledby="settings-title">
            <h2 id="settings-title">"Settings"</h2>
            <label for="api-base">"API base URL"</label>
            <input id="api-base" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                prop:value=move || base_url.get()
                on:input=move |ev| base_url.set(event_target_value(&ev)) />
            <label for="api-key">"API key"</label>
            <input id="api-key" type="password" autocomplete="off"
                prop:value=move || api_key.get()
                on:input=move |ev| api_key.set(event_target_value(&ev)) />
            <label for="api-secret">"API secret"</label>
            <input id="api-secret" type="password" autocomplete="off"
                prop:value=move || api_secret.get()
                on:input=move |ev| api_secret.set(event_target_value(&ev)) />
            <button type="button" on:click=test_connection disabled=move || testing.get()>
                "Test connection"
            </button>
            <p class="connection-report" role="status" aria-live="polite" aria-label="Connection status"
                class:ok=move || report.get().is_some_and(|r| r.ok)
                class:error=move || report.get().is_some_and(|r| !r.ok)>
                {move || match (testing.get(), report.get()) {
                    (true, _) => "Testing…".to_string(),
                    (false, Some(r)) => r.text,
                    (false, None) => String::new(),
                }}
            </p>
        </section>
    }
}
