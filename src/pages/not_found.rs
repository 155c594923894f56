use crate::components::NotFoundNotice;
use crate::{browser, strings};
use leptos::prelude::*;
use leptos_meta::Title;

/// Any address that is not one of ours.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    browser::take_over_prerendered_page();
    view! {
        <Title text=strings::NOT_FOUND_TITLE/>
        <NotFoundNotice message=strings::NOT_FOUND_TEXT/>
    }
}
