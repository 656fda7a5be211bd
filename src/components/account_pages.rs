//! A list read from the account page by page, with its loading state in words and its "Load
//! more" and "Close": shared by "Jobs from your account" and "Choose from your account".

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// The items read so far, where the next page starts, and what the list says now.
pub struct AccountPages<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    pub next: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    /// Why the last page did not come.
    pub error: RwSignal<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for AccountPages<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for AccountPages<T> {}

impl<T: Send + Sync + 'static> AccountPages<T> {
    /// Nothing read yet.
    pub fn new() -> Self {
        AccountPages {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Reads the first page again (`more: false`) or the next one, with `fetch`, which gets
    /// the token and answers the page's items and the next token.
    pub fn load<F, Fut>(self, more: bool, fetch: F)
    where
        F: FnOnce(Option<String>) -> Fut + 'static,
        Fut: Future<Output = Result<(Vec<T>, Option<String>), String>> + 'static,
    {
        if self.loading.get_untracked() {
            return;
        }
        let token = if more {
            self.next.get_untracked()
        } else {
            None
        };
        self.loading.set(true);
        self.error.set(None);
        spawn_local(async move {
            let answer = fetch(token).await;
            let _ = self.loading.try_set(false);
            match answer {
                Ok((items, next)) => {
                    self.items.try_update(|list| {
                        if !more {
                            list.clear();
                        }
                        list.extend(items);
                    });
                    let _ = self.next.try_set(next);
                }
                Err(message) => {
                    let _ = self.error.try_set(Some(message));
                }
            }
        });
    }

    /// What the list's status line says: loading, the error, or `summary` of the items.
    pub fn status(self, summary: impl Fn(usize) -> String) -> String {
        if self.loading.get() {
            "Loading from your account…".to_string()
        } else if let Some(error) = self.error.get() {
            error
        } else {
            summary(self.items.with(Vec::len))
        }
    }
}

impl<T: Send + Sync + 'static> Default for AccountPages<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// "Load more" (while a next page exists) and "Close", after a list's own buttons.
#[component]
pub fn MoreAndClose(
    /// Whether a next page exists.
    #[prop(into)]
    more: Signal<bool>,
    on_more: impl Fn() + Send + Sync + Copy + 'static,
    on_close: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    view! {
        <Show when=move || more.get()>
            <button type="button" class="secondary" on:click=move |_| on_more()>"Load more"</button>
        </Show>
        <button type="button" class="secondary" on:click=move |_| on_close()>"Close"</button>
    }
}
