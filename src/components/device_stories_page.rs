use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// The lists of stories kept on this device. Only the browser can fill them, so the
/// pre-render writes their pages empty and public/offline.js fills the list by its id.
#[derive(Clone, Copy)]
pub enum DeviceStories {
    /// The stories this device can open offline, read from the service worker's caches. Its
    /// page (`offline.html`) is what the worker shows for a page the reader never opened, in
    /// the site's frame, instead of the browser's error.
    Offline,
    /// The stories saved for later, newest first, each with Remove: the list lives in the
    /// browser's storage. Its page is `/saved` (`saved/index.html`).
    Saved,
}

impl DeviceStories {
    /// The id public/offline.js finds the list by.
    pub const fn list_id(self) -> &'static str {
        match self {
            DeviceStories::Offline => "offline-stories",
            DeviceStories::Saved => "saved-stories",
        }
    }
}

/// The page of one of the lists, with a way back to All News whatever the browser finds.
#[component]
pub fn DeviceStoriesPage(stories: DeviceStories) -> impl IntoView {
    let (modifier, title, text) = match stories {
        DeviceStories::Offline => (
            "offline",
            strings::OFFLINE_PAGE_TITLE,
            strings::OFFLINE_PAGE_TEXT,
        ),
        DeviceStories::Saved => ("saved", strings::SAVED_TITLE, strings::SAVED_TEXT),
    };
    view! {
        <div class=format!("notice notice--{modifier}")>
            <h1 tabindex="-1">{title}</h1>
            <p>{text}</p>
            <ul class="offline-stories" id=stories.list_id()></ul>
            <p><a href=routes::ALL_NEWS>{strings::BACK_TO_ALL_NEWS}</a></p>
        </div>
    }
}
