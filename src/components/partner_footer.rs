use super::NewTabLink;
use crate::{routes, strings};
use leptos::prelude::*;

/// The foot of every embed: our name, which leads home, and the way to more of the same.
#[component]
pub fn PartnerFooter(section: Option<String>) -> impl IntoView {
    let more = section
        .as_deref()
        .map_or_else(|| routes::ALL_NEWS.to_owned(), routes::section);
    view! {
        <footer class="embed__footer">
            <NewTabLink href=routes::ALL_NEWS.to_owned() class="embed__brand">{strings::SITE_NAME}</NewTabLink>
            <NewTabLink href=more>{strings::EMBED_MORE}</NewTabLink>
        </footer>
    }
}
