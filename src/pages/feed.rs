use super::load::Load;
use crate::api::{self, FeedPage as Page, FetchError};
use crate::components::{
    FeedContent, FeedList, FeedMore, FeedSkeleton, FeedView, LoadError, NewStoriesPrompt,
    RefreshNotice, FEED_LIST_ID,
};
use crate::model::{append_new_items, sections, FeedItem};
use crate::{browser, routes, seo};
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
    first: StoredValue<Option<Load<Page>>>,
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
    /// Why the last look for new stories failed; the stories shown stay.
    refresh_error: RwSignal<Option<FetchError>>,
    /// Where the reader was in the feed when they last left it.
    scroll_y: StoredValue<f64>,
    /// Set by a Back or Forward that leads to the feed: only those restore the scroll position.
    moved_in_history: StoredValue<bool>,
    /// True while the feed is on screen.
    shown: StoredValue<bool>,
}

impl FeedStore {
    /// Called once by the app, before it listens to history itself, so that this store hears
    /// of history moves before the page they lead to is drawn.
    pub fn provide() -> FeedStore {
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
            refresh_error: RwSignal::new(None),
            scroll_y: StoredValue::new(0.0),
            moved_in_history: StoredValue::new(false),
            shown: StoredValue::new(false),
        };
        let moved = store.moved_in_history;
        let leaving = store.clone();
        // Scroll restoration is manual (see `browser::on_history_move`): the feed gets back its
        // position; any other page starts at its top.
        browser::on_history_move(move || {
            leaving.remember_place();
            let to_feed = browser::current_path() == routes::ALL_NEWS;
            moved.set_value(to_feed);
            if !to_feed {
                browser::scroll_to_after_layout(0.0);
            }
        });
        provide_context(store.clone());
        store
    }

    /// Notes where the reader is in the feed, if it is on screen, before they leave it.
    pub fn remember_place(&self) {
        if self.shown.get_value() {
            self.scroll_y.set_value(browser::scroll_y());
        }
    }

    /// The first page, fetched the first time All News is shown and kept after that.
    fn first_page(&self) -> Load<Page> {
        if let Some(first) = self.first.get_value() {
            return first;
        }
        let first = self.owner.with(|| Load::new(api::fetch_first_feed_page));
        self.first.set_value(Some(first));
        first
    }

    /// Starts from the first page a pre-rendered page carried, instead of fetching it.
    fn adopt_first_page(&self, page: Page) {
        let first = self
            .owner
            .with(|| Load::answered(page, api::fetch_first_feed_page));
        self.first.set_value(Some(first));
    }

    /// The item with this id among the pages already loaded.
    pub fn loaded_item(&self, id: &str) -> Option<FeedItem> {
        let find = |items: &[FeedItem]| items.iter().find(|i| i.id == id).cloned();
        let in_first = self.first.get_value().and_then(|first| {
            first.with_answer(|page| match page {
                Some(Ok(page)) => find(&page.feed.items),
                _ => None,
            })
        });
        in_first
            .or_else(|| self.more.with_untracked(|more| find(more)))
            .or_else(|| self.newer.with_untracked(|newer| find(newer)))
    }

    /// Every item shown, newest first: the new stories the reader asked for, the first page,
    /// then the pages after it.
    fn all_items(&self, first: &[FeedItem]) -> Vec<FeedItem> {
        let mut items = self.newer.get_untracked();
        items.extend_from_slice(first);
        items.extend(self.more.get_untracked());
        items
    }

    /// Fetches the first page again and keeps aside the stories that are not shown yet. A
    /// failure is said quietly beside the stories, which stay.
    fn check_for_new(&self, first: Vec<FeedItem>) {
        if !browser::page_visible() {
            return;
        }
        let store = self.clone();
        spawn_local(async move {
            let latest = match api::fetch_first_feed_page().await {
                Ok(latest) => latest,
                Err(error) => {
                    store.refresh_error.set(Some(error));
                    return;
                }
            };
            store.refresh_error.set(None);
            let known = store.all_items(&first);
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

    /// Moves the new stories the reader asked for above the others; returns them.
    fn show_new(&self) -> Vec<FeedItem> {
        let pending = self.pending.get_untracked();
        self.pending.set(Vec::new());
        self.newer.update(|newer| {
            let mut all = pending.clone();
            all.append(newer);
            *newer = all;
        });
        pending
    }

    fn next_url(&self, first: &Page) -> Option<String> {
        self.next.get().unwrap_or_else(|| first.next.clone())
    }

    /// Loads the page after the last one loaded, unless one is loading already; `on_loaded`
    /// gets the stories it added.
    fn load_more(&self, first: &Page, on_loaded: impl FnOnce(Vec<FeedItem>) + 'static) {
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
                    // What the page adds: a story it repeats, or one a page before had, once.
                    let mut added = Vec::new();
                    more.update(|more| {
                        let before = more.len();
                        append_new_items(more, new);
                        added = more[before..].to_vec();
                    });
                    let unvisited = page.next.filter(|n| !visited.with_value(|v| v.contains(n)));
                    next.set(Some(unvisited));
                    on_loaded(added);
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    }
}

/// The stories of `section` among `items` (all of them without a section).
fn in_section(items: Vec<FeedItem>, section: Option<&str>) -> Vec<FeedItem> {
    match section {
        Some(name) => items
            .into_iter()
            .filter(|i| i.section() == Some(name))
            .collect(),
        None => items,
    }
}

/// All News: the feed's items by day, optionally narrowed to one section (`?section=`).
#[component]
pub fn FeedPage(section: Option<String>) -> impl IntoView {
    let store = expect_context::<FeedStore>();
    let first = store.first_page();
    browser::set_page_head(&seo::feed_head(section.as_deref(), &browser::page_origin()));
    let narrowed = section.clone();
    view! {
        <FeedView section>
            {move || match first.answer() {
                None => FeedSkeleton().into_any(),
                Some(Ok(page)) => {
                    let (store, section) = (store.clone(), narrowed.clone());
                    view! { <FeedPages first=page store section/> }.into_any()
                }
                Some(Err(error)) => view! {
                    <LoadError
                        message=error.message()
                        detail=error.detail()
                        on_retry=move || first.ask()
                    />
                }
                .into_any(),
            }}
        </FeedView>
    }
}

/// The pages loaded so far, drawn by the app, with its live controls.
#[component]
fn FeedPages(first: Page, store: FeedStore, section: Option<String>) -> impl IntoView {
    if store.moved_in_history.get_value() {
        store.moved_in_history.set_value(false);
        browser::scroll_to_after_layout(store.scroll_y.get_value());
    }
    let all = store.all_items(&first.feed.items);
    let sections = sections(&all);
    let items = in_section(all, section.as_deref());
    let (new_stories, more) = live_controls(store, first, section.clone());
    view! { <FeedContent items sections section new_stories more/> }
}

/// All News as the pre-render drew it, taken over where it stands: the store starts from the
/// page the HTML carried, and the live controls go where the pre-render's stand-ins are. No
/// story is drawn again and nothing is fetched until the reader acts.
#[component]
pub fn AdoptedFeedPage(first: Page, section: Option<String>) -> impl IntoView {
    let store = expect_context::<FeedStore>();
    store.adopt_first_page(first.clone());
    let (new_stories, more) = live_controls(store.clone(), first.clone(), section);
    browser::replace_with_view(".feed__pages > .new-stories", new_stories);
    browser::replace_with_view(".feed__pages > .feed__more", more);
    browser::relabel_times_in_main();
    browser::on_first_action(move || store.check_for_new(first.feed.items.clone()));
}

/// The new-stories prompt and the feed's foot, working: both the app's page and an adopted
/// one have them. The feed looks for new stories while it is shown.
fn live_controls(store: FeedStore, first: Page, section: Option<String>) -> (AnyView, AnyView) {
    let (shown, refresh_error, pending) = (store.shown, store.refresh_error, store.pending);
    // Stories added later are drawn under this page's owner: they live as long as it does.
    let owner = Owner::current().unwrap_or_default();
    shown.set_value(true);
    on_cleanup(move || shown.set_value(false));
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
        let (store, section, owner) = (store.clone(), section.clone(), owner.clone());
        move || {
            let new = in_section(store.show_new(), section.as_deref());
            owner.with(|| add_stories(new, true));
            browser::scroll_to_after_layout(0.0);
        }
    };
    let retry_check = {
        let (store, first_items) = (store.clone(), first.feed.items.clone());
        move || store.check_for_new(first_items.clone())
    };
    let new_stories = view! {
        <NewStoriesPrompt count=Signal::derive(move || pending.with(Vec::len)) on_show=show_new/>
        {move || refresh_error.get().map(|e| {
            let retry = retry_check.clone();
            view! { <RefreshNotice message=e.message() detail=e.detail() on_retry=move || retry()/> }
        })}
    }
    .into_any();

    // A keyboard reader who asked for more goes on reading from the first story that came:
    // otherwise focus would stay below the new stories, or be lost with the button.
    let load_more = {
        let (store, first) = (store.clone(), first.clone());
        move || {
            let (section, owner) = (section.clone(), owner.clone());
            store.load_more(&first, move |new| {
                let added = in_section(new, section.as_deref());
                let links = added
                    .iter()
                    .map(|i| {
                        format!(
                            "#main .feed-item__title a[href=\"{}\"]",
                            routes::article(&i.id)
                        )
                    })
                    .collect();
                owner.with(|| add_stories(added, false));
                browser::focus_first_after_layout(links);
            })
        }
    };
    let has_next = {
        let (store, first) = (store.clone(), first);
        Signal::derive(move || store.next_url(&first).is_some())
    };
    let (loading, error) = (store.loading, store.error);
    let error = Signal::derive(move || error.get().map(|e| (e.message(), e.detail())));
    let more = view! { <FeedMore has_next loading error on_more=load_more/> }.into_any();
    (new_stories, more)
}

/// Adds stories to the list on the page, newest first (`at_top`) or after the others, without
/// drawing again what is shown: they are drawn by day apart from the page, then a day already
/// on the page takes its new stories, and a new day comes whole. The reader's focus and place
/// stay where they are.
fn add_stories(items: Vec<FeedItem>, at_top: bool) {
    if items.is_empty() {
        return;
    }
    browser::merge_days_into(FEED_LIST_ID, at_top, view! { <FeedList items/> });
}
