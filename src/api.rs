//! All fetching lives here: where each document is, how long we wait for it, and what a failure
//! means to the reader. Pages ask for typed content and get it or a [`FetchError`].

use crate::browser;
use crate::browser::{Answer, Cancel, Stopped};
use crate::model::{append_new_items, Article, Feed, FeedItem, Publication, SafeUrl, StoryCard};
use crate::{routes, strings};

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
    let base = browser::resolve(&base, &browser::page_href()).unwrap_or(base);
    browser::resolve(path, &base).unwrap_or_else(|| format!("{base}{path}"))
}

/// GETs a URL, giving up after [`TIMEOUT_MS`] or when `cancel` is called off; returns the body
/// and the final URL.
async fn get_text(url: &str, cancel: Option<&Cancel>) -> Result<(String, String), FetchError> {
    match browser::get(url, cancel, TIMEOUT_MS).await {
        Ok(Answer::Text {
            text,
            url: final_url,
        }) if final_url.is_empty() => Ok((text, url.to_owned())),
        Ok(Answer::Text { text, url }) => Ok((text, url)),
        Ok(Answer::Status(404 | 410)) => Err(FetchError::NotFound),
        Ok(Answer::Status(code)) => Err(FetchError::Status(code)),
        Err(Stopped::Network) => Err(FetchError::Network),
        Err(Stopped::TimedOut) => Err(FetchError::Timeout),
        Err(Stopped::Cancelled) => Err(FetchError::Cancelled),
    }
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
    feed_page_at(&api_url(FIRST_FEED_PAGE), None).await
}

const FIRST_FEED_PAGE: &str = browser::FEED_DOCUMENT;

pub async fn fetch_feed_page(url: &str) -> Result<FeedPage, FetchError> {
    feed_page_at(url, None).await
}

async fn feed_page_at(url: &str, cancel: Option<&Cancel>) -> Result<FeedPage, FetchError> {
    let (body, final_url) = get_text(url, cancel).await?;
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
        .and_then(|n| browser::resolve(n.as_str(), &url));
    Ok(FeedPage { feed, url, next })
}

/// An article document, fetched or carried by a pre-rendered page.
pub fn parse_article(body: &str) -> Result<Article, FetchError> {
    Article::parse(body).map_err(|e| FetchError::Parse(e.to_string()))
}

/// Stories found in the feed, and who publishes it when that is not Broadsheet.
pub struct Found {
    pub items: Vec<FeedItem>,
    pub publication: Option<Publication>,
}

/// Walks the feed from its first page, following `next_url` for at most `max_pages` pages,
/// until `want` items that `keep` accepts are found. A `next_url` back to a page already read
/// ends the walk, and so does a later page that fails: the items found are still worth
/// showing. Only a first page that fails is an error, and a walk called off by `cancel`.
pub async fn fetch_feed_items(
    want: usize,
    max_pages: usize,
    keep: impl Fn(&FeedItem) -> bool,
    cancel: Option<&Cancel>,
) -> Result<Found, FetchError> {
    let mut page = feed_page_at(&api_url(FIRST_FEED_PAGE), cancel).await?;
    // The first page's word, as All News takes it.
    let publication = page.feed.publication.take();
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
        let later = match feed_page_at(&next, cancel).await {
            Ok(later) => later,
            Err(FetchError::Cancelled) => return Err(FetchError::Cancelled),
            Err(_) => break,
        };
        visited.extend([next, later.url.clone()]);
        page = later;
    }
    found.truncate(want);
    Ok(Found {
        items: found,
        publication,
    })
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
    cancel: Option<Cancel>,
) -> Result<Article, FetchError> {
    let body = fetch_article_document(source, cancel).await?;
    parse_article(&body)
}

/// How many pages of the feed are searched for a story that has no article document at
/// `articles/<id>.json`, such as another publisher's item.
pub const STORY_SEARCH_PAGES: usize = 5;

/// The story an address names, as the site's article page shows it, and its publisher when
/// it was found in another publisher's feed: see [`fetch_story`]. `known` is its feed item
/// when the reader has already loaded it.
pub async fn fetch_article_by_id(
    id: &str,
    known: Option<FeedItem>,
    cancel: Option<Cancel>,
) -> Result<(Article, Option<Publication>), FetchError> {
    let from_item = |item: &FeedItem| item.to_article(strings::ORIGINAL_STORY, routes::article);
    fetch_story(id, known, cancel, parse_article, from_item).await
}

/// The story an address names, as a partner's card shows it: see [`fetch_story`]. An embed
/// needs no more than the card, and carries no parser for the body.
pub async fn fetch_story_card(id: &str) -> Result<StoryCard, FetchError> {
    let read = |body: &str| StoryCard::parse(body).map_err(|e| FetchError::Parse(e.to_string()));
    let (card, _) = fetch_story(id, None, None, read, FeedItem::to_card).await?;
    Ok(card)
}

/// Finds a story by id the one way the site and the embeds share, so an address opens the same
/// story in both: its feed item when known, else its document at `articles/<id>.json`, else its
/// item searched for in the feed's first [`STORY_SEARCH_PAGES`] pages. An item with an article
/// document (`_broadsheet.article`) is read from that document; another publisher's item,
/// which has none, is built from the item itself. A story searched for comes with the feed's
/// publisher, if not Broadsheet.
async fn fetch_story<T>(
    id: &str,
    known: Option<FeedItem>,
    cancel: Option<Cancel>,
    read: impl Fn(&str) -> Result<T, FetchError>,
    from_item: impl Fn(&FeedItem) -> T,
) -> Result<(T, Option<Publication>), FetchError> {
    let (item, publication) = match known {
        Some(item) => (item, None),
        None => match fetch_article_document(ArticleSource::Id(id), cancel.clone()).await {
            Err(FetchError::NotFound) => {
                let found =
                    fetch_feed_items(1, STORY_SEARCH_PAGES, |i| i.id == id, cancel.as_ref())
                        .await?;
                let item = found.items.into_iter().next();
                (item.ok_or(FetchError::NotFound)?, found.publication)
            }
            found => return Ok((read(&found?)?, None)),
        },
    };
    let story = match item.broadsheet.as_ref().and_then(|b| b.article.as_ref()) {
        Some(document) => {
            read(&fetch_article_document(ArticleSource::Document(document), cancel).await?)?
        }
        None => from_item(&item),
    };
    Ok((story, publication))
}

/// An article document's text, unread.
pub async fn fetch_article_document(
    source: ArticleSource<'_>,
    cancel: Option<Cancel>,
) -> Result<String, FetchError> {
    let url = match source {
        ArticleSource::Id(id) if id.trim().is_empty() => return Err(FetchError::NotFound),
        ArticleSource::Id(id) => {
            let encoded = routes::percent_encode(id, routes::PATH_SEGMENT);
            api_url(&format!("articles/{encoded}.json"))
        }
        ArticleSource::Document(url) => api_url(url.as_str()),
    };
    let (body, _) = get_text(&url, cancel.as_ref()).await?;
    Ok(body)
}
