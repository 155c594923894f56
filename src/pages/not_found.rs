use crate::components::NotFoundNotice;
use crate::strings;
use leptos::prelude::*;
use leptos_meta::Title;

/// Any address that is not one of ours.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=strings::NOT_FOUND_TITLE/>
        <NotFoundNotice message=strings::NOT_FOUND_TEXT/>
    }
}
