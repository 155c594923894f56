use super::{OfflineNotice, SiteHeader};
use leptos::prelude::*;

/// The frame of every page of the site: masthead, offline notice, and the main landmark the
/// page goes in. The app and the pre-render share it, so a page rendered at build time sits in
/// exactly the frame the app draws when it takes over.
#[component]
pub fn SiteFrame(#[prop(into)] online: Signal<bool>, children: Children) -> impl IntoView {
    view! {
        <SiteHeader/>
        <OfflineNotice online/>
        <main id="main" class="page" tabindex="-1">{children()}</main>
    }
}
