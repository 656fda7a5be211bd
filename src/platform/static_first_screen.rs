//! The first screen, painted before the wasm has loaded: the built `index.html` holds a static
//! copy of what the app mounts first (header, image panel, gizmo, presets, Generate and its
//! reason), `inert` (but for its image input, below) until the app replaces it. The browser
//! paints that copy as soon as the page and its stylesheet are in; the wasm's download,
//! compilation and first build come after, unseen.
//! The copy is made by the build, from the app itself: `tools/first-screen` (a Trunk hook)
//! opens the built page at [`SNAPSHOT_HASH`] in headless Chromium, where the app mounts its
//! first screen into [`SNAPSHOT_ID`] and builds nothing after the first paint, and writes what
//! it mounted into the page. So the swap shows nothing but the gizmo's snap pulse (hidden in
//! the copy, style/main.css). Only the copy's image input answers before the app: a script in
//! `index.html` keeps a picture chosen, dropped or pasted then, and [`adopt_early_input`]
//! hands it to the app.
//!
//! ```no_run
//! angleshot::platform::static_first_screen::remove(); // in the mount's task: no frame shows neither
//! leptos::mount::mount_to_body(angleshot::app::App);
//! ```

/// The `id` of the copy's wrapper in `index.html`.
pub const ELEMENT_ID: &str = "static-first-screen";
/// The page's hash that asks for the snapshot of the first screen (the build's, never an
/// artist's).
pub const SNAPSHOT_HASH: &str = "#first-screen-snapshot";
/// The `id` of the element the snapshot's first screen is mounted into.
pub const SNAPSHOT_ID: &str = "first-screen-snapshot";

/// Whether this page load is the build's snapshot of the first screen.
pub fn snapshot_requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| hash == SNAPSHOT_HASH)
}

/// A fresh element at the end of the page for the snapshot's mount.
pub fn snapshot_container() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let container = document.create_element("div").ok()?;
    container.set_id(SNAPSHOT_ID);
    document.body()?.append_child(&container).ok()?;
    container.dyn_into().ok()
}

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

/// Where the copy stands in `index_html`: just after the wrapper's opening tag (written
/// `id="static-first-screen"` or, minified, `id=static-first-screen`) up to the `</div>` that
/// closes it; `None` when there is no wrapper.
fn copy_span(index_html: &str) -> Option<(usize, usize)> {
    let tag = [
        format!("<div id=\"{ELEMENT_ID}\""),
        format!("<div id={ELEMENT_ID} "),
        format!("<div id={ELEMENT_ID}>"),
    ]
    .iter()
    .find_map(|open| index_html.find(open.as_str()))?;
    let start = tag + index_html[tag..].find('>')? + 1;
    // The matching `</div>`: count the copy's own divs.
    let mut depth = 1usize;
    let mut at = start;
    while depth > 0 {
        let rest = &index_html[at..];
        let open = rest.find("<div");
        let close = rest.find("</div>")?;
        match open {
            Some(open) if open < close => {
                depth += 1;
                at += open + 4;
            }
            _ => {
                depth -= 1;
                at += close + 6;
            }
        }
    }
    Some((start, at - 6))
}

/// The copy inside `index_html`, trimmed; `None` when there is no wrapper.
///
/// ```
/// use angleshot::platform::static_first_screen::copy_in;
/// let page = "<body><div id=\"static-first-screen\" inert>\n<div>A</div>\n</div><script>'</div>'</script>\n</body>";
/// assert_eq!(copy_in(page), Some("<div>A</div>"));
/// assert_eq!(copy_in("<body><div id=static-first-screen inert></div></body>"), Some(""));
/// ```
pub fn copy_in(index_html: &str) -> Option<&str> {
    let (start, end) = copy_span(index_html)?;
    Some(index_html[start..end].trim())
}

/// `index_html` with `copy` as its first screen (replacing any copy it held); `None` when the
/// page has no wrapper for one.
///
/// ```
/// use angleshot::platform::static_first_screen::{copy_in, with_copy};
/// let page = "<body><div id=static-first-screen inert></div>\n</body>";
/// let built = with_copy(page, "<h1>A</h1>").unwrap();
/// assert_eq!(copy_in(&built), Some("<h1>A</h1>"));
/// assert_eq!(with_copy(&built, "<h1>B</h1>").as_deref().and_then(copy_in), Some("<h1>B</h1>"));
/// ```
pub fn with_copy(index_html: &str, copy: &str) -> Option<String> {
    let (start, end) = copy_span(index_html)?;
    Some(format!(
        "{}{}{}",
        &index_html[..start],
        copy.trim(),
        &index_html[end..]
    ))
}
