use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// The page a reader gets for an address we have nothing at.
#[component]
pub fn NotFoundNotice(
    message: &'static str,
    #[prop(optional)] title: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="notice notice--not-found">
            <h1 tabindex="-1">{title.unwrap_or(strings::NOT_FOUND_TITLE)}</h1>
            <p>{message}</p>
            <p><a href=routes::ALL_NEWS>{strings::BACK_TO_ALL_NEWS}</a></p>
        </div>
    }
}
