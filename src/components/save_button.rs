use crate::strings;
use leptos::prelude::*;

/// Save for later: keeps the story and its images on this device for reading offline. Drawn
/// still; public/offline.js runs it (its state in `aria-pressed`, the list in localStorage, the
/// copies in the service worker's saved cache), so it works before the app starts and costs the
/// app no code. Out of sight, keeping its place, until that script says the browser can.
#[component]
pub fn SaveButton() -> impl IntoView {
    view! {
        <p class="save-story" lang=strings::UI_LANGUAGE>
            <button type="button" class="button button--small save-story__button" aria-pressed="false">
                {strings::SAVE_FOR_LATER}
            </button>
        </p>
    }
}
