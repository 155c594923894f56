//! All fetching lives here: where each document is, how long we wait for it, and what a failure
//! means to the reader. Pages ask for typed content and get it or a [`FetchError`].

use crate::browser;
use crate::model::{append_new_items, Article, Feed, FeedItem, SafeUrl, StoryCard};
use crate::{routes, strings};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// A response slower than this is abandoned: a reader should see a message, not a spinner
/// that never ends.
pub const TIMEOUT_MS: u32 = 10_000;

#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request never got an answer (offline, DNS, CORS, connection reset).
    Network,
    Timeout,
    /// Cancelled by us: the reader went elsewhere before the answer came.
    Cancelled,
    NotFound,
    /// Any other non-success status.
    Status(u16),
    /// The body was not the document we asked for.
    Parse(String),
}

impl FetchError {
    /// What the reader is told.
    pub fn message(&self) -> &'static str {
        match self {
            FetchError::Network => strings::ERROR_NETWORK,
            FetchError::Timeout => strings::ERROR_TIMEOUT,
            FetchError::Cancelled => strings::ERROR_CANCELLED,
            FetchError::NotFound => strings::NOT_FOUND_TEXT,
            FetchError::Status(_) => strings::ERROR_SERVER,
            FetchError::Parse(_) => strings::ERROR_PARSE,
        }
    }

    /// What a developer looking at the page needs to know, shown in smaller print.
    pub fn detail(&self) -> Option<String> {
        match self {
            FetchError::Status(code) => Some(format!("HTTP {code}")),
            FetchError::Parse(why) => Some(why.clone()),
            _ => None,
        }
    }
}

/// The URL of the API's base, resolved against the page so relative bases work.
fn api_url(path: &str) -> String {
    let base = browser::api_base();
    let base = web_sys::Url::new_with_base(&base, &page_href())
        .map(|u| u.href())
        .unwrap_or(base);
    resolve(path, &base).unwrap_or_else(|| format!("{base}{path}"))
}

fn page_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Resolves `url` the way a browser resolves a link found in the document at `base`.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|u| u.href())
}

/// GETs a URL, giving up after [`TIMEOUT_MS`] or when `cancel` fires; returns the body and
/// the final URL.
async fn get_text(url: &str, cancel: Option<&AbortSignal>) -> Result<(String, String), FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let deadline = Deadline::new(&window, cancel).ok_or(FetchError::Network)?;
    let failure = || {
        if cancel.is_some_and(AbortSignal::aborted) {
            FetchError::Cancelled
        } else if deadline.timeout.aborted() {
            FetchError::Timeout
        } else {
            FetchError::Network
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&deadline.signal));
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| failure())?
        .unchecked_into();
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(FetchError::NotFound),
        code => return Err(FetchError::Status(code)),
    }
    let final_url = response.url();
    let body = JsFuture::from(response.text().map_err(|_| failure())?)
        .await
        .map_err(|_| failure())?
        .as_string()
        .unwrap_or_default();
    let final_url = if final_url.is_empty() {
        url.to_owned()
    } else {
        final_url
    };
    Ok((body, final_url))
}

/// What abandons a request: `signal` fires after [`TIMEOUT_MS`] or when the reader's cancel
/// signal does, and `timeout` only when the time is up. Browsers without `AbortSignal.timeout`
/// or `AbortSignal.any` (Safari before 17.4, Firefox before 124) would throw on them and never
/// fetch; there a timer and a listener abort controllers instead, and are undone on drop, so
/// nothing fires into a request that has ended.
struct Deadline {
    signal: AbortSignal,
    timeout: AbortSignal,
    timer: Option<(i32, Closure<dyn FnMut()>)>,
    follower: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl Deadline {
    fn new(window: &web_sys::Window, cancel: Option<&AbortSignal>) -> Option<Self> {
        let mut timer = None;
        let timeout = if abort_signal_has("timeout") {
            AbortSignal::timeout_with_u32(TIMEOUT_MS)
        } else {
            let (controller, abort) = aborter()?;
            let id = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    abort.as_ref().unchecked_ref(),
                    TIMEOUT_MS as i32,
                )
                .ok()?;
            timer = Some((id, abort));
            controller.signal()
        };
        let mut follower = None;
        let signal = match cancel {
            None => timeout.clone(),
            Some(cancel) if abort_signal_has("any") => {
                AbortSignal::any(&js_sys::Array::of2(&timeout, cancel))
            }
            Some(cancel) => {
                let (controller, abort) = aborter()?;
                for source in [&timeout, cancel] {
                    let _ = source
                        .add_event_listener_with_callback("abort", abort.as_ref().unchecked_ref());
                }
                if cancel.aborted() {
                    controller.abort();
                }
                follower = Some((cancel.clone(), abort));
                controller.signal()
            }
        };
        Some(Deadline {
            signal,
            timeout,
            timer,
            follower,
        })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some((id, _)), Some(window)) = (&self.timer, web_sys::window()) {
            window.clear_timeout_with_handle(*id);
        }
        if let Some((cancel, abort)) = &self.follower {
            for source in [&self.timeout, cancel] {
                let _ = source
                    .remove_event_listener_with_callback("abort", abort.as_ref().unchecked_ref());
            }
        }
    }
}

/// A fresh controller, and a callback that aborts it.
fn aborter() -> Option<(web_sys::AbortController, Closure<dyn FnMut()>)> {
    let controller = web_sys::AbortController::new().ok()?;
    let abort = controller.clone();
    Some((controller, Closure::new(move || abort.abort())))
}

/// Whether this browser's `AbortSignal` has the static method `name`.
fn abort_signal_has(name: &str) -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("AbortSignal"))
        .and_then(|class| js_sys::Reflect::has(&class, &JsValue::from_str(name)))
        .unwrap_or(false)
}

/// One page of the feed, and the resolved URL of the page after it, if any.
#[derive(Clone, Debug)]
pub struct FeedPage {
    pub feed: Feed,
    /// Where this page was finally fetched from, after redirects.
    pub url: String,
    pub next: Option<String>,
}

/// The first page of All News.
pub async fn fetch_first_feed_page() -> Result<FeedPage, FetchError> {
    fetch_feed_page(&api_url(FIRST_FEED_PAGE)).await
}

const FIRST_FEED_PAGE: &str = browser::FEED_DOCUMENT;

pub async fn fetch_feed_page(url: &str) -> Result<FeedPage, FetchError> {
    let (body, final_url) = get_text(url, None).await?;
    feed_page(&body, final_url)
}

/// The first page of All News from the text the pre-render put in the page: the document the
/// app would have fetched, read as if it had.
pub fn adopted_first_feed_page(body: &str) -> Result<FeedPage, FetchError> {
    feed_page(body, api_url(FIRST_FEED_PAGE))
}

fn feed_page(body: &str, url: String) -> Result<FeedPage, FetchError> {
    let feed = Feed::parse(body).map_err(|e| FetchError::Parse(e.to_string()))?;
    let next = feed
        .next_url
        .as_ref()
        .and_then(|n| resolve(n.as_str(), &url));
    Ok(FeedPage { feed, url, next })
}

/// An article document, fetched or carried by a pre-rendered page.
pub fn parse_article(body: &str) -> Result<Article, FetchError> {
    Article::parse(body).map_err(|e| FetchError::Parse(e.to_string()))
}

/// Walks the feed from its first page, following `next_url` for at most `max_pages` pages,
/// until `want` items that `keep` accepts are found. A `next_url` back to a page already read
/// ends the walk, and so does a later page that fails: the items found are still worth
/// showing. Only a first page that fails is an error.
pub async fn fetch_feed_items(
    want: usize,
    max_pages: usize,
    keep: impl Fn(&FeedItem) -> bool,
) -> Result<Vec<FeedItem>, FetchError> {
    let mut page = fetch_first_feed_page().await?;
    let mut visited = vec![page.url.clone()];
    let mut found = Vec::new();
    for read in 1..=max_pages {
        let kept = page.feed.items.into_iter().filter(|i| keep(i)).collect();
        append_new_items(&mut found, kept);
        if found.len() >= want || read == max_pages {
            break;
        }
        let Some(next) = page.next.filter(|n| !visited.contains(n)) else {
            break;
        };
        let Ok(later) = fetch_feed_page(&next).await else {
            break;
        };
        visited.extend([next, later.url.clone()]);
        page = later;
    }
    found.truncate(want);
    Ok(found)
}

/// Where an article document is: the feed item's `_broadsheet.article` (relative to the API
/// base) when the item is known, else `articles/<id>.json`. An id from the address bar may be
/// anything: it is encoded so that it can only ever name a file in `articles/`.
pub enum ArticleSource<'a> {
    Id(&'a str),
    Document(&'a SafeUrl),
}

/// Fetches and parses an article document; `cancel` abandons the request.
pub async fn fetch_article(
    source: ArticleSource<'_>,
    cancel: Option<AbortSignal>,
) -> Result<Article, FetchError> {
    let body = fetch_article_document(source, cancel).await?;
    parse_article(&body)
}

/// How many pages of the feed are searched for a story that has no article document at
/// `articles/<id>.json`, such as another publisher's item.
pub const STORY_SEARCH_PAGES: usize = 5;

/// The story an address names, as the site's article page shows it: see [`fetch_story`].
/// `known` is its feed item when the reader has already loaded it.
pub async fn fetch_article_by_id(
    id: &str,
    known: Option<FeedItem>,
    cancel: Option<AbortSignal>,
) -> Result<Article, FetchError> {
    let from_item = |item: &FeedItem| item.to_article(strings::ORIGINAL_STORY, routes::article);
    fetch_story(id, known, cancel, parse_article, from_item).await
}

/// The story an address names, as a partner's card shows it: see [`fetch_story`]. An embed
/// needs no more than the card, and carries no parser for the body.
pub async fn fetch_story_card(id: &str) -> Result<StoryCard, FetchError> {
    let read = |body: &str| StoryCard::parse(body).map_err(|e| FetchError::Parse(e.to_string()));
    fetch_story(id, None, None, read, FeedItem::to_card).await
}

/// Finds a story by id the one way the site and the embeds share, so an address opens the same
/// story in both: its feed item when known, else its document at `articles/<id>.json`, else its
/// item searched for in the feed's first [`STORY_SEARCH_PAGES`] pages. An item with an article
/// document (`_broadsheet.article`) is read from that document; another publisher's item,
/// which has none, is built from the item itself.
async fn fetch_story<T>(
    id: &str,
    known: Option<FeedItem>,
    cancel: Option<AbortSignal>,
    read: impl Fn(&str) -> Result<T, FetchError>,
    from_item: impl Fn(&FeedItem) -> T,
) -> Result<T, FetchError> {
    let item = match known {
        Some(item) => item,
        None => match fetch_article_document(ArticleSource::Id(id), cancel.clone()).await {
            Err(FetchError::NotFound) => fetch_feed_items(1, STORY_SEARCH_PAGES, |i| i.id == id)
                .await?
                .into_iter()
                .next()
                .ok_or(FetchError::NotFound)?,
            found => return read(&found?),
        },
    };
    match item.broadsheet.as_ref().and_then(|b| b.article.as_ref()) {
        Some(document) => {
            read(&fetch_article_document(ArticleSource::Document(document), cancel).await?)
        }
        None => Ok(from_item(&item)),
    }
}

/// An article document's text, unread.
pub async fn fetch_article_document(
    source: ArticleSource<'_>,
    cancel: Option<AbortSignal>,
) -> Result<String, FetchError> {
    let url = match source {
        ArticleSource::Id(id) if id.trim().is_empty() => return Err(FetchError::NotFound),
        ArticleSource::Id(id) => {
            let encoded = String::from(js_sys::encode_uri_component(id));
            api_url(&format!("articles/{encoded}.json"))
        }
        ArticleSource::Document(url) => api_url(url.as_str()),
    };
    let (body, _) = get_text(&url, cancel.as_ref()).await?;
    Ok(body)
}
