//! The pre-render (`src/bin/prerender/`), run as a deployment runs it, on a site made of the
//! app's page and the bundled sample API: each article's page is read the way a crawler or a
//! link-preview bot reads it, with no script run, and compared with the article's document.
//! Then run again and again on one site, as a deployment keeps it in step with its feed: pages
//! of removed stories go, unchanged stories are not fetched again, and an API that fails or
//! never answers costs what it must and no more.
#![cfg(not(target_arch = "wasm32"))]

mod markup;
mod site;
use broadsheet::model::{Article, Block, Feed};
use markup::{assert_hero_captioned, select, squash, text};
use scraper::{Html, Selector};
use serde_json::{json, Value};
use site::{
    sample_api, sample_article, sample_ids, sample_site, shell, site_dir, site_with_feed, story,
    write_feed,
};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SITE: &str = "https://news.example";
const SEED_ID: &str = "eight-hour-us-russia-talks";

fn prerender(dist: &Path, api: &Path) -> String {
    prerender_from(dist, api.to_str().unwrap())
}

/// Runs the pre-render with `--api` as given: a directory or a base URL.
fn prerender_from(dist: &Path, api: &str) -> String {
    run(dist, api, &shell(), &[]).succeeded().stdout
}

struct Run {
    status: std::process::ExitStatus,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl Run {
    /// This run, which must have succeeded.
    fn succeeded(self) -> Self {
        assert!(self.status.success(), "{}", self.stderr);
        self
    }

    /// Asserts that the run's error output names each of `parts`: what went wrong, and where.
    fn assert_says(&self, parts: &[&str]) {
        for part in parts {
            assert!(self.stderr.contains(part), "{part:?} in {}", self.stderr);
        }
    }
}

/// The most any run here may take: far beyond what each needs, and short enough that a run
/// that would hang (a request without a deadline) fails its test instead.
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// Runs the pre-render as a deploy does after a build (whose page is `shell`), with more
/// options, and stops it if it outlives `RUN_LIMIT`.
fn run(dist: &Path, api: &str, shell: &str, more: &[&str]) -> Run {
    std::fs::write(dist.join("index.html"), shell).unwrap();
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .args(["--dist", dist.to_str().unwrap()])
        .args(["--api", api])
        .args(["--site", SITE])
        .args(more)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let Output { stderr, .. } = child.wait_with_output().unwrap();
            panic!(
                "the pre-render was still running after {RUN_LIMIT:?}: {}",
                String::from_utf8_lossy(&stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = started.elapsed();
    let output = child.wait_with_output().unwrap();
    Run {
        status: output.status,
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        took,
    }
}

fn page(dist: &Path, id: &str) -> Html {
    let path = dist.join("news").join(id).join("index.html");
    Html::parse_document(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
}

/// The content of the one head tag with this attribute and value, e.g. `("property", "og:url")`.
fn meta(html: &Html, attr: &str, key: &str) -> String {
    let found = select(html, &format!("head meta[{attr}=\"{key}\"]"));
    assert_eq!(found.len(), 1, "one {attr}={key}");
    found[0].value().attr("content").unwrap().to_owned()
}

fn metas(html: &Html, attr: &str, key: &str) -> Vec<String> {
    select(html, &format!("head meta[{attr}=\"{key}\"]"))
        .iter()
        .map(|m| m.value().attr("content").unwrap().to_owned())
        .collect()
}

fn json_ld(html: &Html) -> Value {
    let scripts = select(html, "head script[type=\"application/ld+json\"]");
    assert_eq!(scripts.len(), 1, "one JSON-LD block");
    serde_json::from_str(&scripts[0].text().collect::<String>()).unwrap()
}

fn absolute(path: &str) -> String {
    format!("{SITE}{path}")
}

#[test]
fn every_article_of_the_feed_gets_its_page_and_the_shell_is_kept() {
    let (dist, summary) = sample_site("all", prerender);
    let ids = sample_ids();
    for id in &ids {
        let html = page(&dist, id);
        assert_eq!(
            text(&select(&html, "body > main#main article h1")[0]),
            squash(&sample_article(id).headline)
        );
    }
    assert!(
        summary.contains(&format!("{} article(s)", ids.len())),
        "{summary}"
    );
    assert_eq!(kept_shell(&dist), shell());
}

/// The kept app shell without the feed link the pre-render adds (tests/discovery.rs).
fn kept_shell(dist: &Path) -> String {
    std::fs::read_to_string(dist.join("app-shell.html"))
        .unwrap()
        .lines()
        .filter(|line| !line.contains("application/feed+json"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn all_news_is_pre_rendered_with_the_first_page_under_dated_headings() {
    let (dist, _) = sample_site("all-news", prerender);
    let first =
        Feed::parse(&std::fs::read_to_string(sample_api().join("feed.json")).unwrap()).unwrap();
    let html = Html::parse_document(&std::fs::read_to_string(dist.join("index.html")).unwrap());

    assert_eq!(text(&select(&html, "body > main#main h1")[0]), "All News");
    let links: Vec<_> = select(&html, "main .feed-item__title a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    let expected: Vec<_> = first
        .items
        .iter()
        .map(|i| broadsheet::routes::article(&i.id))
        .collect();
    assert_eq!(
        links, expected,
        "the first page's stories, in the feed's order"
    );
    let headings: Vec<_> = select(&html, ".day__heading").iter().map(text).collect();
    assert!(!headings.is_empty());
    for heading in &headings {
        assert!(
            heading != "Today" && heading != "Yesterday",
            "a date, true whenever the page is read: {heading}"
        );
    }
    assert_eq!(
        select(&html, ".feed__more.needs-app button").len(),
        usize::from(first.next_url.is_some()),
        "Load more where the feed has a next page, kept out of sight until the app runs"
    );
    let data = &select(&html, "body > script#page-data[type=\"application/json\"]")[0];
    assert_eq!(
        Feed::parse(&data.text().collect::<String>()).unwrap(),
        first,
        "the page carries the feed's first page, for the app to adopt it with"
    );
    let served = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(!served.contains("<!>"), "no hydration markers");

    assert_eq!(
        text(&select(&html, "head title")[0]),
        "All News — Broadsheet"
    );
    assert_eq!(meta(&html, "property", "og:type"), "website");
    assert_eq!(meta(&html, "property", "og:url"), absolute("/"));
    assert_eq!(
        select(&html, "head link[rel=canonical]")[0]
            .value()
            .attr("href"),
        Some(absolute("/").as_str())
    );
    assert_eq!(
        meta(&html, "name", "description"),
        broadsheet::strings::SITE_DESCRIPTION
    );
}

#[test]
fn running_the_pre_render_twice_gives_the_same_site() {
    let (dist, _) = sample_site("twice", prerender);
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .args(["--dist", dist.to_str().unwrap()])
        .args(["--api", sample_api().to_str().unwrap()])
        .args(["--site", SITE])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        std::fs::read_to_string(dist.join("index.html")).unwrap(),
        index
    );
    assert_eq!(
        kept_shell(&dist),
        shell(),
        "the shell is not replaced by the pre-rendered All News"
    );
}

#[test]
fn an_article_page_reads_in_full_without_scripts() {
    let (dist, _) = sample_site("seed", prerender);
    let article = sample_article(SEED_ID);
    let html = page(&dist, SEED_ID);

    // The page itself, in the app's frame, with the document it shows for the app to adopt.
    assert_eq!(select(&html, "body > header.masthead").len(), 1);
    let main = &select(&html, "body > main#main")[0];
    assert_eq!(main.value().attr("class"), Some("page"));
    let data = &select(&html, "body > script#page-data[type=\"application/json\"]")[0];
    assert_eq!(
        Article::parse(&data.text().collect::<String>()).unwrap(),
        article,
        "the page carries its article document"
    );
    assert!(
        select(&html, "noscript").is_empty(),
        "the page needs no script"
    );

    assert_eq!(
        text(&select(&html, "main article h1.article__headline")[0]),
        squash(&article.headline)
    );
    let hero = article.hero.as_ref().unwrap();
    assert_hero_captioned(&html, hero);
    let img = &select(&html, "main figure.figure--hero > img")[0];
    assert_eq!(img.value().attr("src"), Some(hero.src.as_str()));

    let quotes: Vec<(String, Option<String>)> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Quote {
                text, attribution, ..
            } => Some((squash(text), attribution.as_deref().map(squash))),
            _ => None,
        })
        .collect();
    assert_eq!(quotes.len(), 3);
    let shown: Vec<(String, Option<String>)> = select(&html, "main figure.quote")
        .iter()
        .map(|figure| {
            let said = figure
                .select(&Selector::parse("blockquote").unwrap())
                .next()
                .unwrap();
            let who = figure
                .select(&Selector::parse("figcaption cite").unwrap())
                .next();
            (text(&said), who.map(|w| text(&w)))
        })
        .collect();
    assert_eq!(shown, quotes);

    let published = article.published.unwrap().to_string();
    assert_eq!(
        select(&html, ".byline time")[0].value().attr("datetime"),
        Some(published.as_str())
    );
    assert_eq!(
        select(&html, "main .back-to-all-news a")[0]
            .value()
            .attr("href"),
        Some("/")
    );
}

#[test]
fn an_article_page_carries_its_meta_tags_and_json_ld() {
    let (dist, _) = sample_site("meta", prerender);
    let article = sample_article(SEED_ID);
    let hero = article.hero.as_ref().unwrap();
    let standfirst = squash(article.standfirst.as_deref().unwrap());
    let canonical = absolute(article.url.as_str());
    let html = page(&dist, SEED_ID);

    assert_eq!(
        text(&select(&html, "head title")[0]),
        format!("{} — Broadsheet", squash(&article.headline))
    );
    assert_eq!(meta(&html, "name", "description"), standfirst);
    let links = select(&html, "head link[rel=canonical]");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].value().attr("href"), Some(canonical.as_str()));
    assert_eq!(meta(&html, "property", "og:type"), "article");
    assert_eq!(meta(&html, "property", "og:site_name"), "Broadsheet");
    assert_eq!(meta(&html, "property", "og:title"), article.headline);
    assert_eq!(meta(&html, "property", "og:description"), standfirst);
    assert_eq!(meta(&html, "property", "og:url"), canonical);
    assert_eq!(
        meta(&html, "property", "og:image"),
        absolute(hero.src.as_str())
    );
    assert_eq!(meta(&html, "property", "og:image:alt"), hero.alt);
    assert_eq!(
        meta(&html, "property", "og:image:width"),
        hero.width.to_string()
    );
    assert_eq!(
        meta(&html, "property", "og:image:height"),
        hero.height.to_string()
    );
    assert_eq!(
        meta(&html, "property", "article:published_time"),
        article.published.unwrap().to_string()
    );
    assert_eq!(
        meta(&html, "property", "article:modified_time"),
        article.modified.unwrap().to_string()
    );
    assert_eq!(meta(&html, "property", "article:section"), article.section);
    assert_eq!(metas(&html, "property", "article:tag"), article.tags);
    assert_eq!(
        metas(&html, "property", "article:author").len(),
        article.authors.len()
    );
    assert_eq!(meta(&html, "name", "twitter:card"), "summary_large_image");
    assert_eq!(meta(&html, "name", "twitter:title"), article.headline);
    assert_eq!(
        meta(&html, "name", "twitter:image"),
        absolute(hero.src.as_str())
    );
    // The shell's head stays: the app still starts from this page.
    assert_eq!(meta(&html, "name", "broadsheet:api"), "/api/");

    let ld = json_ld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], article.headline.as_str());
    assert_eq!(ld["description"], standfirst.as_str());
    let hero_url = absolute(hero.src.as_str());
    let mut images = vec![hero_url.clone()];
    images.extend(
        hero.srcset
            .iter()
            .map(|s| absolute(s.url.as_str()))
            .filter(|u| *u != hero_url),
    );
    assert_eq!(ld["image"], json!(images));
    assert_eq!(ld["datePublished"], article.published.unwrap().to_string());
    assert_eq!(ld["dateModified"], article.modified.unwrap().to_string());
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|a| json!({ "@type": "Person", "name": a.name, "url": absolute(a.url.as_ref().unwrap().as_str()) }))
        .collect();
    assert_eq!(ld["author"], json!(authors));
    assert_eq!(
        ld["publisher"],
        json!({ "@type": "Organization", "name": "Broadsheet" })
    );
    assert_eq!(
        ld["mainEntityOfPage"],
        json!({ "@type": "WebPage", "@id": canonical })
    );
    assert_eq!(ld["inLanguage"], article.language.as_str());
}

/// A hostile document: every string it brings stays text, in the body, in attributes and in the
/// JSON-LD, and an id that is not a plain path segment writes nothing.
#[test]
fn hostile_documents_stay_text() {
    let dist = site_dir("hostile");
    let api = dist.join("api");
    std::fs::create_dir_all(api.join("articles")).unwrap();
    let evil = "</script><script>alert(1)</script>\"><img src=x onerror=alert(2)><!--";
    let item = |id: &str| {
        json!({
            "id": id, "url": format!("/news/{id}"), "title": "t",
            "_broadsheet": { "article": format!("articles/{id}.json") }
        })
    };
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1", "title": "Hostile",
        "items": [item("hostile"), item(".."), item("a/b"),
                  { "id": "foreign", "url": "https://elsewhere.example/x", "content_text": "no document" }]
    });
    std::fs::write(api.join("feed.json"), feed.to_string()).unwrap();
    let document = json!({
        "id": "hostile", "url": "/news/hostile", "headline": evil, "standfirst": evil,
        "section": evil, "language": "en", "published": "2022-01-11T09:30:00Z",
        "authors": [{ "name": evil }], "tags": [evil],
        "hero": { "src": "/images/x.jpg", "width": 10, "height": 10, "alt": evil, "caption": evil },
        "body": [{ "type": "quote", "text": evil, "attribution": evil, "kind": "block" }]
    });
    std::fs::write(api.join("articles/hostile.json"), document.to_string()).unwrap();
    std::fs::write(api.join("articles/...json"), document.to_string()).unwrap();

    let summary = prerender(&dist, &api);
    assert!(summary.contains("1 article(s)"), "{summary}");
    assert!(!dist.join("news/index.html").exists());
    let index = Html::parse_document(&std::fs::read_to_string(dist.join("index.html")).unwrap());
    assert_eq!(
        text(&select(&index, "main h1")[0]),
        "All News",
        "the id \"..\" did not write over All News"
    );
    assert!(!dist.join("news/a").exists());

    let html = page(&dist, "hostile");
    assert!(select(&html, "img[onerror]").is_empty());
    let inline: Vec<_> = select(&html, "script:not([src])")
        .iter()
        .map(|s| s.value().attr("type").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        inline,
        ["application/ld+json", "application/json"],
        "the inline scripts are data"
    );
    let data = &select(&html, "script#page-data")[0];
    assert_eq!(
        Article::parse(&data.text().collect::<String>())
            .unwrap()
            .headline,
        evil,
        "the carried document cannot close its element, and reads back whole"
    );
    assert_eq!(text(&select(&html, "main h1")[0]), squash(evil));
    assert_eq!(text(&select(&html, "main blockquote")[0]), squash(evil));
    assert_eq!(meta(&html, "property", "og:title"), evil);
    assert_eq!(meta(&html, "name", "description"), evil);
    assert_eq!(meta(&html, "property", "og:image:alt"), evil);
    assert_eq!(json_ld(&html)["headline"], evil);
    assert_eq!(json_ld(&html)["author"][0]["name"], evil);
}

/// A deployment whose API is elsewhere: the documents come over HTTP, and the pages are the
/// same as from the bundled files.
#[test]
fn an_api_base_url_gives_the_same_pages() {
    let api = serve_dir(sample_api());
    let from_files = site_dir("files");
    prerender(&from_files, &sample_api());
    let over_http = site_dir("http");
    prerender_from(&over_http, &api.base);
    let pages = |dist: &Path| {
        let mut ids: Vec<_> = std::fs::read_dir(dist.join("news"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        ids.sort();
        ids
    };
    assert!(pages(&from_files).len() >= 9);
    assert_eq!(pages(&over_http), pages(&from_files));
    for id in [SEED_ID, "arabic-sample"] {
        let page = |dist: &Path| {
            std::fs::read_to_string(dist.join("news").join(id).join("index.html")).unwrap()
        };
        assert_eq!(page(&over_http), page(&from_files), "{id}");
    }
}

/// What the test API answers to one request.
enum Reply {
    /// 200 with the file's contents, or 404 when there is no such file.
    File(PathBuf),
    Status(u16),
    /// Nothing, ever: the connection stays open until the client gives up.
    Hang,
}

/// An HTTP API on a loopback port, under `/v1/`, that records every path asked for.
struct Api {
    base: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Api {
    /// How many times `name` (relative to the base) was asked for.
    fn asked(&self, name: &str) -> usize {
        let path = format!("/v1/{name}");
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|p| **p == path)
            .count()
    }

    fn asked_for_articles(&self) -> Vec<String> {
        let mut asked: Vec<String> = self
            .requests
            .lock()
            .unwrap()
            .iter()
            .filter_map(|p| p.strip_prefix("/v1/articles/"))
            .map(str::to_owned)
            .collect();
        asked.sort();
        asked
    }

    fn forget(&self) {
        self.requests.lock().unwrap().clear();
    }
}

/// Serves `answer(name, how many times it was asked for before)` for each `/v1/<name>`, one
/// thread per connection so that a request left hanging holds up no other.
fn serve(answer: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Api {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let answer = Arc::new(answer);
    let log = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let (mut stream, log, answer) = (stream.unwrap(), log.clone(), answer.clone());
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                reader.read_line(&mut request_line).unwrap();
                let mut header = String::new();
                while reader.read_line(&mut header).unwrap_or(0) > 2 {
                    header.clear();
                }
                let path = request_line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .to_owned();
                let before = {
                    let mut log = log.lock().unwrap();
                    log.push(path.clone());
                    log.iter().filter(|p| **p == path).count() - 1
                };
                let reply = match path.strip_prefix("/v1/") {
                    Some(name) => answer(name, before),
                    None => Reply::Status(404),
                };
                let (status, body) = match reply {
                    Reply::File(file) => match std::fs::read(file) {
                        Ok(body) => (200, body),
                        Err(_) => (404, Vec::new()),
                    },
                    Reply::Status(status) => (status, Vec::new()),
                    Reply::Hang => {
                        let _ = reader.read_to_end(&mut Vec::new());
                        return;
                    }
                };
                let head = format!(
                    "HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&[head.into_bytes(), body].concat());
            });
        }
    });
    Api {
        base: format!("http://127.0.0.1:{port}/v1"),
        requests,
    }
}

fn serve_dir(dir: PathBuf) -> Api {
    serve(move |name, _| Reply::File(dir.join(name)))
}

fn headline(dist: &Path, id: &str) -> String {
    text(&select(&page(dist, id), "main article h1")[0])
}

fn has_page(dist: &Path, id: &str) -> bool {
    dist.join("news").join(id).join("index.html").exists()
}

/// Every file under `dir`, relative to it.
fn files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(next) = todo.pop() {
        for entry in std::fs::read_dir(next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_story_removed_from_the_feed_loses_its_page_and_nothing_else_does() {
    let a = story("stays", "Stays", "World", "2022-01-12T10:00:00Z");
    let b = story("goes", "Goes", "Arts", "2022-01-12T10:00:00Z");
    let (dist, api) = site_with_feed("prune", &[&[a.clone(), b]]);
    prerender(&dist, &api);
    assert!(has_page(&dist, "goes"));
    assert!(dist.join("section/Arts/index.html").exists());
    // What the pre-render did not write: another deploy step's file, and a file beside a page.
    std::fs::create_dir_all(dist.join("news/hand-made")).unwrap();
    std::fs::write(dist.join("news/hand-made/index.html"), "mine").unwrap();
    std::fs::write(dist.join("news/goes/notes.txt"), "mine too").unwrap();

    write_feed(&api, &[&[a]]);
    let summary = prerender(&dist, &api);
    assert!(!has_page(&dist, "goes"), "{summary}");
    assert!(!dist.join("section/Arts/index.html").exists(), "{summary}");
    assert!(
        summary.contains("removed (no longer in the feed): news/goes/index.html"),
        "the run says what it removed: {summary}"
    );
    assert!(summary.contains("section/Arts/index.html"), "{summary}");
    assert_eq!(headline(&dist, "stays"), "Stays");
    assert_eq!(
        std::fs::read_to_string(dist.join("news/hand-made/index.html")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(dist.join("news/goes/notes.txt")).unwrap(),
        "mine too"
    );
}

/// A page is replaced by another file taking its name, never rewritten in place: whoever holds
/// the old one (nginx sending it, a copy in progress; here a hard link) has it whole, and no
/// temporary file is left behind.
#[test]
fn a_page_is_replaced_whole() {
    let (dist, api) = site_with_feed(
        "atomic",
        &[&[story("story", "First", "World", "2022-01-12T10:00:00Z")]],
    );
    prerender(&dist, &api);
    let path = dist.join("news/story/index.html");
    let first = std::fs::read_to_string(&path).unwrap();
    let held = dist.join("held.html");
    std::fs::hard_link(&path, &held).unwrap();

    write_feed(
        &api,
        &[&[story("story", "Second", "World", "2022-01-13T10:00:00Z")]],
    );
    prerender(&dist, &api);
    assert_eq!(headline(&dist, "story"), "Second");
    assert_eq!(
        std::fs::read_to_string(&held).unwrap(),
        first,
        "the old page was not written over"
    );
    let temporary: Vec<_> = files(&dist)
        .into_iter()
        .filter(|f| f.contains("tmp"))
        .collect();
    assert!(temporary.is_empty(), "{temporary:?}");
}

#[test]
fn a_request_that_never_answers_times_out_and_costs_only_its_story() {
    let (dist, dir) = site_with_feed(
        "timeout",
        &[&[
            story("answered", "Answered", "World", "2022-01-12T10:00:00Z"),
            story("silent", "Silent", "World", "2022-01-12T10:00:00Z"),
        ]],
    );
    let api = serve(move |name, _| match name {
        "articles/silent.json" => Reply::Hang,
        name => Reply::File(dir.join(name)),
    });
    let partial = run(&dist, &api.base, &shell(), &["--timeout", "1"]).succeeded();
    assert!(has_page(&dist, "answered"));
    assert!(!has_page(&dist, "silent"));
    partial.assert_says(&[
        "warning: story silent skipped",
        "articles/silent.json",
        "tried 3 times",
    ]);
    // Three tries of a second each and the pauses between them, with room for a slow machine.
    assert!(partial.took < Duration::from_secs(20), "{:?}", partial.took);

    let silent = serve(|_, _| Reply::Hang);
    let nothing = run(
        &site_dir("timeout-first"),
        &silent.base,
        &shell(),
        &["--timeout", "1"],
    );
    assert!(
        !nothing.status.success(),
        "nothing could be read: {}",
        nothing.stdout
    );
    nothing.assert_says(&["feed.json"]);
}

/// One policy for every document: tried again when the failure may pass, then skipped with a
/// warning. Only the feed's first page is needed for a run to be worth anything.
#[test]
fn a_failing_later_feed_page_is_skipped_and_a_failing_first_page_fails_the_run() {
    let early = story("early", "Early", "World", "2022-01-12T10:00:00Z");
    let late = story("late", "Late", "World", "2022-01-10T10:00:00Z");
    let flaky = story("flaky", "Flaky", "World", "2022-01-12T10:00:00Z");
    let (dist, dir) = site_with_feed(
        "failures",
        &[&[early.clone(), flaky.clone()], std::slice::from_ref(&late)],
    );
    let failing = Arc::new(Mutex::new(None::<&'static str>));
    let fail = failing.clone();
    let api = serve(move |name, before| {
        if *fail.lock().unwrap() == Some(name) {
            return Reply::Status(500);
        }
        match name {
            // Down for a moment: the retry gets it.
            "articles/flaky.json" if before == 0 => Reply::Status(503),
            name => Reply::File(dir.join(name)),
        }
    });
    let all = run(&dist, &api.base, &shell(), &[]).succeeded();
    assert!(has_page(&dist, "late") && has_page(&dist, "flaky"));
    assert_eq!(api.asked("articles/flaky.json"), 2);
    assert!(!all.stderr.contains("warning"), "{}", all.stderr);

    // The second page fails: its story cannot be known to be gone, so its page stays.
    *failing.lock().unwrap() = Some("feed-2.json");
    api.forget();
    write_feed(
        &dist.join("api"),
        &[
            &[
                story("early", "Early again", "World", "2022-01-14T10:00:00Z"),
                flaky,
            ],
            &[late],
        ],
    );
    let partial = run(&dist, &api.base, &shell(), &[]).succeeded();
    assert_eq!(headline(&dist, "early"), "Early again");
    assert!(has_page(&dist, "late"), "{}", partial.stdout);
    assert_eq!(api.asked("feed-2.json"), 3, "tried, then tried twice more");
    partial.assert_says(&["warning: feed page skipped", "feed-2.json", "500"]);

    *failing.lock().unwrap() = Some("feed.json");
    api.forget();
    let before = files(&dist);
    let none = run(&dist, &api.base, &shell(), &[]);
    assert!(!none.status.success(), "{}", none.stdout);
    none.assert_says(&["feed.json", "500"]);
    assert_eq!(api.asked("feed.json"), 3);
    assert_eq!(files(&dist), before, "nothing written, nothing removed");
}

#[test]
fn an_unchanged_story_is_not_fetched_or_rendered_again() {
    let one = story("one", "One", "World", "2022-01-12T10:00:00Z");
    let two = story("two", "Two", "World", "2022-01-12T10:00:00Z");
    let (dist, dir) = site_with_feed("incremental", &[&[one.clone(), two.clone()]]);
    let api = serve_dir(dir.clone());
    run(&dist, &api.base, &shell(), &[]).succeeded();
    assert_eq!(api.asked_for_articles(), ["one.json", "two.json"]);

    api.forget();
    let again = run(&dist, &api.base, &shell(), &[]).succeeded();
    assert_eq!(api.asked_for_articles(), Vec::<String>::new());
    assert!(again.stdout.contains("2 unchanged"), "{}", again.stdout);
    assert_eq!(headline(&dist, "one"), "One");

    api.forget();
    write_feed(
        &dir,
        &[&[
            one,
            story("two", "Two, updated", "World", "2022-01-13T08:00:00Z"),
        ]],
    );
    run(&dist, &api.base, &shell(), &[]).succeeded();
    assert_eq!(api.asked_for_articles(), ["two.json"]);
    assert_eq!(headline(&dist, "two"), "Two, updated");

    // A new build: its shell names other files, and every page must start the new app.
    api.forget();
    let rebuilt = shell().replace("</head>", r#"<meta name="build" content="2"></head>"#);
    run(&dist, &api.base, &rebuilt, &[]).succeeded();
    assert_eq!(api.asked_for_articles(), ["one.json", "two.json"]);
    let served = std::fs::read_to_string(dist.join("news/one/index.html")).unwrap();
    assert!(
        served.contains(r#"<meta name="build" content="2">"#),
        "the page has the new shell"
    );

    // A page deleted by hand is made again, though its story has not changed.
    api.forget();
    std::fs::remove_file(dist.join("news/one/index.html")).unwrap();
    run(&dist, &api.base, &rebuilt, &[]).succeeded();
    assert_eq!(api.asked_for_articles(), ["one.json"]);
    assert!(has_page(&dist, "one"));
}
/// The pages of one device's reader: the service worker's answer offline for a page the device
/// does not have, and Saved. Each is the site's frame and a list public/offline.js fills, with
/// no app to draw the address's own page over it.
#[test]
fn the_offline_and_saved_pages_are_in_the_frame_without_the_app() {
    let dist = site_dir("offline");
    let boot = r#"<script type="module" src="/boot-0123456789abcdef.js"></script>"#;
    let built = shell().replacen("</head>", &format!("{boot}\n</head>"), 1);
    std::fs::write(dist.join("index.html"), built).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .args(["--dist", dist.to_str().unwrap()])
        .args(["--api", sample_api().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    for (file, title, list) in [
        (
            "offline.html",
            broadsheet::strings::OFFLINE_PAGE_TITLE,
            "offline-stories",
        ),
        (
            "saved/index.html",
            broadsheet::strings::SAVED_TITLE,
            "saved-stories",
        ),
    ] {
        let written = std::fs::read_to_string(dist.join(file)).unwrap();
        assert!(!written.contains("boot-0123456789abcdef"), "{file}: no app");
        assert!(!written.contains("page-data"), "{file}: no document");
        let html = Html::parse_document(&written);
        assert_eq!(select(&html, "header.masthead").len(), 1, "{file}: frame");
        assert_eq!(text(&select(&html, "body > main#main h1")[0]), title);
        assert_eq!(select(&html, &format!("main ul#{list}")).len(), 1, "{file}");
        assert_eq!(
            select(&html, r#"meta[name="robots"]"#)[0]
                .value()
                .attr("content"),
            Some("noindex"),
            "{file}"
        );
    }
    assert!(
        std::fs::read_to_string(dist.join("index.html"))
            .unwrap()
            .contains(boot),
        "All News keeps its app"
    );
}
