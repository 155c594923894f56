//! Pre-renders All News and every article of the feed to static HTML in a built site, so that crawlers,
//! link previews and readers on slow phones get the page without running the app. Run after
//! `trunk build --release`:
//!
//! ```sh
//! cargo run --locked --bin prerender -- [--dist DIR] [--api URL-or-DIR] [--site URL] [--timeout SECONDS]
//! ```
//!
//! - `--dist`: the built site (default `dist`). All News goes to `index.html` and each article
//!   to `news/<id>/index.html`; Trunk's page is kept as `app-shell.html`, the fallback for
//!   every path without a page of its own. Running it again starts from that shell.
//! - `--api`: where the feed and the article documents are read (default: the site's own
//!   bundled sample, `DIST/api`).
//! - `--site`: the public origin, e.g. `https://news.example`, which makes the documents'
//!   relative URLs absolute in the link-preview tags, and lets each article have an oEmbed
//!   document (`oembed`), whose addresses must be absolute. Without it the tags stay relative
//!   and there are no oEmbed documents.
//! - `--timeout`: how long one request to the API may take, body included (default 10).
//!
//! Run again on the same site, it keeps it in step with the feed (`manifest`): a story whose
//! `date_modified` (or `date_published`) is as it was is not fetched or rendered again, unless
//! the app shell, `--site` or `--api` changed; the pages of stories no longer in the feed, and
//! of sections no longer on its first page, are removed, but only pages this program wrote.
//! Every page is written whole (`files`). A document that cannot be read is tried again, then
//! skipped with a warning on standard error (`fetch`); the run fails only when the feed's first
//! page cannot be read, since nothing can then be made.
//!
//! Every page (and the app shell) links the feed it shows, the API's, derived from the one
//! place a deployment names the API: the shell's `<meta name="broadsheet:api">`.
//!
//! The pages are the app's own components rendered natively, in the app's frame, so the app
//! can take the page over without a visible change (docs/adr/0004-prerender-takeover.md).
// Leptos views are deeply nested types; the whole article view needs a deeper limit.
#![recursion_limit = "256"]

#[cfg(not(target_arch = "wasm32"))]
mod fetch;
#[cfg(not(target_arch = "wasm32"))]
mod files;
#[cfg(not(target_arch = "wasm32"))]
mod manifest;
#[cfg(not(target_arch = "wasm32"))]
mod oembed;

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

/// A failure the run goes on after: on standard error, where a deploy's log keeps it.
#[cfg(not(target_arch = "wasm32"))]
fn warn(message: &str) {
    eprintln!("prerender: warning: {message}");
}

/// `cargo test --target wasm32-unknown-unknown` builds every binary of the crate; this one
/// has nothing to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crate::fetch::{Api, FeedPages, DEFAULT_TIMEOUT};
    use crate::files::{read, remove_page, write};
    use crate::manifest::{fingerprint, Made, Manifest};
    use crate::oembed;
    use crate::warn;
    use broadsheet::browser::{
        API_META_NAME, DEFAULT_API_BASE, FEED_DOCUMENT, PAGE_DATA_ID, PAGE_HEAD_MARK,
    };
    use broadsheet::components::{
        ArticleView, BackToAllNews, DeviceStories, DeviceStoriesPage, FeedContent, FeedMore,
        FeedView, NewStoriesPrompt, SiteFrame,
    };
    use broadsheet::model::{sections, Article, FeedItem};
    use broadsheet::routes;
    use broadsheet::seo::{self, MetaKey, PageHead};
    use broadsheet::strings;
    use leptos::prelude::*;
    use std::collections::HashSet;
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};
    use std::time::Duration;
    use url::{Position, Url};

    struct Options {
        dist: PathBuf,
        api: Option<String>,
        site: String,
        timeout: Duration,
    }

    fn options(args: Vec<String>) -> Result<Options, String> {
        let mut options = Options {
            dist: PathBuf::from("dist"),
            api: None,
            site: String::new(),
            timeout: DEFAULT_TIMEOUT,
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or(format!("{flag} needs a value"));
            match flag.as_str() {
                "--dist" => options.dist = PathBuf::from(value()?),
                "--api" => options.api = Some(value()?),
                "--site" => options.site = value()?,
                "--timeout" => {
                    let given = value()?;
                    options.timeout = given
                        .parse::<f64>()
                        .ok()
                        .and_then(|s| Duration::try_from_secs_f64(s).ok())
                        .filter(|d| !d.is_zero())
                        .ok_or(format!(
                            "--timeout {given}: not a number of seconds above 0"
                        ))?;
                }
                other => {
                    return Err(format!(
                        "unknown option `{other}`; use --dist DIR, --api URL-or-DIR, --site URL, \
                         --timeout SECONDS"
                    ))
                }
            }
        }
        Ok(options)
    }

    pub fn run(args: Vec<String>) -> Result<String, String> {
        let options = options(args)?;
        let dist = options.dist.as_path();
        let site = options.site.trim_end_matches('/');
        check_site(site)?;
        let shell = app_shell(dist, site)?;
        let api = Api::new(options.api.as_deref(), dist, options.timeout)?;
        if site.is_empty() {
            eprintln!(
                "prerender: no --site given; relative URLs in the documents stay relative in \
                 the link-preview tags, and no article gets an oEmbed document (its addresses \
                 must be absolute)"
            );
        }
        let last = Manifest::load(dist);
        let mut made = Manifest {
            inputs: fingerprint(&[&shell, site, api.base.as_str()]),
            ..Manifest::default()
        };
        let same_inputs = made.inputs == last.inputs;

        let feed = api.feed()?;
        let mut listings = vec![None];
        listings.extend(sections(&feed.first.items).into_iter().map(Some));
        for section in &listings {
            let page = all_news(&feed, section.clone());
            let path = match section {
                None => "index.html".to_owned(),
                Some(name) => {
                    let path = format!(
                        "{SECTIONS_DIR}/{}/index.html",
                        routes::percent_encode(name, routes::QUERY_VALUE)
                    );
                    made.listings.insert(path.clone());
                    path
                }
            };
            let head = seo::feed_head(section.as_deref(), site);
            write(
                &dist.join(path),
                &page_html(&shell, &head, None, &page, &feed.first_json)?,
            )?;
        }

        let mut written = 0;
        let mut unchanged = 0;
        let mut failed = 0;
        let mut notes = Vec::new();
        for item in &feed.items {
            let Some(document) = item.broadsheet.as_ref().and_then(|b| b.article.as_ref()) else {
                continue;
            };
            let Some(page) = article_page(&item.id) else {
                notes.push(format!(
                    "not pre-rendered (the app shell serves it): {} (its id cannot be a file name)",
                    item.id
                ));
                continue;
            };
            let page_path = dist.join(page);
            let oembed_path = dist.join(oembed_document(&item.id));
            let url = match api.document_url(document.as_str()) {
                Ok(url) => url,
                Err(why) => {
                    failed += 1;
                    warn(&format!("story {} skipped: {why}", item.id));
                    continue;
                }
            };
            let source = Made {
                document: document.as_str().to_owned(),
                version: item.modified.or(item.published).map(|t| t.to_string()),
            };
            let before = last.articles.get(&item.id);
            if same_inputs
                && source.version.is_some()
                && before == Some(&source)
                && page_path.is_file()
                && (site.is_empty() || oembed_path.is_file())
            {
                made.articles.insert(item.id.clone(), source);
                if !site.is_empty() {
                    made.oembed.insert(item.id.clone());
                }
                unchanged += 1;
                continue;
            }
            let fetched = api.get(&url).and_then(|json| {
                let article = Article::parse(&json).map_err(|e| format!("{url}: {e}"))?;
                Ok((article, json))
            });
            let (article, article_json) = match fetched {
                Ok(fetched) => fetched,
                Err(why) => {
                    failed += 1;
                    match before {
                        // The page from the last run is the story as it last was, in this
                        // very site: better than none, and made again on the next run.
                        Some(kept) if same_inputs && page_path.is_file() => {
                            made.articles.insert(item.id.clone(), kept.clone());
                            if last.oembed.contains(&item.id) && oembed_path.is_file() {
                                made.oembed.insert(item.id.clone());
                            }
                            warn(&format!(
                                "story {} not updated, its last page stays: {why}",
                                item.id
                            ));
                        }
                        // A page made with another shell or API would start the app wrongly:
                        // the app shell serves the story instead.
                        Some(_) => {
                            remove_page(&page_path)?;
                            warn(&format!(
                                "story {} skipped, its old page removed: {why}",
                                item.id
                            ));
                        }
                        None => warn(&format!("story {} skipped: {why}", item.id)),
                    }
                    continue;
                }
            };
            let head = seo::article_head(&article, site);
            let json_ld = seo::article_json_ld(&article, site);
            // The page links its oEmbed document only once the document is in place.
            let discovery = if site.is_empty() {
                None
            } else {
                write(&oembed_path, &oembed::document(&article, &item.id, site))?;
                made.oembed.insert(item.id.clone());
                Some(OembedLink {
                    href: format!("{site}{}", routes::oembed(&item.id)),
                    title: article.headline.clone(),
                })
            };
            let page = render(move || {
                view! {
                    <SiteFrame>
                        <ArticleView article/>
                        <BackToAllNews/>
                    </SiteFrame>
                }
                .into_any()
            });
            let extra = ArticleHead {
                json_ld,
                oembed: discovery,
            };
            write(
                &page_path,
                &page_html(&shell, &head, Some(&extra), &page, &article_json)?,
            )?;
            made.articles.insert(item.id.clone(), source);
            written += 1;
        }

        device_pages(dist, &shell, site)?;

        // Sections come from the first page alone, which was read.
        let mut removed = prune(dist, last.listings.difference(&made.listings), |path| {
            let name = path.strip_prefix(SECTIONS_DIR)?.strip_prefix('/')?;
            let name = name.strip_suffix("/index.html")?;
            is_plain_segment(name).then(|| path.to_owned())
        })?;
        if feed.complete {
            // Stories gone from the feed.
            let gone = last
                .articles
                .keys()
                .filter(|id| !made.articles.contains_key(*id));
            removed.extend(prune(dist, gone, article_page)?);
        } else {
            // A story on a page that could not be read may still be in the feed.
            notes.push(
                "no story's page removed: the feed was not read in full, so a story missing \
                 from it may only be on a page that failed"
                    .to_owned(),
            );
            let seen: HashSet<&str> = feed.items.iter().map(|i| i.id.as_str()).collect();
            carry_unseen(&last, &mut made, same_inputs, &seen);
        }
        // Their story is gone from the feed, its page was removed, or the run has no `--site`.
        // Documents of stories the run could not see are on its record already (`carry_unseen`).
        let oembed_removed = prune(dist, last.oembed.difference(&made.oembed), |id| {
            article_page(id).map(|_| oembed_document(id))
        })?;
        made.save(dist)?;

        let mut summary = format!(
            "prerender: All News, {} section(s) and {written} article(s) written to {}; \
             {unchanged} unchanged since the last run, {} removed, {failed} failed; {} oEmbed \
             document(s)",
            listings.len() - 1,
            dist.display(),
            removed.len(),
            made.oembed.len()
        );
        for page in removed {
            let _ = write!(summary, "\n  removed (no longer in the feed): {page}");
        }
        for document in oembed_removed {
            let _ = write!(
                summary,
                "\n  removed (its story or its page is gone, or no --site): {document}"
            );
        }
        for note in notes {
            let _ = write!(summary, "\n  {note}");
        }
        Ok(summary)
    }

    /// Removes the files the last run wrote that this run did not, and returns their paths
    /// under `dist`. Only what is on the last run's record is a candidate (the entries `gone`
    /// from it), and only where this program writes: `file` names the file it writes for an
    /// entry, or `None`, whatever the record says.
    fn prune<'a>(
        dist: &Path,
        gone: impl IntoIterator<Item = &'a String>,
        file: impl Fn(&str) -> Option<String>,
    ) -> Result<Vec<String>, String> {
        let mut removed = Vec::new();
        for path in gone.into_iter().filter_map(|entry| file(entry)) {
            remove_page(&dist.join(&path))?;
            removed.push(path);
        }
        Ok(removed)
    }

    /// When the feed was read only in part, the last run's article pages that this run did not
    /// see stay on record, so that a later complete run can still remove them; made with other
    /// inputs, they are on record as to be made again. Their oEmbed documents stay with them
    /// when made for the same site; made for another, they go, and come back with the page.
    fn carry_unseen(last: &Manifest, made: &mut Manifest, same_inputs: bool, seen: &HashSet<&str>) {
        if same_inputs {
            let unseen = last.oembed.iter().filter(|id| !seen.contains(id.as_str()));
            made.oembed.extend(unseen.cloned());
        }
        for (id, source) in &last.articles {
            made.articles.entry(id.clone()).or_insert_with(|| Made {
                version: source.version.clone().filter(|_| same_inputs),
                ..source.clone()
            });
        }
    }

    /// Trunk's page, with the feed link, also kept as `app-shell.html`: the one page every path
    /// without a page of its own is answered with, since `index.html` becomes All News. On a
    /// second run `index.html` is already All News, and the kept shell is the one to start from.
    fn app_shell(dist: &Path, site: &str) -> Result<String, String> {
        let index = read(&dist.join("index.html"))?;
        let kept = dist.join("app-shell.html");
        let built = if index.contains(&format!("id=\"{PAGE_DATA_ID}\"")) {
            read(&kept)?
        } else {
            index
        };
        let shell = with_feed_link(&built, site)?;
        if shell != built || !kept.is_file() {
            write(&kept, &shell)?;
        }
        Ok(shell)
    }

    /// Checks that `--site` is an origin: the addresses made from it go to crawlers, link
    /// previews and partners' pages, where a bad one fails silently.
    fn check_site(site: &str) -> Result<(), String> {
        if site.is_empty() {
            return Ok(());
        }
        let wrong = |why: &str| {
            format!(
                "--site {site}: {why}; give the site's public origin, e.g. https://news.example"
            )
        };
        let url = Url::parse(site).map_err(|e| wrong(&e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(wrong("not an http(s) address"));
        }
        if url[Position::BeforePath..] != *"/" {
            return Err(wrong(
                "the site's pages are at its root, so no path, query or fragment",
            ));
        }
        Ok(())
    }

    /// The start of the feed link's line in the shell, by which a second run finds its own.
    const FEED_LINK: &str = "\n    <link rel=\"alternate\" type=\"application/feed+json\"";

    /// The shell with one link to the feed every page shows (All News's, which sections filter:
    /// the API has no feed per section), for feed readers: the API base the shell names for the
    /// app (`<meta name="broadsheet:api">`, else the app's default), resolved at the site's
    /// root, and the feed's first page there. It follows that meta tag, replacing a link an
    /// earlier run wrote. Absolute on `site`, or a path when there is no `site` and the API is
    /// the site's own.
    fn with_feed_link(shell: &str, site: &str) -> Result<String, String> {
        let mut shell = shell.to_owned();
        if let Some(start) = shell.find(FEED_LINK) {
            let end = shell[start..]
                .find('>')
                .map(|i| start + i + 1)
                .ok_or("the app shell's feed link is not closed")?;
            shell.replace_range(start..end, "");
        }
        let (meta, meta_end) = meta_content(&shell, API_META_NAME)
            .filter(|(api, _)| !api.trim().is_empty())
            .unwrap_or_else(|| {
                let head_end = shell.find("</head>").unwrap_or(shell.len());
                (DEFAULT_API_BASE.to_owned(), head_end)
            });
        let root = if site.is_empty() {
            "http://site.invalid/".to_owned()
        } else {
            format!("{site}/")
        };
        let root = Url::parse(&root).map_err(|e| format!("--site {site}: {e}"))?;
        let feed = root
            .join(meta.trim())
            .and_then(|api| api.join(FEED_DOCUMENT))
            .map_err(|e| {
                format!("the app shell's <meta name=\"{API_META_NAME}\" content=\"{meta}\">: {e}")
            })?;
        let href = if site.is_empty() && feed.origin() == root.origin() {
            feed[Position::BeforePath..].to_owned()
        } else {
            feed.to_string()
        };
        let link = format!(
            "{FEED_LINK} href=\"{}\" title=\"{}\">",
            escape(&href),
            escape(&seo::document_title(strings::ALL_NEWS))
        );
        shell.insert_str(meta_end, &link);
        Ok(shell)
    }

    /// The `content` of the first `<meta name="NAME" content="...">` in `html` (attributes in
    /// double quotes, as index.html writes them), and where that tag ends.
    fn meta_content(html: &str, name: &str) -> Option<(String, usize)> {
        let mut from = 0;
        while let Some(start) = html[from..].find("<meta").map(|i| from + i) {
            let end = html[start..].find('>').map(|i| start + i + 1)?;
            let tag = &html[start..end];
            if attribute(tag, "name").as_deref() == Some(name) {
                return attribute(tag, "content").map(|content| (content, end));
            }
            from = end;
        }
        None
    }

    fn attribute(tag: &str, name: &str) -> Option<String> {
        let marker = format!(" {name}=\"");
        let start = tag.find(&marker)? + marker.len();
        let len = tag[start..].find('"')?;
        Some(unescape(&tag[start..start + len]))
    }

    /// The few character references an attribute value in our own page may hold.
    fn unescape(text: &str) -> String {
        text.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    /// Where a story's oEmbed document goes under `dist`: `oembed/<id>.json`, for the ids that
    /// have a page (`article_page`), whose addresses need no encoding.
    fn oembed_document(id: &str) -> String {
        routes::oembed(id).trim_start_matches('/').to_owned()
    }

    /// All News, or one section of it, as the app first shows it: the first page of the feed
    /// under day headings, in the app's own components. Headings are dates (never "Today"),
    /// true on any day the page is read. The controls that need the app are its own, drawn
    /// still: the style sheet keeps them out of sight until the app adopts the page.
    fn all_news(feed: &FeedPages, section: Option<String>) -> String {
        let (first_page, more, expired) = (&feed.first.items, feed.more, feed.first.expired);
        let publication = feed.first.publication.clone();
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
                <SiteFrame publication=publication.clone()>
                    <FeedView section=section.clone() tag=None>
                        <FeedContent
                            items
                            sections
                            section
                            tag=None
                            new_stories=new_stories.into_any()
                            more=foot.into_any()
                            dated_headings=true
                            expired
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
        let offline = render(|| {
            view! { <SiteFrame><DeviceStoriesPage stories=DeviceStories::Offline/></SiteFrame> }
                .into_any()
        });
        let head = device_head(
            strings::OFFLINE_PAGE_TITLE,
            &format!("{site}/{OFFLINE_PAGE}"),
        );
        write(
            &dist.join(OFFLINE_PAGE),
            &without_app(shell, &head, &offline)?,
        )?;
        let saved = render(|| {
            view! { <SiteFrame><DeviceStoriesPage stories=DeviceStories::Saved/></SiteFrame> }
                .into_any()
        });
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

    /// Where an article's page goes under `dist`: `news/<id>/index.html`, for the ids that are
    /// their own address (`routes::article` leaves them as they are) and name no special
    /// directory. Any other id is served the app shell, as before.
    fn article_page(id: &str) -> Option<String> {
        let plain = routes::article(id) == format!("/news/{id}");
        (plain && is_plain_segment(id)).then(|| format!("news/{id}/index.html"))
    }

    /// One directory's name, naming neither itself nor its parent.
    fn is_plain_segment(name: &str) -> bool {
        !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\'])
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
        article: Option<&ArticleHead>,
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
        html.push_str(&head_tags(head, article));
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

    /// What an article's page has in its head besides `PageHead`: for crawlers and consumers
    /// reading the page as served, so the app does not keep them up to date (they carry
    /// `PAGE_HEAD_MARK`: the app removes them when it shows another page).
    struct ArticleHead {
        /// `seo::article_json_ld`: `<` escaped, safe inside `<script>` as it is.
        json_ld: String,
        /// Where the article's oEmbed document is, when it has one.
        oembed: Option<OembedLink>,
    }

    struct OembedLink {
        href: String,
        title: String,
    }

    fn head_tags(head: &PageHead, article: Option<&ArticleHead>) -> String {
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
        if let Some(ArticleHead { json_ld, oembed }) = article {
            // `seo` has escaped every `<` in it: the text cannot close the element.
            let _ = write!(
                tags,
                "\n    <script type=\"application/ld+json\" {PAGE_HEAD_MARK}>{json_ld}</script>"
            );
            if let Some(OembedLink { href, title }) = oembed {
                let _ = write!(
                    tags,
                    "\n    <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" \
                     title=\"{}\" {PAGE_HEAD_MARK}>",
                    escape(href),
                    escape(title)
                );
            }
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
    pub(crate) fn escape(text: &str) -> String {
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
}
