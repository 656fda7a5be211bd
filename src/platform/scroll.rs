//! Bringing a part of the page into view after an action changed it elsewhere.
//!
//! ```no_run
//! angleshot::platform::scroll::bring_into_view("input-panel");
//! ```

/// Scrolls the element with `id` to the top of the view (nothing when there is none), once
/// the change that calls for it has been laid out and painted.
pub fn bring_into_view(id: &'static str) {
    crate::platform::paint::after_next_paint(move || scroll_to_top(id));
}

fn scroll_to_top(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.scroll_into_view_with_bool(true);
    }
}

/// Scrolls the element with `id` just enough to show it (nothing when it is in view already,
/// or when there is none).
pub fn bring_near(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
