use crate::{browser, strings};
use leptos::prelude::*;

/// What an embed shows when its address names nothing we publish.
#[component]
pub fn PartnerNotFound() -> impl IntoView {
    browser::set_page_title(strings::NOT_FOUND_TITLE);
    view! {
        <h1 class="embed__title">{strings::NOT_FOUND_TITLE}</h1>
        <p class="embed__empty">{strings::EMBED_NOT_FOUND}</p>
    }
}
