//! "Choose from your account", next to the file picker: the account's images page by page,
//! each shown by its thumbnail; the one picked becomes the input by its asset id, with no
//! upload.

use leptos::prelude::*;

use crate::components::account_pages::{AccountPages, MoreAndClose};
use crate::domain::account::AccountImage;
use crate::studio::state::Studio;

/// The button that opens the picker, and the picker.
#[component]
pub fn AccountImages() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let open = RwSignal::new(false);
    let pages = AccountPages::<AccountImage>::new();
    let load = move |more: bool| {
        pages.load(more, move |token| async move {
            studio
                .account_images_page(token)
                .await
                .map(|page| (page.images, page.next))
        })
    };
    let toggle = move || {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening {
            load(false);
        }
    };
    let pick = move |image: AccountImage| {
        open.set(false);
        studio.use_account_image(image);
    };
    view! {
        <button type="button" class="secondary" aria-expanded=move || open.get().to_string()
            aria-controls="account-images" on:click=move |_| toggle()>"Choose from your account"</button>
        <Show when=move || open.get()>
            <section class="account-list" id="account-images" aria-label="Images from your account">
                <p role="status" aria-label="Account images status">
                    {move || pages.status(|n| match n {
                        0 => "No images on your account yet.".to_string(),
                        n => format!("{n} image{} on your account: pick one to start from.", if n == 1 { "" } else { "s" }),
                    })}
                </p>
                <ul role="list" aria-label="Account images" class="account-images">
                    <For each=move || pages.items.get() key=|image| image.asset_id.clone() let:image>
                        {
                            let label = format!("Use {} as input", image.name);
                            let name = image.name.clone();
                            let src = image.thumbnail_url.clone();
                            view! {
                                <li>
                                    <button type="button" class="account-image" aria-label=label
                                        on:click=move |_| pick(image.clone())>
                                        <img src=src alt="" loading="lazy" decoding="async" />
                                        <span>{name}</span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <div class="row">
                    <MoreAndClose more=Signal::derive(move || pages.next.with(Option::is_some))
                        on_more=move || load(true) on_close=move || open.set(false) />
                </div>
            </section>
        </Show>
    }
}
