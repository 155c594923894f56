use crate::strings;
use leptos::prelude::*;
use leptos_meta::Title;

/// What an embed shows when its address names nothing we publish.
#[component]
pub fn PartnerNotFound() -> impl IntoView {
    view! {
        <Title text=strings::NOT_FOUND_TITLE/>
        <h1 class="embed__title">{strings::NOT_FOUND_TITLE}</h1>
        <p class="embed__empty">{strings::EMBED_NOT_FOUND}</p>
    }
}
