//! The first screen, painted before the wasm has loaded: `index.html` holds a static copy of
//! what the app mounts first (header, image panel, gizmo, presets, Generate and its reason),
//! `inert` (but for its image input, below) until the app replaces it. The browser paints that
//! copy as soon as the page and its stylesheet are in; the wasm's download, compilation and
//! first build come after, unseen.
//! A wasm test (`index_html_holds_a_true_copy_of_the_first_screen`) keeps the copy equal to
//! the mounted screen, so the swap shows nothing but the gizmo's snap pulse (hidden in the
//! copy, style/main.css). Only the copy's image input answers before the app: a script in
//! `index.html` keeps a picture chosen, dropped or pasted then, and [`adopt_early_input`]
//! hands it to the app.
//!
//! ```no_run
//! angleshot::platform::static_first_screen::remove(); // in the mount's task: no frame shows neither
//! leptos::mount::mount_to_body(angleshot::app::App);
//! ```

/// The `id` of the copy's wrapper in `index.html`.
pub const ELEMENT_ID: &str = "static-first-screen";

/// Takes the copy out of the page (nothing when there is none, e.g. in tests).
pub fn remove() {
    if let Some(copy) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ELEMENT_ID))
    {
        copy.remove();
    }
}

/// The name under which `index.html`'s early-input script hands over the file it kept.
const EARLY_FILE: &str = "angleshotEarlyFile";
/// The name under which the app takes files from that script once it runs.
const ACCEPT_FILE: &str = "angleshotAcceptFile";

/// Takes over the copy's image input: the file the artist chose, dropped or pasted before the
/// wasm had loaded goes to `accept` now, and any that arrives later through that script (the
/// copy's picker answered after the swap, a drop outside the drop zone) goes there too. The
/// copy answers those before the app runs, so a picture given early is not lost.
///
/// ```no_run
/// use angleshot::platform::static_first_screen::adopt_early_input;
/// adopt_early_input(|file: web_sys::File| web_sys::console::log_1(&file.name().into()));
/// ```
pub fn adopt_early_input(accept: impl Fn(web_sys::File) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::JsValue;
    use wasm_bindgen::prelude::Closure;

    let Some(window) = web_sys::window() else {
        return;
    };
    let take_kept = js_sys::Reflect::get(&window, &EARLY_FILE.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let kept = take_kept
        .and_then(|take| take.call0(&window).ok())
        .and_then(|file| file.dyn_into::<web_sys::File>().ok());
    if let Some(file) = kept {
        accept(file);
    }
    let hook = Closure::<dyn Fn(JsValue)>::new(move |file: JsValue| {
        if let Ok(file) = file.dyn_into::<web_sys::File>() {
            accept(file);
        }
    });
    // The page's lifetime: the script may call it until the tab closes.
    let _ = js_sys::Reflect::set(&window, &ACCEPT_FILE.into(), hook.as_ref());
    hook.forget();
}

/// `html` without its comments: Leptos marks dynamic parts with `<!---->`, which a static
/// copy has no use for and which do not render.
///
/// ```
/// use angleshot::platform::static_first_screen::without_comments;
/// assert_eq!(without_comments("<p>a<!---->b<!-- x --></p>"), "<p>ab</p>");
/// ```
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => rest = "", // an unclosed comment runs to the end
        }
    }
    out.push_str(rest);
    out
}

/// The copy inside `index_html`: what stands between the wrapper's opening tag and the
/// `</div>` that closes it just before `</body>`, trimmed; `None` when there is no copy.
///
/// ```
/// use angleshot::platform::static_first_screen::copy_in;
/// let page = "<body><div id=\"static-first-screen\" inert>\n<h1>A</h1>\n</div>\n</body>";
/// assert_eq!(copy_in(page), Some("<h1>A</h1>"));
/// ```
pub fn copy_in(index_html: &str) -> Option<&str> {
    let open = format!("<div id=\"{ELEMENT_ID}\" inert>");
    let start = index_html.find(&open)? + open.len();
    let body_end = index_html.rfind("</body>")?;
    let close = index_html[..body_end].rfind("</div>")?;
    (close >= start).then(|| index_html[start..close].trim())
}
