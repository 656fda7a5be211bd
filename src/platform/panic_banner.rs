//! When the app panics anyway, say so: a banner "Something broke — reload" with the message,
//! built with plain DOM calls (the reactive system may be the part that broke), instead of a
//! page that silently stops answering.
//!
//! ```no_run
//! angleshot::platform::panic_banner::install(); // once, first thing in main
//! ```

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Chains the banner after the console hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Puts the banner at the top of the page (once), with `message` and a Reload button.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("panic-banner").is_some() {
        return;
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("panic-banner");
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let parts = [
        ("strong", "Something broke — reload the page."),
        (
            "p",
            "Finished results you downloaded are safe; jobs still running on Scenario keep running.",
        ),
        ("pre", message),
    ];
    for (tag, text) in parts {
        if let Ok(el) = document.create_element(tag) {
            // Text, never HTML: the message may quote anything.
            el.set_text_content(Some(text));
            let _ = banner.append_child(&el);
        }
    }
    if let Ok(button) = document.create_element("button") {
        let _ = button.set_attribute("type", "button");
        button.set_text_content(Some("Reload"));
        let reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = banner.append_child(&button);
    }
    let _ = body.insert_before(&banner, body.first_child().as_ref());
}
