//! Whether the reader can be reached: the network, and whether the page is in sight.

use crate::browser::document;

/// What the browser believes about the network: false means certainly offline.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Calls `f` with the new state whenever the browser goes offline or comes back.
pub fn on_connectivity_change(f: impl Fn(bool) + Clone + 'static) {
    let back = f.clone();
    let _ = leptos::prelude::window_event_listener(leptos::ev::online, move |_| back(true));
    let _ = leptos::prelude::window_event_listener(leptos::ev::offline, move |_| f(false));
}

/// False while the tab is in the background: no point fetching what nobody sees.
pub fn page_visible() -> bool {
    document().is_none_or(|d| !d.hidden())
}
