use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// What went wrong, in words a reader understands, with a way to try again and a way out.
#[component]
pub fn LoadError(
    message: &'static str,
    detail: Option<String>,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <h2 class="notice__title">{strings::ERROR_TITLE}</h2>
            <p>{message}</p>
            {detail.map(|d| view! { <p class="notice__detail">{d}</p> })}
            <p class="notice__actions">
                <button type="button" class="button" on:click=move |_| on_retry()>{strings::RETRY}</button>
                <a href=routes::ALL_NEWS>{strings::BACK_TO_ALL_NEWS}</a>
            </p>
        </div>
    }
}
