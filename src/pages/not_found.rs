use crate::components::NotFoundNotice;
use crate::{browser, strings};
use leptos::prelude::*;

/// Any address that is not one of ours.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    browser::set_page_title(strings::NOT_FOUND_TITLE);
    view! { <NotFoundNotice message=strings::NOT_FOUND_TEXT/> }
}
