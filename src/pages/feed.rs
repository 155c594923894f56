use crate::api::{self, FeedPage as Page, FetchError};
use crate::components::{FeedList, FeedSkeleton, LoadError};
use crate::model::{append_new_items, FeedItem};
use crate::strings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::{Meta, Title};

/// All News: the first page of the feed, then further pages on request.
#[component]
pub fn FeedPage() -> impl IntoView {
    let first = LocalResource::new(api::fetch_first_feed_page);
    view! {
        <Title text=strings::ALL_NEWS/>
        <Meta name="description" content=strings::SITE_DESCRIPTION/>
        <div class="feed">
            <h1 class="feed__title" tabindex="-1">{strings::ALL_NEWS}</h1>
            <Suspense fallback=FeedSkeleton>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(page) => view! { <FeedPages first=page/> }.into_any(),
                        Err(error) => view! {
                            <LoadError
                                message=error.message()
                                detail=error.detail()
                                on_retry=move || first.refetch()
                            />
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The pages loaded so far, and the control that loads the next one.
#[component]
fn FeedPages(first: Page) -> impl IntoView {
    let items = RwSignal::new(first.feed.items);
    // Every page URL already fetched: a `next_url` that points back to one of them would loop.
    let visited = StoredValue::new(vec![first.url]);
    let next = RwSignal::new(first.next);
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<FetchError>);

    let load_more = move || {
        let Some(url) = next.get_untracked() else { return };
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        error.set(None);
        spawn_local(async move {
            match api::fetch_feed_page(&url).await {
                Ok(page) => {
                    visited.update_value(|v| v.extend([url, page.url]));
                    items.update(|shown| {
                        append_new_items(shown, page.feed.items);
                    });
                    let unvisited = page.next.filter(|n| !visited.with_value(|v| v.contains(n)));
                    next.set(unvisited);
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };

    view! {
        {move || {
            let shown: Vec<FeedItem> = items.get();
            if shown.is_empty() {
                view! { <p class="notice">{strings::EMPTY_FEED}</p> }.into_any()
            } else {
                view! { <FeedList items=shown/> }.into_any()
            }
        }}
        <div class="feed__more">
            {move || error.get().map(|e| view! {
                <LoadError message=e.message() detail=e.detail() on_retry=load_more/>
            })}
            {move || match next.get() {
                Some(_) => view! {
                    <button type="button" class="button" on:click=move |_| load_more()
                        prop:disabled=move || loading.get() aria-describedby="feed-status">
                        {strings::LOAD_MORE}
                    </button>
                }.into_any(),
                None => view! { <p class="feed__end">{strings::END_OF_FEED}</p> }.into_any(),
            }}
            <p id="feed-status" class="feed__status" role="status">
                {move || loading.get().then_some(strings::LOADING_MORE)}
            </p>
        </div>
    }
}
