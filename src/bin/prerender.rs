//! Pre-renders All News and every article of the feed to static HTML in a built site, so that crawlers,
//! link previews and readers on slow phones get the page without running the app. Run after
//! `trunk build --release`:
//!
//! ```sh
//! cargo run --locked --bin prerender -- [--dist DIR] [--api URL-or-DIR] [--site URL]
//! ```
//!
//! - `--dist`: the built site (default `dist`). All News goes to `index.html` and each article
//!   to `news/<id>/index.html`; Trunk's page is kept as `app-shell.html`, the fallback for
//!   every path without a page of its own. Running it again starts from that shell.
//! - `--api`: where the feed and the article documents are read (default: the site's own
//!   bundled sample, `DIST/api`).
//! - `--site`: the public origin, e.g. `https://news.example`, which makes the documents'
//!   relative URLs absolute in the link-preview tags. Without it they stay relative.
//!
//! The pages are the app's own components rendered natively, in the app's frame, so the app
//! can take the page over without a visible change (docs/adr/0004-prerender-takeover.md).
// Leptos views are deeply nested types; the whole article view needs a deeper limit.
#![recursion_limit = "256"]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match native::run(std::env::args().skip(1).collect()) {
        Ok(summary) => println!("{summary}"),
        Err(error) => {
            eprintln!("prerender: {error}");
            std::process::exit(1);
        }
    }
}

/// `cargo test --target wasm32-unknown-unknown` builds every binary of the crate; this one
/// has nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use broadsheet::browser::{APP_ROOT_ID, PRERENDERED_ID, PAGE_HEAD_MARK};
    use broadsheet::components::{
        ArticleView, BackToAllNews, FeedList, NewStoriesPrompt, SectionNav, SiteFrame,
    };
    use broadsheet::model::{sections, Article, Feed, FeedItem};
    use broadsheet::seo::{self, MetaKey, PageHead};
    use broadsheet::{routes, strings};
    use leptos::prelude::*;
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};
    use url::Url;

    /// More feed pages than any deployment pre-renders: a `next_url` chain longer than this is
    /// taken for a loop the visited-list did not catch.
    const MAX_FEED_PAGES: usize = 1_000;

    struct Options {
        dist: PathBuf,
        api: Option<String>,
        site: String,
    }

    fn options(args: Vec<String>) -> Result<Options, String> {
        let mut options = Options {
            dist: PathBuf::from("dist"),
            api: None,
            site: String::new(),
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or(format!("{flag} needs a value"));
            match flag.as_str() {
                "--dist" => options.dist = PathBuf::from(value()?),
                "--api" => options.api = Some(value()?),
                "--site" => options.site = value()?,
                other => {
                    return Err(format!(
                        "unknown option `{other}`; use --dist DIR, --api URL-or-DIR, --site URL"
                    ))
                }
            }
        }
        Ok(options)
    }

    pub fn run(args: Vec<String>) -> Result<String, String> {
        let options = options(args)?;
        let dist = options.dist.as_path();
        let shell = app_shell(dist)?;
        let api = Api::new(options.api.as_deref(), dist)?;
        if options.site.is_empty() {
            eprintln!(
                "prerender: no --site given; relative URLs in the documents stay relative in \
                 the link-preview tags"
            );
        }
        let site = options.site.trim_end_matches('/');

        let feed = api.feed()?;
        let feed_page = all_news(feed.first_page, feed.more);
        write(
            &dist.join("index.html"),
            &page_html(&shell, &seo::feed_head(None, site), None, &feed_page)?,
        )?;
        let items = feed.items;
        let mut written = 0;
        let mut skipped = Vec::new();
        for item in &items {
            let Some(document) = item.broadsheet.as_ref().and_then(|b| b.article.as_ref()) else {
                continue;
            };
            let Some(dir) = article_dir(dist, &item.id) else {
                skipped.push(format!("{} (its id cannot be a file name)", item.id));
                continue;
            };
            let article = match api
                .document_url(document.as_str())
                .and_then(|url| api.get(&url))
                .and_then(|json| Article::parse(&json).map_err(|e| e.to_string()))
            {
                Ok(article) => article,
                Err(why) => {
                    skipped.push(format!("{}: {why}", item.id));
                    continue;
                }
            };
            let head = seo::article_head(&article, site);
            let json_ld = seo::article_json_ld(&article, site);
            let page = render(move || {
                view! {
                    <SiteFrame online=true>
                        <ArticleView article/>
                        <BackToAllNews/>
                    </SiteFrame>
                }
                .into_any()
            });
            write(
                &dir.join("index.html"),
                &page_html(&shell, &head, Some(&json_ld), &page)?,
            )?;
            written += 1;
        }
        let mut summary = format!(
            "prerender: All News and {written} article(s) written to {}",
            dist.display()
        );
        for s in skipped {
            let _ = write!(
                summary,
                "\n  not pre-rendered (the app shell serves it): {s}"
            );
        }
        Ok(summary)
    }

    /// Trunk's page, also kept as `app-shell.html`: the one page every path without a page of
    /// its own is answered with, since `index.html` becomes All News. On a second run
    /// `index.html` is already All News, and the kept shell is the one to start from.
    fn app_shell(dist: &Path) -> Result<String, String> {
        let index = read(&dist.join("index.html"))?;
        let kept = dist.join("app-shell.html");
        if index.contains(&format!("id=\"{PRERENDERED_ID}\"")) {
            return read(&kept);
        }
        write(&kept, &index)?;
        Ok(index)
    }

    /// All News as the app first shows it: the first page of the feed under day headings, in
    /// the app's own markup. Headings are dates (never "Today"), true on any day the page is
    /// read; the app, once it takes over, shows the reader's day and zone.
    fn all_news(first_page: Vec<FeedItem>, more: bool) -> String {
        let sections = sections(&first_page);
        let empty = first_page.is_empty();
        render(move || {
            view! {
                <SiteFrame online=true>
                    <div class="feed">
                        <h1 class="feed__title" tabindex="-1">{strings::ALL_NEWS}</h1>
                        <div class="feed__pages">
                            <NewStoriesPrompt count=Signal::stored(0) on_show=|| ()/>
                            <SectionNav sections current=None/>
                            <FeedList items=Signal::stored(first_page) dated_headings=true/>
                            {empty.then(|| view! { <p class="notice">{strings::EMPTY_FEED}</p> })}
                            <div class="feed__more">
                                // Load more needs the app: until it takes over, the button
                                // says it cannot be used yet rather than ignore a click.
                                {if more {
                                    view! {
                                        <button type="button" class="button" aria-describedby="feed-status" disabled>
                                            {strings::LOAD_MORE}
                                        </button>
                                    }.into_any()
                                } else {
                                    view! { <p class="feed__end">{strings::END_OF_FEED}</p> }.into_any()
                                }}
                                <p id="feed-status" class="feed__status" role="status"></p>
                            </div>
                        </div>
                    </div>
                </SiteFrame>
            }
            .into_any()
        })
    }

    /// Where an article's page goes: `news/<id>/index.html`, for the ids that are their own
    /// address (`routes::article` leaves them as they are) and name no special directory.
    /// Any other id is served the app shell, as before.
    fn article_dir(dist: &Path, id: &str) -> Option<PathBuf> {
        let plain = routes::article(id) == format!("/news/{id}");
        (plain && !id.is_empty() && id != "." && id != "..").then(|| dist.join("news").join(id))
    }

    /// The view's HTML without the empty comments (`<!>`) Leptos leaves between parts of a
    /// view for hydration. The app replaces the page rather than hydrating it (ADR 4), and the
    /// whitespace those comments split in two could move a few pixels as the page's fonts
    /// settled: a layout shift on a page that must not shift. (Text never contains `<!>`: its
    /// `<` is escaped.)
    fn render(view: impl FnOnce() -> AnyView) -> String {
        Owner::new().with(|| view().to_html()).replace("<!>", "")
    }

    /// The shell with the page's head tags in place of its title, and the page in its body:
    /// visible, with the app's hidden mount point beside it. The shell's own head (styles, the
    /// API base, however the app is started) stays as Trunk and its hooks wrote it.
    fn page_html(
        shell: &str,
        head: &PageHead,
        json_ld: Option<&str>,
        page: &str,
    ) -> Result<String, String> {
        let title_start = shell
            .find("<title>")
            .ok_or("the app shell has no <title>")?;
        let title_end = shell[title_start..]
            .find("</title>")
            .map(|i| title_start + i + "</title>".len())
            .ok_or("the app shell's <title> is not closed")?;
        let body_open = shell.find("<body").ok_or("the app shell has no <body>")?;
        let body_start = shell[body_open..]
            .find('>')
            .map(|i| body_open + i + 1)
            .ok_or("the app shell's <body> tag is not closed")?;
        let body_end = shell
            .rfind("</body>")
            .ok_or("the app shell has no </body>")?;
        if !(title_end <= body_open && body_start <= body_end) {
            return Err("the app shell is not head then body".into());
        }
        let mut html = String::with_capacity(shell.len() + page.len() + 4096);
        html.push_str(&shell[..title_start]);
        html.push_str(&head_tags(head, json_ld));
        html.push_str(&shell[title_end..body_start]);
        let _ = write!(
            html,
            "\n<div id=\"{PRERENDERED_ID}\">{page}</div>\n<div id=\"{APP_ROOT_ID}\" hidden></div>"
        );
        // The shell's "needs JavaScript" notice is not true of a page that is already here.
        html.push_str(&without_noscript(&shell[body_start..body_end]));
        html.push_str(&shell[body_end..]);
        Ok(html)
    }

    fn head_tags(head: &PageHead, json_ld: Option<&str>) -> String {
        let mut tags = format!(
            "<title>{}</title>",
            escape(&seo::document_title(&head.title))
        );
        for tag in &head.meta {
            let (attr, key) = match tag.key {
                MetaKey::Name(k) => ("name", k),
                MetaKey::Property(k) => ("property", k),
            };
            let _ = write!(
                tags,
                "\n    <meta {attr}=\"{key}\" content=\"{}\" {PAGE_HEAD_MARK}>",
                escape(&tag.content)
            );
        }
        let _ = write!(
            tags,
            "\n    <link rel=\"canonical\" href=\"{}\" {PAGE_HEAD_MARK}>",
            escape(&head.canonical)
        );
        if let Some(json) = json_ld {
            // `seo` has escaped every `<` in it: the text cannot close the element.
            let _ = write!(
                tags,
                "\n    <script type=\"application/ld+json\" {PAGE_HEAD_MARK}>{json}</script>"
            );
        }
        tags
    }

    fn without_noscript(body: &str) -> String {
        let mut rest = body;
        let mut kept = String::with_capacity(body.len());
        while let Some(start) = rest.find("<noscript") {
            let Some(len) = rest[start..].find("</noscript>") else {
                break;
            };
            kept.push_str(&rest[..start]);
            rest = &rest[start + len + "</noscript>".len()..];
        }
        kept.push_str(rest);
        kept
    }

    /// Text made safe for an attribute value or element content.
    fn escape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    struct FeedPages {
        first_page: Vec<FeedItem>,
        /// Whether the first page has a next one: All News then offers Load more.
        more: bool,
        /// Every item of every page, each once.
        items: Vec<FeedItem>,
    }

    /// Where the documents come from: a base URL, over HTTP(S), or a directory, read as the
    /// same `file:` URL so that links between documents resolve the same way.
    struct Api {
        base: Url,
        /// For a directory: nothing outside it is read, whatever a document links to.
        root: Option<PathBuf>,
    }

    impl Api {
        fn new(api: Option<&str>, dist: &Path) -> Result<Api, String> {
            let remote = api.filter(|a| a.starts_with("http://") || a.starts_with("https://"));
            if let Some(url) = remote {
                let with_slash = format!("{}/", url.trim_end_matches('/'));
                let base = Url::parse(&with_slash).map_err(|e| format!("--api {url}: {e}"))?;
                return Ok(Api { base, root: None });
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
            })
        }

        /// Every item of the feed, page after page along `next_url`, each page once; and the
        /// first page as All News first shows it.
        fn feed(&self) -> Result<FeedPages, String> {
            let mut first_page = None;
            let mut more = false;
            let mut items: Vec<FeedItem> = Vec::new();
            let mut visited = Vec::new();
            let mut next = Some(self.base.join("feed.json").map_err(|e| e.to_string())?);
            while let Some(url) = next.take() {
                if visited.contains(&url) || visited.len() == MAX_FEED_PAGES {
                    break;
                }
                let page = Feed::parse(&self.get(&url)?).map_err(|e| format!("{url}: {e}"))?;
                next = page
                    .next_url
                    .as_ref()
                    .and_then(|n| url.join(n.as_str()).ok());
                if first_page.is_none() {
                    // As the app decides whether to offer Load more.
                    more = next.as_ref().is_some_and(|n| *n != url);
                    first_page = Some(page.items.clone());
                }
                for item in page.items {
                    if !items.iter().any(|i| i.id == item.id) {
                        items.push(item);
                    }
                }
                visited.push(url);
            }
            Ok(FeedPages {
                first_page: first_page.unwrap_or_default(),
                more,
                items,
            })
        }

        /// An item's `_broadsheet.article` is relative to the API base, as the app reads it.
        fn document_url(&self, link: &str) -> Result<Url, String> {
            self.base.join(link).map_err(|e| format!("{link}: {e}"))
        }

        fn get(&self, url: &Url) -> Result<String, String> {
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
                ("http" | "https", _) => ureq::get(url.as_str())
                    .call()
                    .and_then(|mut response| response.body_mut().read_to_string())
                    .map_err(|e| format!("{url}: {e}")),
                _ => Err(format!("{url}: not a document this API can serve")),
            }
        }
    }

    fn read(path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn write(path: &Path, text: &str) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    }
}
