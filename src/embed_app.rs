//! The app inside a partner's iframe: no masthead, no navigation, no theme menu and no
//! storage; one route's content, our name at the foot, and its height reported to the parent.

use crate::components::{PartnerFooter, PartnerNotFound};
use crate::embed::EmbedOptions;
use crate::pages::{EmbedFeedPage, EmbedStoryPage};
use crate::{browser, strings};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;

/// The element whose height the parent's iframe must match.
const FRAME_SELECTOR: &str = ".embed";

#[component]
pub fn EmbedApp() -> impl IntoView {
    provide_meta_context();
    let formatter = |page: String| format!("{page} — {}", strings::SITE_NAME);
    view! {
        <Title formatter/>
        <Router>
            <EmbedFrame/>
        </Router>
    }
}

#[component]
fn EmbedFrame() -> impl IntoView {
    let EmbedOptions {
        section, embed_id, ..
    } = use_query_map().with_untracked(|q| EmbedOptions::from_query(|name| q.get_str(name)));
    if let Some(id) = embed_id {
        // After the first render, so the frame exists to be measured.
        Effect::new(move |_| browser::report_height_to_parent(FRAME_SELECTOR, id.clone()));
    }
    view! {
        <div class="embed">
            <main class="embed__main">
                <Routes fallback=PartnerNotFound>
                    <Route path=path!("/embed/feed") view=EmbedFeedPage/>
                    <Route path=path!("/embed/news/:id") view=EmbedStoryPage/>
                </Routes>
            </main>
            <PartnerFooter section/>
        </div>
    }
}
