use super::LoadError;
use crate::strings;
use leptos::prelude::*;

/// The foot of All News: Load more while there is a next page, the end of the feed after
/// that, what went wrong if a page failed, and a status line for screen readers. A page drawn
/// ahead of time has one too, which the style sheet keeps out of sight until the app runs
/// (`needs-app`): a button that does nothing must not be offered.
#[component]
pub fn FeedMore(
    #[prop(into)] has_next: Signal<bool>,
    #[prop(into)] loading: Signal<bool>,
    /// What went wrong with the last page asked for: what the reader is told, and the detail.
    #[prop(into)]
    error: Signal<Option<(&'static str, Option<String>)>>,
    on_more: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let retry = on_more.clone();
    view! {
        <div class="feed__more needs-app">
            {move || error.get().map(|(message, detail)| {
                let retry = retry.clone();
                view! { <LoadError message detail on_retry=move || retry()/> }
            })}
            {move || {
                let on_more = on_more.clone();
                // aria-disabled while loading, not disabled: a disabled button drops focus.
                if has_next.get() {
                    view! {
                        <button type="button" class="button" on:click=move |_| on_more()
                            aria-disabled=move || loading.get().then_some("true")
                            aria-describedby="feed-status">
                            {strings::LOAD_MORE}
                        </button>
                    }.into_any()
                } else {
                    view! { <p class="feed__end">{strings::END_OF_FEED}</p> }.into_any()
                }
            }}
            <p id="feed-status" class="feed__status" role="status">
                {move || loading.get().then_some(strings::LOADING_MORE)}
            </p>
        </div>
    }
}
