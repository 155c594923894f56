use crate::strings;
use leptos::prelude::*;

/// Says, quietly, that the page could not be brought up to date, with a way to try again. It
/// stands beside what the reader has, never in its place: a page that was readable stays so.
#[component]
pub fn RefreshNotice(
    message: &'static str,
    detail: Option<String>,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="notice notice--quiet" role="status">
            <p>
                {strings::REFRESH_FAILED}" "{message}
                {detail.map(|d| view! { " "<span class="notice__detail">{d}</span> })}
            </p>
            <button type="button" class="button button--small" on:click=move |_| on_retry()>
                {strings::RETRY}
            </button>
        </div>
    }
}
