use crate::browser;
use crate::components::{RouteAnnouncer, SiteFrame};
use crate::pages::{ArticlePage, FeedPage, FeedStore, NotFoundPage};
use crate::seo;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app: masthead, then the page the address names.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    FeedStore::provide();
    let online = RwSignal::new(browser::is_online());
    browser::on_connectivity_change(move |now_online| online.set(now_online));
    let formatter = |page: String| seo::document_title(&page);
    view! {
        <Title formatter/>
        <Router>
            <SiteFrame online>
                <RouteAnnouncer/>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=FeedPage/>
                    <Route path=path!("/news/:id") view=ArticlePage/>
                </Routes>
            </SiteFrame>
        </Router>
    }
}
