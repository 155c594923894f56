//! Moving between the app's pages: links followed in place, Back and Forward, and where the
//! page is scrolled, which the app restores itself.

use wasm_bindgen::JsValue;

/// How far down the page the reader has scrolled, in CSS pixels.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// Scrolls to `y` once the next frame has laid out what was just rendered.
pub fn scroll_to_after_layout(y: f64) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, y);
        }
    });
}

/// A new page starts at its top, as a loaded document would.
pub fn scroll_to_top() {
    scroll_to_after_layout(0.0);
}

/// Calls `f` whenever the reader moves through history (Back, Forward). The app restores
/// scroll positions itself: the browser would try before the page has been rendered again.
pub fn on_history_move(f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // Dropping the handle keeps the listener: it lives as long as the page, like the app.
    let _ = leptos::prelude::window_event_listener(leptos::ev::popstate, move |_| f());
}

/// Lets the app show the pages it knows without loading a document: a plain click on a
/// link to this origin (no modifier key, no `target`, no `download`) whose page `show`
/// accepts, given the link's path and query, goes into the history as the browser would
/// have put it. Links within the page (`#main`), and any `show` declines, stay the
/// browser's.
pub fn follow_links_in_app(show: impl Fn(&str, &str) -> bool + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let follow = move |event: web_sys::MouseEvent| {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let location = window.location();
        let (path, query) = (link.pathname(), link.search());
        let same_document = location.pathname().is_ok_and(|p| p == path)
            && location.search().is_ok_and(|q| q == query);
        if !link.target().is_empty()
            || link.has_attribute("download")
            || location.origin().is_ok_and(|o| o != link.origin())
            || (same_document && !link.hash().is_empty())
        {
            return;
        }
        if !show(&path, &query) {
            return;
        }
        event.prevent_default();
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&link.href()));
        }
    };
    let _ = leptos::prelude::window_event_listener(leptos::ev::click, follow);
}
