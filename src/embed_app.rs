//! The app inside a partner's iframe: no masthead, no navigation, no theme menu and no
//! storage; one embed's content, our name at the foot, and its height reported to the parent.

use crate::browser;
use crate::components::{PartnerFooter, PartnerNotFound};
use crate::embed::{EmbedOptions, EmbedRoute};
use crate::pages::{EmbedFeedPage, EmbedStoryPage};
use leptos::prelude::*;

/// The element whose height the parent's iframe must match.
const FRAME_SELECTOR: &str = ".embed";

#[component]
pub fn EmbedApp() -> impl IntoView {
    browser::mark_app_started();
    let options = EmbedOptions::from_query_string(&browser::current_query());
    if let Some(id) = options.embed_id.clone() {
        // After the first render, so the frame exists to be measured.
        Effect::new(move |_| browser::report_height_to_parent(FRAME_SELECTOR, id.clone()));
    }
    let section = options.section.clone();
    let content = match EmbedRoute::from_path(&browser::current_path()) {
        EmbedRoute::Feed => view! { <EmbedFeedPage options/> }.into_any(),
        EmbedRoute::Story(id) => view! { <EmbedStoryPage id/> }.into_any(),
        EmbedRoute::NotFound => PartnerNotFound().into_any(),
    };
    view! {
        <div class="embed">
            <main class="embed__main">{content}</main>
            <PartnerFooter section/>
        </div>
    }
}
