use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// The list public/offline.js fills with the stories this device can open offline: it reads
/// them from the service worker's caches, which only the browser knows.
pub const OFFLINE_STORIES_ID: &str = "offline-stories";

/// The offline page (`offline.html`, written by the pre-render): what the service worker shows
/// for a page the reader never opened, in the site's frame, instead of the browser's error.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <div class="notice notice--offline">
            <h1 tabindex="-1">{strings::OFFLINE_PAGE_TITLE}</h1>
            <p>{strings::OFFLINE_PAGE_TEXT}</p>
            <ul class="offline-stories" id=OFFLINE_STORIES_ID></ul>
            <p><a href=routes::ALL_NEWS>{strings::BACK_TO_ALL_NEWS}</a></p>
        </div>
    }
}
