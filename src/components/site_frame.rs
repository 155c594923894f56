use super::SiteHeader;
use crate::model::Publication;
use leptos::prelude::*;

/// The frame of every page of the site: masthead, the place of the offline notice, and the
/// main landmark the page goes in. The pre-render and the app share it; the app puts its live
/// parts (the offline notice, the page) into it, whether it drew the frame or adopted it.
#[component]
pub fn SiteFrame(
    #[prop(optional)] children: Option<Children>,
    /// Another publisher's name for the masthead, when the feed is theirs.
    #[prop(default = None)]
    publication: Option<Publication>,
) -> impl IntoView {
    view! {
        <SiteHeader publication/>
        // Always in the page, so that screen readers announce what appears in it.
        <div class="offline-notice" role="status"></div>
        <main id="main" class="page" tabindex="-1">{children.map(|c| c())}</main>
    }
}
