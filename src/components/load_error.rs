use super::NewTabLink;
use crate::browser;
use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// What went wrong, in words a reader understands, with a way to try again and a way out.
#[component]
pub fn LoadError(
    message: &'static str,
    detail: Option<String>,
    on_retry: impl Fn() + 'static,
    /// When the error is all the page has, its heading is the page's `h1`.
    #[prop(optional)]
    page_heading: bool,
    /// Inside a partner's embed the way out opens Broadsheet in a new tab.
    #[prop(optional)]
    in_embed: bool,
) -> impl IntoView {
    // Retry replaces this notice, and the button with it: focus must not fall out of the page.
    on_cleanup(browser::recover_lost_focus);
    let title = if page_heading {
        view! { <h1 class="notice__title" tabindex="-1">{strings::ERROR_TITLE}</h1> }.into_any()
    } else {
        view! { <h2 class="notice__title">{strings::ERROR_TITLE}</h2> }.into_any()
    };
    view! {
        <div class="notice notice--error" role="alert">
            {title}
            <p>{message}</p>
            {detail.map(|d| view! { <p class="notice__detail">{d}</p> })}
            <p class="notice__actions">
                <button type="button" class="button" on:click=move |_| on_retry()>{strings::RETRY}</button>
                {if in_embed {
                    view! {
                        <NewTabLink href=routes::ALL_NEWS.to_owned()>{strings::BACK_TO_ALL_NEWS}</NewTabLink>
                    }
                    .into_any()
                } else {
                    view! { <a href=routes::ALL_NEWS>{strings::BACK_TO_ALL_NEWS}</a> }.into_any()
                }}
            </p>
        </div>
    }
}
