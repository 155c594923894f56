use crate::browser;
use crate::components::{RouteAnnouncer, SiteFrame};
use crate::pages::{ArticlePage, FeedPage, FeedStore, NotFoundPage};
use crate::routes::Route;
use leptos::prelude::*;

/// Which page component an address needs: the section of All News is the feed page's to
/// follow, so changing it does not draw the feed again.
#[derive(Clone, PartialEq)]
enum Page {
    Feed,
    Article(String),
    NotFound,
}

/// The route of the address the page is at now.
fn current_route() -> Route {
    Route::from_address(&browser::current_path(), &browser::current_query())
}

/// The whole app: masthead, then the page the address names. Links to the pages it knows are
/// followed in place (`browser::follow_links_in_app`); Back and Forward show the page again.
/// Three routes need no router crate: `routes::Route` reads the address.
#[component]
pub fn App() -> impl IntoView {
    // First: the store hears of a move through history before the page it leads to is drawn.
    FeedStore::provide();
    let route = RwSignal::new(current_route());
    browser::on_history_move(move || route.set(current_route()));
    browser::follow_links_in_app(move |path, query| {
        let next = Route::from_address(path, query);
        let known = next != Route::NotFound;
        if known {
            route.set(next);
            browser::scroll_to_top();
        }
        known
    });
    let online = RwSignal::new(browser::is_online());
    browser::on_connectivity_change(move |now_online| online.set(now_online));
    let page = Memo::new(move |_| match route.get() {
        Route::AllNews { .. } => Page::Feed,
        Route::Article(id) => Page::Article(id),
        Route::NotFound => Page::NotFound,
    });
    let section = Memo::new(move |_| match route.get() {
        Route::AllNews { section } => section,
        _ => None,
    });
    view! {
        <SiteFrame online>
            <RouteAnnouncer route/>
            {move || match page.get() {
                Page::Feed => view! { <FeedPage section/> }.into_any(),
                Page::Article(id) => view! { <ArticlePage id/> }.into_any(),
                Page::NotFound => NotFoundPage().into_any(),
            }}
        </SiteFrame>
    }
}
