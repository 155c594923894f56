use crate::api;
use crate::browser;
use crate::components::{OfflineNotice, RouteAnnouncer, SiteFrame};
use crate::pages::{
    AdoptedAllNewsPage, AdoptedArticlePage, AllNewsPage, ArticlePage, FeedStore, NotFoundPage,
};
use crate::routes::Route;
use leptos::prelude::*;

/// Starts the site's app. On a pre-rendered page the frame and the page are there already: the
/// app adopts them where they stand, from the document the page carries, and draws a page only
/// when the reader goes to another (docs/adr/0005-adopt-the-prerendered-page.md). On the app
/// shell it draws the frame, then the page.
pub fn start() {
    browser::mark_app_started();
    let adopted = browser::page_data().and_then(|data| Adoption::read(&data));
    if !browser::has_main_landmark() {
        leptos::mount::mount_to_body(|| view! { <SiteFrame/> });
    }
    // What the pre-render drew stays until the reader leaves the page.
    browser::mount_in_main(
        adopted.is_some(),
        move |drawn| view! { <App adopted drawn/> },
    );
}

/// The document a pre-rendered page carries, read as the app would have fetched it.
enum Adoption {
    Feed(api::FeedPage),
    /// The article, and its document's text, against which the app checks for a newer one.
    Article(crate::model::Article, String),
}

impl Adoption {
    fn read(data: &str) -> Option<Adoption> {
        let route = current_route();
        match route {
            // Tag views are not pre-rendered: a host that answers one with All News's page
            // gets it drawn again, narrowed, rather than adopted as it stands.
            Route::AllNews { tag: Some(_), .. } => None,
            Route::AllNews { .. } => api::adopted_first_feed_page(data).ok().map(Adoption::Feed),
            Route::Article(_) => api::parse_article(data)
                .ok()
                .map(|article| Adoption::Article(article, data.to_owned())),
            Route::NotFound => None,
        }
    }
}

/// Which page component an address needs.
#[derive(Clone, PartialEq)]
enum Page {
    /// Narrowed to a section, or to a tag.
    Feed(Option<String>, Option<String>),
    Article(String),
    NotFound,
}

/// The route of the address the page is at now.
fn current_route() -> Route {
    Route::from_address(&browser::current_path(), &browser::current_query())
}

/// The live app in the main landmark: the page the address names. Links to the pages it knows
/// are followed in place (`browser::follow_links_in_app`); Back and Forward show the page
/// again. Three routes need no router crate: `routes::Route` reads the address.
#[component]
fn App(adopted: Option<Adoption>, drawn: browser::Drawn) -> impl IntoView {
    // First: the store hears of a move through history before the page it leads to is drawn.
    let store = FeedStore::provide();
    let route = RwSignal::new(current_route());
    browser::on_history_move(move || route.set(current_route()));
    browser::follow_links_in_app(move |path, query| {
        let next = Route::from_address(path, query);
        let known = next != Route::NotFound;
        if known {
            store.remember_place();
            route.set(next);
            browser::scroll_to_top();
        }
        known
    });
    let online = RwSignal::new(browser::is_online());
    browser::on_connectivity_change(move |now_online| online.set(now_online));
    browser::replace_children_with_view(".offline-notice", view! { <OfflineNotice online/> });
    let page = Memo::new(move |_| match route.get() {
        Route::AllNews { section, tag } => Page::Feed(section, tag),
        Route::Article(id) => Page::Article(id),
        Route::NotFound => Page::NotFound,
    });
    let adopted = StoredValue::new_local(adopted);
    let drawn = StoredValue::new_local(drawn);
    view! {
        <RouteAnnouncer route/>
        {move || {
            let page = page.get();
            match (adopted.try_update_value(Option::take).flatten(), page.clone()) {
                (Some(Adoption::Feed(first)), Page::Feed(section, _)) => {
                    return view! { <AdoptedAllNewsPage first section/> }.into_any();
                }
                (Some(Adoption::Article(article, document)), Page::Article(id)) => {
                    return view! { <AdoptedArticlePage id article document/> }.into_any();
                }
                _ => {}
            }
            drawn.update_value(browser::Drawn::remove);
            match page {
                Page::Feed(section, tag) => view! { <AllNewsPage section tag/> }.into_any(),
                Page::Article(id) => view! { <ArticlePage id/> }.into_any(),
                Page::NotFound => NotFoundPage().into_any(),
            }
        }}
    }
}
