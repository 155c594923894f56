use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// The list public/offline.js fills with the stories saved on this device, newest first, each
/// with Remove: the list lives in the browser's storage, which only the browser reads.
pub const SAVED_STORIES_ID: &str = "saved-stories";

/// The Saved page (`/saved`, written by the pre-render as `saved/index.html`): the stories the
/// reader saved for later.
#[component]
pub fn SavedPage() -> impl IntoView {
    view! {
        <div class="notice notice--saved">
            <h1 tabindex="-1">{strings::SAVED_TITLE}</h1>
            <p>{strings::SAVED_TEXT}</p>
            <ul class="offline-stories" id=SAVED_STORIES_ID></ul>
            <p><a href=routes::ALL_NEWS>{strings::BACK_TO_ALL_NEWS}</a></p>
        </div>
    }
}
