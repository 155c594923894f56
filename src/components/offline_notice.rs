use crate::strings;
use leptos::prelude::*;

/// Says so when the browser is offline, so that a failed load is not a mystery. Always in the
/// page (empty when online), so that screen readers announce the change.
#[component]
pub fn OfflineNotice(#[prop(into)] online: Signal<bool>) -> impl IntoView {
    view! {
        <div class="offline-notice" role="status">
            {move || (!online.get()).then(|| view! { <p class="offline-notice__text">{strings::OFFLINE}</p> })}
        </div>
    }
}
