//! Bringing a part of the page into view after an action changed it elsewhere.
//!
//! ```no_run
//! angleshot::platform::scroll::bring_into_view("input-panel");
//! ```

/// Scrolls the element with `id` to the top of the view (nothing when there is none).
pub fn bring_into_view(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.scroll_into_view_with_bool(true);
    }
}
