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
    use broadsheet::browser::{PAGE_DATA_ID, PAGE_HEAD_MARK};
    use broadsheet::components::{
        ArticleView, BackToAllNews, FeedContent, FeedMore, FeedView, NewStoriesPrompt, OfflinePage,
        SavedPage, SiteFrame,
    };
    use broadsheet::model::{sections, Article, Feed, FeedItem};
    use broadsheet::routes;
    use broadsheet::seo::{self, MetaKey, PageHead};
    use broadsheet::strings;
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
        let mut listings = vec![None];
        listings.extend(sections(&feed.first_page).into_iter().map(Some));
        for section in &listings {
            let page = all_news(&feed.first_page, feed.more, section.clone());
            let path = match section {
                None => dist.join("index.html"),
                Some(name) => dist
                    .join(SECTIONS_DIR)
                    .join(routes::percent_encode(name))
                    .join("index.html"),
            };
            let head = seo::feed_head(section.as_deref(), site);
            write(
                &path,
                &page_html(&shell, &head, None, &page, &feed.first_page_json)?,
            )?;
        }
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
            let (article, article_json) = match api
                .document_url(document.as_str())
                .and_then(|url| api.get(&url))
                .and_then(|json| {
                    let article = Article::parse(&json).map_err(|e| e.to_string())?;
                    Ok((article, json))
                }) {
                Ok(read) => read,
                Err(why) => {
                    skipped.push(format!("{}: {why}", item.id));
                    continue;
                }
            };
            let head = seo::article_head(&article, site);
            let json_ld = seo::article_json_ld(&article, site);
            let data = article_json.clone();
            let page = render(move || {
                view! {
                    <SiteFrame>
                        <ArticleView article/>
                        <BackToAllNews/>
                    </SiteFrame>
                }
                .into_any()
            });
            write(
                &dir.join("index.html"),
                &page_html(&shell, &head, Some(&json_ld), &page, &data)?,
            )?;
            written += 1;
        }
        device_pages(dist, &shell, site)?;
        let mut summary = format!(
            "prerender: All News, {} section(s) and {written} article(s) written to {}",
            listings.len() - 1,
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
        if index.contains(&format!("id=\"{PAGE_DATA_ID}\"")) {
            return read(&kept);
        }
        write(&kept, &index)?;
        Ok(index)
    }

    /// All News, or one section of it, as the app first shows it: the first page of the feed
    /// under day headings, in the app's own components. Headings are dates (never "Today"),
    /// true on any day the page is read. The controls that need the app are its own, drawn
    /// still: the style sheet keeps them out of sight until the app adopts the page.
    fn all_news(first_page: &[FeedItem], more: bool, section: Option<String>) -> String {
        let sections = sections(first_page);
        let items: Vec<FeedItem> = first_page
            .iter()
            .filter(|i| section.is_none() || i.section() == section.as_deref())
            .cloned()
            .collect();
        render(move || {
            let new_stories = view! { <NewStoriesPrompt count=Signal::stored(0) on_show=|| ()/> };
            let foot = view! {
                <FeedMore has_next=more loading=false error=Signal::stored(None) on_more=|| ()/>
            };
            view! {
                <SiteFrame>
                    <FeedView section=section.clone()>
                        <FeedContent
                            items
                            sections
                            section
                            new_stories=new_stories.into_any()
                            more=foot.into_any()
                            dated_headings=true
                        />
                    </FeedView>
                </SiteFrame>
            }
            .into_any()
        })
    }

    /// The service worker's answer offline for a page the device does not have (public/sw.js).
    const OFFLINE_PAGE: &str = "offline.html";

    /// The pages of this device's reader only, written without the app: the offline page, and
    /// Saved (`/saved`). Each is the site's frame and a list public/offline.js fills from the
    /// device. The app would read the address, not the page, and draw the page it names over
    /// the list.
    fn device_pages(dist: &Path, shell: &str, site: &str) -> Result<(), String> {
        let offline = render(|| view! { <SiteFrame><OfflinePage/></SiteFrame> }.into_any());
        let head = device_head(
            strings::OFFLINE_PAGE_TITLE,
            &format!("{site}/{OFFLINE_PAGE}"),
        );
        write(
            &dist.join(OFFLINE_PAGE),
            &without_app(shell, &head, &offline)?,
        )?;
        let saved = render(|| view! { <SiteFrame><SavedPage/></SiteFrame> }.into_any());
        let head = device_head(strings::SAVED_TITLE, &format!("{site}{}", routes::SAVED));
        let path = dist
            .join(routes::SAVED.trim_start_matches('/'))
            .join("index.html");
        write(&path, &without_app(shell, &head, &saved)?)
    }

    fn device_head(title: &str, canonical: &str) -> PageHead {
        PageHead {
            title: title.to_owned(),
            canonical: canonical.to_owned(),
            // What one device holds is nothing for a search engine.
            meta: vec![seo::MetaTag {
                key: MetaKey::Name("robots"),
                content: "noindex".to_owned(),
            }],
        }
    }

    /// `page` in the shell with no document and no start-up script.
    fn without_app(shell: &str, head: &PageHead, page: &str) -> Result<String, String> {
        let mut html = page_html(shell, head, None, page, "null")?;
        let no_data =
            format!("\n<script type=\"application/json\" id=\"{PAGE_DATA_ID}\">null</script>");
        html = html.replacen(&no_data, "", 1);
        while let Some(start) = html.find("<script type=\"module\"") {
            let Some(len) = html[start..].find("</script>") else {
                return Err("the app shell's start-up script is not closed".into());
            };
            html.replace_range(start..start + len + "</script>".len(), "");
        }
        Ok(html)
    }

    /// Where an article's page goes: `news/<id>/index.html`, for the ids that are their own
    /// address (`routes::article` leaves them as they are) and name no special directory.
    /// Any other id is served the app shell, as before.
    fn article_dir(dist: &Path, id: &str) -> Option<PathBuf> {
        let plain = routes::article(id) == format!("/news/{id}");
        (plain && !id.is_empty() && id != "." && id != "..").then(|| dist.join("news").join(id))
    }

    /// The view's HTML without the empty comments (`<!>`) Leptos leaves between parts of a
    /// view for hydration. The app adopts the page without hydrating it (ADR 5), and the
    /// whitespace those comments split in two could move a few pixels as the page's fonts
    /// settled. (Text never contains `<!>`: its `<` is escaped.)
    fn render(view: impl FnOnce() -> AnyView) -> String {
        Owner::new().with(|| view().to_html()).replace("<!>", "")
    }

    /// The shell with the page's head tags in place of its title, and in its body the page and
    /// the document it shows (`data`). The shell's own head (styles, the API base, however the
    /// app is started) stays as Trunk and its hooks wrote it.
    fn page_html(
        shell: &str,
        head: &PageHead,
        json_ld: Option<&str>,
        page: &str,
        data: &str,
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
        // The document the page shows travels with it, for the app to adopt the page with.
        // `<` occurs in JSON only inside strings, where `\u003c` means the same: the text
        // cannot close the element.
        let _ = write!(
            html,
            "\n{page}\n<script type=\"application/json\" id=\"{PAGE_DATA_ID}\">{}</script>",
            data.replace('<', "\\u003c")
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

    /// Where a section's page goes, under its name as the site's links encode it
    /// (`routes::section`); the deployment answers `/?section=<name>` with it.
    const SECTIONS_DIR: &str = "section";

    struct FeedPages {
        first_page: Vec<FeedItem>,
        /// The first page as the API sent it: the pre-rendered listings carry it to the app.
        first_page_json: String,
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
            let mut first_page_json = String::new();
            let mut more = false;
            let mut items: Vec<FeedItem> = Vec::new();
            let mut visited = Vec::new();
            let mut next = Some(self.base.join("feed.json").map_err(|e| e.to_string())?);
            while let Some(url) = next.take() {
                if visited.contains(&url) || visited.len() == MAX_FEED_PAGES {
                    break;
                }
                let json = self.get(&url)?;
                let page = Feed::parse(&json).map_err(|e| format!("{url}: {e}"))?;
                next = page
                    .next_url
                    .as_ref()
                    .and_then(|n| url.join(n.as_str()).ok());
                if first_page.is_none() {
                    // As the app decides whether to offer Load more.
                    more = next.as_ref().is_some_and(|n| *n != url);
                    first_page = Some(page.items.clone());
                    first_page_json = json;
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
                first_page_json,
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
