use super::{MastheadName, ReaderSetting, TEXT_SIZE, THEME};
use crate::model::Publication;
use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// The masthead: a skip link for keyboard readers, the name, the way back to All News, and the
/// reader's display settings. The name is another publisher's when the feed is theirs.
#[component]
pub fn SiteHeader(#[prop(default = None)] publication: Option<Publication>) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{strings::SKIP_TO_CONTENT}</a>
        <header class="masthead">
            <div class="masthead__inner">
                <MastheadName publication/>
                <nav class="masthead__nav" aria-label=strings::PRIMARY_NAV>
                    <a href=routes::ALL_NEWS>{strings::ALL_NEWS}</a>
                    <a href=routes::SAVED>{strings::SAVED}</a>
                </nav>
                <div class="masthead__settings">
                    <ReaderSetting setting=&THEME/>
                    <ReaderSetting setting=&TEXT_SIZE/>
                </div>
            </div>
        </header>
    }
}
