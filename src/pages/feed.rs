use super::load::Load;
use crate::api::{self, FeedPage as Page, FetchError};
use crate::components::{
    FeedContent, FeedList, FeedMore, FeedSkeleton, FeedView, LoadError, NewStoriesPrompt,
    RefreshNotice, FEED_LIST_ID,
};
use crate::model::{sections, FeedItem, Loaded};
use crate::{browser, routes, seo};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashSet;

/// How often All News looks for new stories while the reader has it in view.
const NEW_STORIES_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// What All News has loaded, kept by the app rather than the page: a reader who opens a story
/// and comes Back finds the pages they had loaded, at the place they left, with no refetch.
///
/// The stories sit in plain data that nothing watches, so adding a page touches only that
/// page's stories, whatever the reader has loaded; only what the feed's controls show is a
/// signal.
#[derive(Clone, Copy)]
pub struct FeedStore {
    /// Made with the store, under the app's owner, so it outlives the page; asked the first
    /// time All News is shown.
    first: Load<Page>,
    kept: StoredValue<Kept>,
    status: RwSignal<Status>,
}

/// The stories after the first page and the reader's place: read when needed, never watched.
#[derive(Default)]
struct Kept {
    /// Whether the first page was asked for or adopted.
    started: bool,
    stories: Loaded,
    /// Every page URL fetched: a `next_url` that points back to one of them would loop.
    visited: HashSet<String>,
    /// Where the reader was in the feed when they last left it.
    scroll_y: f64,
    /// Set by a Back or Forward that leads to the feed: only those restore the scroll position.
    moved_in_history: bool,
    /// True while the feed is on screen.
    shown: bool,
}

/// What the feed's controls show.
#[derive(Default)]
struct Status {
    /// New stories found since the first page loaded, not yet shown: the reader chooses when.
    pending: Vec<FeedItem>,
    /// The next page to load, once a later page has said; until then the first page's.
    next: Option<Option<String>>,
    loading: bool,
    error: Option<FetchError>,
    /// Why the last look for new stories failed; the stories shown stay.
    refresh_error: Option<FetchError>,
}

impl FeedStore {
    /// Called once by the app, before it listens to history itself, so that this store hears
    /// of history moves before the page they lead to is drawn.
    pub fn provide() -> FeedStore {
        let store = FeedStore {
            first: Load::waiting(api::fetch_first_feed_page),
            kept: StoredValue::new(Kept::default()),
            status: RwSignal::new(Status::default()),
        };
        // Scroll restoration is manual (see `browser::on_history_move`): the feed gets back its
        // position; any other page starts at its top.
        browser::on_history_move(move || {
            store.remember_place();
            let to_feed = browser::current_path() == routes::ALL_NEWS;
            store.kept.update_value(|k| k.moved_in_history = to_feed);
            if !to_feed {
                browser::scroll_to_after_layout(0.0);
            }
        });
        provide_context(store);
        store
    }

    /// Notes where the reader is in the feed, if it is on screen, before they leave it.
    pub fn remember_place(&self) {
        self.kept.update_value(|k| {
            if k.shown {
                k.scroll_y = browser::scroll_y();
            }
        });
    }

    /// The first page, fetched the first time All News is shown and kept after that.
    fn first_page(&self) -> Load<Page> {
        if !self.kept.with_value(|k| k.started) {
            self.kept.update_value(|k| k.started = true);
            self.first.ask();
        }
        self.first
    }

    /// Starts from the first page a pre-rendered page carried, instead of fetching it.
    fn adopt_first_page(&self, page: Page) {
        self.kept.update_value(|k| k.started = true);
        self.first.adopt(page);
    }

    /// The item with this id among the pages already loaded.
    pub fn loaded_item(&self, id: &str) -> Option<FeedItem> {
        let in_first = self.first.with_answer(|page| match page {
            Some(Ok(page)) => page.feed.items.iter().find(|i| i.id == id).cloned(),
            _ => None,
        });
        in_first.or_else(|| self.kept.with_value(|k| k.stories.find(id).cloned()))
    }

    /// Fetches the first page again and keeps aside the stories that are not shown yet. A
    /// failure is said quietly beside the stories, which stay.
    fn check_for_new(self) {
        if !browser::page_visible() {
            return;
        }
        spawn_local(async move {
            match api::fetch_first_feed_page().await {
                Ok(latest) => {
                    let Some(mut fresh) = self
                        .kept
                        .try_update_value(|k| k.stories.unseen(latest.feed.items))
                    else {
                        return;
                    };
                    self.status.update(|s| {
                        s.refresh_error = None;
                        fresh.append(&mut s.pending);
                        s.pending = fresh;
                    });
                }
                Err(error) => self.status.update(|s| s.refresh_error = Some(error)),
            }
        });
    }

    /// Moves the new stories the reader asked for above the others; returns them.
    fn show_new(&self) -> Vec<FeedItem> {
        let pending = self.status.try_update(|s| std::mem::take(&mut s.pending));
        let pending = pending.unwrap_or_default();
        self.kept.update_value(|k| k.stories.show_new(&pending));
        pending
    }

    /// Whether there is a page after the last one loaded; tracked.
    fn has_next(&self, first: &Page) -> bool {
        self.status.track();
        self.has_next_untracked(first)
    }

    fn has_next_untracked(&self, first: &Page) -> bool {
        self.status.with_untracked(|s| match &s.next {
            Some(next) => next.is_some(),
            None => first.next.is_some(),
        })
    }

    /// Loads the page after the last one loaded, unless one is loading already; `on_loaded`
    /// gets the stories it added.
    fn load_more(self, first: &Page, on_loaded: impl FnOnce(Vec<FeedItem>) + 'static) {
        let url = self.status.with_untracked(|s| {
            let next = s.next.as_ref().map_or(first.next.as_ref(), Option::as_ref);
            next.filter(|_| !s.loading).cloned()
        });
        let Some(url) = url else {
            return;
        };
        let first_url = first.url.clone();
        self.status.update(|s| {
            s.loading = true;
            s.error = None;
        });
        spawn_local(async move {
            match api::fetch_feed_page(&url).await {
                Ok(page) => {
                    let Page {
                        feed,
                        url: page_url,
                        next,
                    } = page;
                    let Some((added, next)) = self.kept.try_update_value(|k| {
                        k.visited.extend([first_url, url, page_url]);
                        let unvisited = next.filter(|n| !k.visited.contains(n));
                        (k.stories.add_page(feed.items), unvisited)
                    }) else {
                        return;
                    };
                    // The status first: a narrowed view that found too few may ask for the next.
                    self.status.update(|s| {
                        s.next = Some(next);
                        s.loading = false;
                    });
                    on_loaded(added);
                }
                Err(e) => self.status.update(|s| {
                    s.error = Some(e);
                    s.loading = false;
                }),
            }
        });
    }
}

/// What All News is narrowed to: one section (`?section=`), one tag (`?tag=`), or neither.
#[derive(Clone, Default)]
struct Narrowing {
    section: Option<String>,
    tag: Option<String>,
}

impl Narrowing {
    fn is_narrowed(&self) -> bool {
        self.section.is_some() || self.tag.is_some()
    }

    /// The stories among `items` that belong here.
    fn keep(&self, items: Vec<FeedItem>) -> Vec<FeedItem> {
        let (section, tag) = (self.section.as_deref(), self.tag.as_deref());
        items
            .into_iter()
            .filter(|i| section.is_none_or(|s| i.section() == Some(s)))
            .filter(|i| tag.is_none_or(|t| i.tags.iter().any(|own| own == t)))
            .collect()
    }
}

/// All News: the feed's items by day, optionally narrowed to one section (`?section=`) or
/// one tag (`?tag=`).
#[component]
pub fn AllNewsPage(section: Option<String>, tag: Option<String>) -> impl IntoView {
    let store = expect_context::<FeedStore>();
    let first = store.first_page();
    let origin = browser::page_origin();
    let head = match &tag {
        Some(name) => seo::listing_head(name, &routes::tag(name), &origin),
        None => seo::feed_head(section.as_deref(), &origin),
    };
    browser::set_page_head(&head);
    let narrowing = Narrowing {
        section: section.clone(),
        tag: tag.clone(),
    };
    view! {
        <FeedView section tag>
            {move || match first.answer() {
                None => FeedSkeleton().into_any(),
                Some(Ok(page)) => {
                    let narrowing = narrowing.clone();
                    view! { <AllNewsPages first=page store narrowing/> }.into_any()
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
fn AllNewsPages(first: Page, store: FeedStore, narrowing: Narrowing) -> impl IntoView {
    let back_to = store
        .kept
        .try_update_value(|k| std::mem::take(&mut k.moved_in_history).then_some(k.scroll_y));
    if let Some(y) = back_to.flatten() {
        browser::scroll_to_after_layout(y);
    }
    let all = store.kept.with_value(|k| k.stories.all(&first.feed.items));
    let sections = sections(&all);
    let items = narrowing.keep(all);
    let Narrowing { section, tag } = narrowing.clone();
    let expired = first.feed.expired;
    super::show_publication(first.feed.publication.clone());
    let (new_stories, more) = live_controls(store, first, narrowing);
    view! { <FeedContent items sections section tag new_stories more expired/> }
}

/// All News as the pre-render drew it, taken over where it stands: the store starts from the
/// page the HTML carried, and the live controls go where the pre-render's stand-ins are. No
/// story is drawn again and nothing is fetched until the reader acts.
#[component]
pub fn AdoptedAllNewsPage(first: Page, section: Option<String>) -> impl IntoView {
    let store = expect_context::<FeedStore>();
    store.adopt_first_page(first.clone());
    let expired = first.feed.expired;
    let narrowing = Narrowing { section, tag: None };
    let (new_stories, more) = live_controls(store, first, narrowing);
    browser::replace_with_view(".feed__pages > .new-stories", new_stories);
    browser::replace_with_view(".feed__pages > .feed__more", more);
    browser::relabel_times_in_main();
    if !expired {
        browser::on_first_action(move || store.check_for_new());
    }
}

/// The new-stories prompt and the feed's foot, working: both the app's page and an adopted
/// one have them. The feed looks for new stories while it is shown, unless its publisher has
/// ended it.
fn live_controls(store: FeedStore, first: Page, narrowing: Narrowing) -> (AnyView, AnyView) {
    let (kept, status) = (store.kept, store.status);
    // Stories added later are drawn under this page's owner: they live as long as it does.
    let owner = Owner::current().unwrap_or_default();
    kept.update_value(|k| {
        k.stories.know(&first.feed.items);
        k.shown = true;
    });
    on_cleanup(move || kept.update_value(|k| k.shown = false));
    let poll = (!first.feed.expired)
        .then(|| set_interval_with_handle(move || store.check_for_new(), NEW_STORIES_EVERY).ok())
        .flatten();
    if let Some(poll) = poll {
        on_cleanup(move || poll.clear());
    }
    let show_new = {
        let (narrowing, owner) = (narrowing.clone(), owner.clone());
        move || {
            let new = narrowing.keep(store.show_new());
            owner.with(|| add_stories(new, true, false));
            browser::scroll_to_after_layout(0.0);
        }
    };
    let new_stories = view! {
        <NewStoriesPrompt count=Signal::derive(move || status.with(|s| s.pending.len())) on_show=show_new/>
        {move || status.with(|s| s.refresh_error.clone()).map(|e| {
            view! { <RefreshNotice message=e.message() detail=e.detail() on_retry=move || store.check_for_new()/> }
        })}
    }
    .into_any();

    let load_more = {
        let first = first.clone();
        move || load_narrowed(store, first.clone(), narrowing.clone(), owner.clone(), 0)
    };
    let has_next = Signal::derive(move || store.has_next(&first));
    let loading = Signal::derive(move || status.with(|s| s.loading));
    let error = Signal::derive(move || {
        status.with(|s| s.error.as_ref().map(|e| (e.message(), e.detail())))
    });
    let more = view! { <FeedMore has_next loading error on_more=load_more/> }.into_any();
    (new_stories, more)
}

/// Loads the next page and adds its stories that belong here. A narrowed view goes on along
/// `next_url` until it has added a page's worth of stories (as many as the first page has) or
/// the feed ends: a rare tag's stories may be pages apart, and Load more that adds nothing
/// looks broken. `shown` counts the stories this press of the button has added so far.
fn load_narrowed(store: FeedStore, first: Page, narrowing: Narrowing, owner: Owner, shown: usize) {
    let next_first = first.clone();
    store.load_more(&first, move |new| {
        let added = narrowing.keep(new);
        let shown_now = shown + added.len();
        // A keyboard reader who asked for more goes on reading from the first story that
        // came: otherwise focus would stay below the new stories, or be lost with the button.
        owner.with(|| add_stories(added, false, shown == 0));
        let enough = next_first.feed.items.len().max(1);
        let has_next = store.has_next_untracked(&next_first);
        if narrowing.is_narrowed() && shown_now < enough && has_next {
            load_narrowed(store, next_first, narrowing, owner, shown_now);
        }
    });
}

/// Adds stories to the list on the page, newest first (`at_top`) or after the others, without
/// drawing again what is shown: they are drawn by day apart from the page, then a day already
/// on the page takes its new stories, and a new day comes whole. The reader's focus and place
/// stay where they are, unless `focus_first` moves focus to the first of them.
fn add_stories(items: Vec<FeedItem>, at_top: bool, focus_first: bool) {
    if items.is_empty() {
        return;
    }
    browser::merge_days_into(
        FEED_LIST_ID,
        at_top,
        focus_first,
        view! { <FeedList items/> },
    );
}
