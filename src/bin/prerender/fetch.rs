//! Where the documents come from, and the one policy for a document that cannot be read:
//! every request has a deadline, a failure that may pass is tried again after a short pause,
//! and what still fails is reported to the caller, which skips it with a warning (or, for the
//! feed's first page, gives up: nothing could be read).

use super::files::read;
use broadsheet::model::{Feed, FeedItem};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;
use url::Url;

/// How long one request may take, from connecting to the last byte of its body: the app's own
/// limit for a reader (`api.rs`), unless `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Tries after the first: enough to ride out a restart or a brief overload, few enough that a
/// dead API fails the run in seconds, not minutes.
const RETRIES: u32 = 2;

/// The pause before the first retry, doubled before each next one.
const BACKOFF: Duration = Duration::from_millis(250);

/// More feed pages than any deployment pre-renders: a `next_url` chain longer than this is
/// taken for a loop the visited-list did not catch.
const MAX_FEED_PAGES: usize = 1_000;

pub struct FeedPages {
    /// The first page, which All News shows and its sections come from: what it says of the
    /// feed (ended by its publisher, and whose it is) is the feed's word.
    pub first: Feed,
    /// The first page as the API sent it: the pre-rendered listings carry it to the app.
    pub first_json: String,
    /// Whether the first page has a next one: All News then offers Load more.
    pub more: bool,
    /// Every item of every page read, each once.
    pub items: Vec<FeedItem>,
    /// Whether every page was read: only then is a story missing from `items` known to be
    /// gone from the feed.
    pub complete: bool,
}

/// A base URL, over HTTP(S), or a directory, read as the same `file:` URL so that links
/// between documents resolve the same way.
pub struct Api {
    pub base: Url,
    /// For a directory: nothing outside it is read, whatever a document links to.
    root: Option<PathBuf>,
    agent: ureq::Agent,
}

impl Api {
    pub fn new(api: Option<&str>, dist: &Path, timeout: Duration) -> Result<Api, String> {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .build()
            .into();
        let remote = api.filter(|a| a.starts_with("http://") || a.starts_with("https://"));
        if let Some(url) = remote {
            let with_slash = format!("{}/", url.trim_end_matches('/'));
            let base = Url::parse(&with_slash).map_err(|e| format!("--api {url}: {e}"))?;
            return Ok(Api {
                base,
                root: None,
                agent,
            });
        }
        let dir = api.map_or_else(|| dist.join("api"), PathBuf::from);
        let root = dir
            .canonicalize()
            .map_err(|e| format!("the API directory {}: {e}", dir.display()))?;
        let base = Url::from_directory_path(&root)
            .map_err(|()| format!("the API directory {} has no file URL", root.display()))?;
        Ok(Api {
            base,
            root: Some(root),
            agent,
        })
    }

    /// Every item of the feed, page after page along `next_url`, each page once; and the
    /// first page as All News first shows it. Only the first page is needed: a later one
    /// that cannot be read ends the walk with a warning, and the feed is then incomplete.
    pub fn feed(&self) -> Result<FeedPages, String> {
        let first_url = self
            .base
            .join(broadsheet::browser::FEED_DOCUMENT)
            .map_err(|e| e.to_string())?;
        let first_json = self.get(&first_url)?;
        let first = Feed::parse(&first_json).map_err(|e| format!("{first_url}: {e}"))?;
        let mut next = first
            .next_url
            .as_ref()
            .and_then(|n| first_url.join(n.as_str()).ok());
        let first_items = first.items.clone();
        let mut pages = FeedPages {
            first,
            first_json,
            // As the app decides whether to offer Load more.
            more: next.as_ref().is_some_and(|n| *n != first_url),
            items: Vec::new(),
            complete: true,
        };
        let mut seen = HashSet::new();
        let mut take = |items: Vec<FeedItem>, pages: &mut FeedPages| {
            for item in items {
                if seen.insert(item.id.clone()) {
                    pages.items.push(item);
                }
            }
        };
        take(first_items, &mut pages);
        let mut visited = HashSet::from([first_url]);
        while let Some(url) = next.take() {
            if visited.contains(&url) {
                break;
            }
            if visited.len() == MAX_FEED_PAGES {
                pages.complete = false;
                crate::warn(&format!(
                    "the feed has more than {MAX_FEED_PAGES} pages; the rest is not read"
                ));
                break;
            }
            let page = self
                .get(&url)
                .and_then(|json| Feed::parse(&json).map_err(|e| format!("{url}: {e}")));
            let page = match page {
                Ok(page) => page,
                Err(why) => {
                    pages.complete = false;
                    crate::warn(&format!("feed page skipped, and the pages after it: {why}"));
                    break;
                }
            };
            next = page
                .next_url
                .as_ref()
                .and_then(|n| url.join(n.as_str()).ok());
            take(page.items, &mut pages);
            visited.insert(url);
        }
        Ok(pages)
    }

    /// An item's `_broadsheet.article` is relative to the API base, as the app reads it.
    pub fn document_url(&self, link: &str) -> Result<Url, String> {
        self.base.join(link).map_err(|e| format!("{link}: {e}"))
    }

    /// The document at `url`, as text; the error names the URL and what went wrong.
    pub fn get(&self, url: &Url) -> Result<String, String> {
        match (url.scheme(), &self.root) {
            ("file", Some(root)) => {
                let path = url
                    .to_file_path()
                    .map_err(|()| format!("{url} is not a file"))?;
                if !path.starts_with(root) {
                    return Err(format!("{url} is outside the API directory"));
                }
                read(&path)
            }
            ("http" | "https", _) => self.get_http(url),
            _ => Err(format!("{url}: not a document this API can serve")),
        }
    }

    fn get_http(&self, url: &Url) -> Result<String, String> {
        let mut pause = BACKOFF;
        let mut attempt = 0;
        loop {
            let answer = self
                .agent
                .get(url.as_str())
                .call()
                .and_then(|mut response| response.body_mut().read_to_string());
            match answer {
                Ok(text) => return Ok(text),
                Err(e) if attempt < RETRIES && may_pass(&e) => {
                    std::thread::sleep(pause);
                    pause *= 2;
                    attempt += 1;
                }
                Err(e) => {
                    let tries = match attempt {
                        0 => String::new(),
                        n => format!(" (tried {} times)", n + 1),
                    };
                    return Err(format!("{url}: {e}{tries}"));
                }
            }
        }
    }
}

/// Whether the same request might succeed a moment later: the server's own trouble (5xx),
/// being asked to slow down (429), or the connection failing; never an answer about the
/// document itself, like 404, which a retry would only repeat.
fn may_pass(error: &ureq::Error) -> bool {
    use ureq::Error;
    match error {
        Error::StatusCode(code) => *code >= 500 || *code == 429,
        Error::Timeout(_)
        | Error::Io(_)
        | Error::ConnectionFailed
        | Error::HostNotFound
        | Error::Protocol(_)
        | Error::BodyStalled => true,
        _ => false,
    }
}
