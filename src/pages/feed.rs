use crate::api::{self, FeedPage as Page, FetchError};
use crate::components::{FeedList, FeedSkeleton, LoadError, NewStoriesPrompt, SectionNav};
use crate::model::{append_new_items, sections, FeedItem};
use crate::{browser, routes, seo, strings};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How often All News looks for new stories while the reader has it in view.
const NEW_STORIES_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// What All News has loaded, kept by the app rather than the page: a reader who opens a story
/// and comes Back finds the pages they had loaded, at the place they left, with no refetch.
#[derive(Clone)]
pub struct FeedStore {
    /// The app's owner: the first page's resource is created under it, so it outlives the page.
    owner: Owner,
    first: StoredValue<Option<LocalResource<Result<Page, FetchError>>>>,
    /// Items of the pages after the first, not already on an earlier page.
    more: RwSignal<Vec<FeedItem>>,
    /// New stories found since the first page loaded, not yet shown: the reader chooses when.
    pending: RwSignal<Vec<FeedItem>>,
    /// New stories the reader chose to show, above the first page.
    newer: RwSignal<Vec<FeedItem>>,
    /// The next page to load, once a later page has said; until then the first page's.
    next: RwSignal<Option<Option<String>>>,
    /// Every page URL fetched: a `next_url` that points back to one of them would loop.
    visited: StoredValue<Vec<String>>,
    loading: RwSignal<bool>,
    error: RwSignal<Option<FetchError>>,
    /// Where the reader was in the feed when they last left it.
    scroll_y: StoredValue<f64>,
    /// Set by a Back or Forward that leads to the feed: only those restore the scroll position.
    moved_in_history: StoredValue<bool>,
    /// True while the feed is on screen.
    shown: StoredValue<bool>,
}

impl FeedStore {
    /// Called once by the app, before its router, so that this store hears of history moves
    /// before the router renders the page they lead to.
    pub fn provide() {
        let store = FeedStore {
            owner: Owner::current().unwrap_or_default(),
            first: StoredValue::new(None),
            more: RwSignal::new(Vec::new()),
            pending: RwSignal::new(Vec::new()),
            newer: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            visited: StoredValue::new(Vec::new()),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            scroll_y: StoredValue::new(0.0),
            moved_in_history: StoredValue::new(false),
            shown: StoredValue::new(false),
        };
        let (moved, shown, scroll_y) = (store.moved_in_history, store.shown, store.scroll_y);
        // Scroll restoration is manual (see `browser::on_history_move`): the feed gets back its
        // position; any other page starts at its top.
        browser::on_history_move(move || {
            if shown.get_value() {
                scroll_y.set_value(browser::scroll_y());
            }
            let to_feed = browser::current_path() == routes::ALL_NEWS;
            moved.set_value(to_feed);
            if !to_feed {
                browser::scroll_to_after_layout(0.0);
            }
        });
        provide_context(store);
    }

    /// The first page, fetched the first time All News is shown and kept after that.
    fn first_page(&self) -> LocalResource<Result<Page, FetchError>> {
        if let Some(resource) = self.first.get_value() {
            return resource;
        }
        let resource = self
            .owner
            .with(|| LocalResource::new(api::fetch_first_feed_page));
        self.first.set_value(Some(resource));
        resource
    }

    /// The item with this id among the pages already loaded.
    pub fn loaded_item(&self, id: &str) -> Option<FeedItem> {
        let find = |items: &[FeedItem]| items.iter().find(|i| i.id == id).cloned();
        let in_first = self.first.get_value().and_then(|first| {
            first.with_untracked(|page| match page {
                Some(Ok(page)) => find(&page.feed.items),
                _ => None,
            })
        });
        in_first
            .or_else(|| self.more.with_untracked(|more| find(more)))
            .or_else(|| self.newer.with_untracked(|newer| find(newer)))
    }

    /// The item with this id, fetching the first page if it has not been: a reader may open a
    /// foreign item's address directly.
    pub async fn find_item(&self, id: &str) -> Option<FeedItem> {
        if let Some(item) = self.loaded_item(id) {
            return Some(item);
        }
        let first = self.first_page().await.ok()?;
        first.feed.items.into_iter().find(|i| i.id == id)
    }

    /// Every item shown, newest first: the new stories the reader asked for, the first page,
    /// then the pages after it.
    fn all_items(&self, first: &[FeedItem]) -> Vec<FeedItem> {
        let mut items = self.newer.get();
        items.extend_from_slice(first);
        items.extend(self.more.get());
        items
    }

    /// Fetches the first page again and keeps aside the stories that are not shown yet.
    fn check_for_new(&self, first: Vec<FeedItem>) {
        if !browser::page_visible() {
            return;
        }
        let store = self.clone();
        spawn_local(async move {
            // A failed check is not worth interrupting the reader for: the next one may work.
            let Ok(latest) = api::fetch_first_feed_page().await else {
                return;
            };
            let known = store.all_items_untracked(&first);
            let pending = store.pending.get_untracked();
            let fresh: Vec<FeedItem> = latest
                .feed
                .items
                .into_iter()
                .filter(|i| !known.iter().chain(&pending).any(|k| k.id == i.id))
                .collect();
            if !fresh.is_empty() {
                store.pending.update(|p| {
                    let mut all = fresh;
                    all.append(p);
                    *p = all;
                });
            }
        });
    }

    fn all_items_untracked(&self, first: &[FeedItem]) -> Vec<FeedItem> {
        untrack(|| self.all_items(first))
    }

    /// Shows the new stories above the others.
    fn show_new(&self) {
        let pending = self.pending.get_untracked();
        self.pending.set(Vec::new());
        self.newer.update(|newer| {
            let mut all = pending;
            all.append(newer);
            *newer = all;
        });
    }

    fn next_url(&self, first: &Page) -> Option<String> {
        self.next.get().unwrap_or_else(|| first.next.clone())
    }

    /// Loads the page after the last one loaded, unless one is loading already; `on_loaded`
    /// gets the stories it added.
    fn load_more(&self, first: &Page, on_loaded: impl FnOnce(&[FeedItem]) + 'static) {
        let Some(url) = untrack(|| self.next_url(first)) else {
            return;
        };
        if self.loading.get_untracked() {
            return;
        }
        let (more, next, visited, loading, error) =
            (self.more, self.next, self.visited, self.loading, self.error);
        let mut shown = first.feed.items.clone();
        shown.extend(self.newer.get_untracked());
        let first_url = first.url.clone();
        loading.set(true);
        error.set(None);
        spawn_local(async move {
            match api::fetch_feed_page(&url).await {
                Ok(page) => {
                    visited.update_value(|v| v.extend([first_url, url, page.url]));
                    let new: Vec<FeedItem> = page
                        .feed
                        .items
                        .into_iter()
                        .filter(|item| !shown.iter().any(|s| s.id == item.id))
                        .collect();
                    more.update(|more| {
                        append_new_items(more, new.clone());
                    });
                    let unvisited = page.next.filter(|n| !visited.with_value(|v| v.contains(n)));
                    next.set(Some(unvisited));
                    on_loaded(&new);
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    }
}

/// All News: the feed's items by day, optionally narrowed to one section (`?section=`).
#[component]
pub fn FeedPage(section: Memo<Option<String>>) -> impl IntoView {
    let store = expect_context::<FeedStore>();
    let first = store.first_page();
    let title = move || {
        section
            .get()
            .unwrap_or_else(|| strings::ALL_NEWS.to_owned())
    };

    Effect::new(move |_| {
        browser::set_page_head(&seo::feed_head(
            section.get().as_deref(),
            &browser::page_origin(),
        ))
    });

    view! {
        <div class="feed">
            <h1 class="feed__title" tabindex="-1">{title}</h1>
            <Suspense fallback=FeedSkeleton>
                {move || {
                    let store = store.clone();
                    Suspend::new(async move {
                        let first_or_error = first.await;
                        browser::take_over_prerendered_page();
                        match first_or_error {
                            Ok(page) => view! { <FeedPages first=page store section/> }.into_any(),
                            Err(error) => view! {
                                <LoadError
                                    message=error.message()
                                    detail=error.detail()
                                    on_retry=move || first.refetch()
                                />
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The pages loaded so far, and the control that loads the next one.
#[component]
fn FeedPages(first: Page, store: FeedStore, section: Memo<Option<String>>) -> impl IntoView {
    if store.moved_in_history.get_value() {
        store.moved_in_history.set_value(false);
        browser::scroll_to_after_layout(store.scroll_y.get_value());
    }
    let (shown, scroll_y) = (store.shown, store.scroll_y);
    shown.set_value(true);
    on_cleanup(move || shown.set_value(false));
    // The position is taken when a link is followed, before the router scrolls the next page
    // to its top (this runs first: the router listens on the window).
    let remember_position = move |_| scroll_y.set_value(browser::scroll_y());
    let first_items = first.feed.items.clone();
    let (loading, error, pending) = (store.loading, store.error, store.pending);
    let all_items = {
        let store = store.clone();
        move || store.all_items(&first_items)
    };
    let poll = {
        let (store, first_items) = (store.clone(), first.feed.items.clone());
        set_interval_with_handle(
            move || store.check_for_new(first_items.clone()),
            NEW_STORIES_EVERY,
        )
    };
    if let Ok(poll) = poll {
        on_cleanup(move || poll.clear());
    }
    let show_new = {
        let store = store.clone();
        move || {
            store.show_new();
            browser::scroll_to_after_layout(0.0);
        }
    };
    // A keyboard reader who asked for more goes on reading from the first story that came:
    // otherwise focus would stay below the new stories, or be lost with the button.
    let load_more = {
        let (store, first) = (store.clone(), first.clone());
        move || {
            store.load_more(&first, move |new| {
                let in_view = new
                    .iter()
                    .filter(|i| {
                        section.with_untracked(|s| s.is_none() || i.section() == s.as_deref())
                    })
                    .map(|i| {
                        format!(
                            "#main .feed-item__title a[href=\"{}\"]",
                            routes::article(&i.id)
                        )
                    })
                    .collect();
                browser::focus_first_after_layout(in_view);
            })
        }
    };
    let has_next = {
        let (store, first) = (store.clone(), first.clone());
        move || store.next_url(&first).is_some()
    };
    let all = all_items.clone();
    let visible = Signal::derive(move || match section.get() {
        Some(name) => all_items()
            .into_iter()
            .filter(|i| i.section() == Some(name.as_str()))
            .collect(),
        None => all_items(),
    });
    let retry = load_more.clone();

    view! {
        <div class="feed__pages" on:click=remember_position>
            <NewStoriesPrompt count=Signal::derive(move || pending.with(Vec::len)) on_show=show_new/>
            {move || view! { <SectionNav sections=sections(&all()) current=section.get()/> }}
            <FeedList items=visible/>
            {move || visible.with(Vec::is_empty).then(|| match section.get() {
                Some(_) => view! { <p class="notice">{strings::EMPTY_SECTION}</p> },
                None => view! { <p class="notice">{strings::EMPTY_FEED}</p> },
            })}
            <div class="feed__more">
                {move || error.get().map(|e| {
                    let retry = retry.clone();
                    view! { <LoadError message=e.message() detail=e.detail() on_retry=move || retry()/> }
                })}
                {move || {
                    let load_more = load_more.clone();
                    // aria-disabled while loading, not disabled: a disabled button drops focus.
                    if has_next() {
                        view! {
                            <button type="button" class="button" on:click=move |_| load_more()
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
        </div>
    }
}
