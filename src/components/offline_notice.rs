use crate::strings;
use leptos::prelude::*;

/// Says so when the browser is offline, so that a failed load is not a mystery. The app puts
/// it in the frame's `.offline-notice` status region.
#[component]
pub fn OfflineNotice(#[prop(into)] online: Signal<bool>) -> impl IntoView {
    move || {
        (!online.get()).then(|| view! { <p class="offline-notice__text">{strings::OFFLINE}</p> })
    }
}
