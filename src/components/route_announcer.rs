use crate::browser;
use crate::routes::Route;
use leptos::prelude::*;

/// A link followed inside the app loads no page, so nothing tells a screen reader where the
/// reader has arrived, and focus is left on a link that is gone. After each such move this puts
/// focus on the new page's heading and announces its title, as a page load would. The first
/// page is left to the browser.
#[component]
pub fn RouteAnnouncer(#[prop(into)] route: Signal<Route>) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let moves = StoredValue::new(0_u64);
    Effect::new(move |shown: Option<Route>| {
        let page = route.get();
        if shown.is_some_and(|shown| shown != page) {
            // Emptied first, so that coming back to a page with the same title is announced too.
            message.set(String::new());
            moves.update_value(|n| *n += 1);
            let this_move = moves.get_value();
            browser::focus_page_heading(
                move || moves.try_get_value() == Some(this_move),
                move |title| message.set(title),
            );
        }
        page
    });
    view! { <p class="visually-hidden" role="status">{message}</p> }
}
