//! What the pre-render tells feed readers and partners' CMSs about the site, read from the
//! files as they would read them: every page (and the app shell) links the JSON Feed it shows,
//! and every article links its oEmbed document, which the pre-render writes beside it
//! (oEmbed 1.0, type `rich`: https://oembed.com/), keeps in step with the feed and removes
//! with its story.
#![cfg(not(target_arch = "wasm32"))]

mod markup;
mod site;
use markup::select;
use scraper::Html;
use serde_json::Value;
use site::{
    sample_api, sample_article, sample_ids, sample_site, shell, site_dir, site_with_feed, story,
    write_feed,
};
use std::path::Path;
use std::process::Command;

const SITE: &str = "https://news.example";

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// Runs the pre-render on `dist` as a deploy does after a build whose page is `shell`.
fn run(dist: &Path, api: &Path, shell: &str, more: &[&str]) -> Run {
    std::fs::write(dist.join("index.html"), shell).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .args(["--dist", dist.to_str().unwrap()])
        .args(["--api", api.to_str().unwrap()])
        .args(more)
        .output()
        .unwrap();
    Run {
        ok: output.status.success(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A run that must succeed, with the deployment's origin.
fn prerender(dist: &Path, api: &Path) -> String {
    let done = run(dist, api, &shell(), &["--site", SITE]);
    assert!(done.ok, "{}", done.stderr);
    done.stdout
}

fn html(path: &Path) -> Html {
    Html::parse_document(
        &std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
}

/// The `(href, title)` of each `<link rel="alternate" type=TYPE>` in the head.
fn alternates(page: &Html, kind: &str) -> Vec<(String, String)> {
    select(page, &format!("head link[rel=alternate][type=\"{kind}\"]"))
        .iter()
        .map(|link| {
            let attr = |name| link.value().attr(name).unwrap_or_default().to_owned();
            (attr("href"), attr("title"))
        })
        .collect()
}

fn oembed(dist: &Path, id: &str) -> Value {
    let path = dist.join("oembed").join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn positive_integer(doc: &Value, key: &str) -> u64 {
    doc[key]
        .as_u64()
        .filter(|n| *n > 0)
        .unwrap_or_else(|| panic!("{key} is a positive integer: {doc}"))
}

/// An absolute http(s) address.
fn absolute_url(doc: &Value, key: &str) -> url::Url {
    let text = doc[key].as_str().unwrap_or_else(|| panic!("{key}: {doc}"));
    let url = url::Url::parse(text).unwrap_or_else(|e| panic!("{key} {text}: {e}"));
    assert!(matches!(url.scheme(), "http" | "https"), "{key} {text}");
    url
}

/// The oEmbed 1.0 response rules for a `rich` document (spec, 2.3.4): what must be there, of
/// which type, and what must come together.
fn assert_rich_oembed(doc: &Value) {
    assert_eq!(doc["version"], "1.0", "{doc}");
    assert_eq!(doc["type"], "rich", "{doc}");
    assert!(doc["html"].as_str().is_some_and(|h| !h.is_empty()), "{doc}");
    positive_integer(doc, "width");
    positive_integer(doc, "height");
    for text in ["title", "author_name", "provider_name"] {
        assert!(
            doc[text].is_null() || doc[text].is_string(),
            "{text}: {doc}"
        );
    }
    for url in ["author_url", "provider_url"] {
        if !doc[url].is_null() {
            absolute_url(doc, url);
        }
    }
    if !doc["cache_age"].is_null() {
        positive_integer(doc, "cache_age");
    }
    let thumbnail =
        ["thumbnail_url", "thumbnail_width", "thumbnail_height"].map(|k| doc[k].is_null());
    assert!(
        thumbnail.iter().all(|n| *n) || thumbnail.iter().all(|n| !n),
        "a thumbnail's address comes with its size: {doc}"
    );
    if !thumbnail[0] {
        absolute_url(doc, "thumbnail_url");
        positive_integer(doc, "thumbnail_width");
        positive_integer(doc, "thumbnail_height");
    }
}

/// The card snippet in a document's `html`, read as a partner's page reads it.
fn assert_card_snippet(html: &str, id: &str) {
    let fragment = Html::parse_fragment(html);
    let cards = select(&fragment, "div[data-broadsheet-embed]");
    assert_eq!(cards.len(), 1, "{html}");
    let card = cards[0].value();
    assert_eq!(
        card.attr("data-broadsheet-embed"),
        Some("article"),
        "{html}"
    );
    assert_eq!(card.attr("data-id"), Some(id), "{html}");
    assert_eq!(card.attr("data-theme"), Some("auto"), "{html}");
    let fallback = select(&fragment, "div[data-broadsheet-embed] > a");
    assert_eq!(
        fallback[0].value().attr("href"),
        Some(format!("{SITE}/news/{id}").as_str()),
        "without scripts, a link to the story: {html}"
    );
    let scripts = select(&fragment, "script");
    assert_eq!(scripts.len(), 1, "{html}");
    assert_eq!(
        scripts[0].value().attr("src"),
        Some(format!("{SITE}/embed.js").as_str())
    );
    assert!(scripts[0].value().attr("async").is_some(), "{html}");
}

#[test]
fn every_page_and_the_app_shell_link_the_feed() {
    let (dist, _) = sample_site("feed-link", prerender);
    let mut pages = vec![
        dist.join("index.html"),
        dist.join("app-shell.html"),
        dist.join("offline.html"),
        dist.join("saved/index.html"),
    ];
    for dir in ["section", "news"] {
        let found: Vec<_> = std::fs::read_dir(dist.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path().join("index.html"))
            .collect();
        assert!(!found.is_empty(), "{dir}");
        pages.extend(found);
    }
    assert!(pages.len() >= 9 + 3 + 4, "{pages:?}");
    for page in &pages {
        assert_eq!(
            alternates(&html(page), "application/feed+json"),
            [(
                format!("{SITE}/api/feed.json"),
                "All News — Broadsheet".to_owned()
            )],
            "{}: one link, to the API's feed (the API has none per section)",
            page.display()
        );
    }
    // What the shell was, besides: the app starts from it as before.
    let kept = std::fs::read_to_string(dist.join("app-shell.html")).unwrap();
    let link = kept
        .lines()
        .find(|l| l.contains("application/feed+json"))
        .unwrap();
    assert_eq!(kept.replacen(&format!("\n{link}"), "", 1), shell());
}

/// The feed is wherever the page's `broadsheet:api` meta puts the API, the one place a
/// deployment names it; a run after the meta changes follows it.
#[test]
fn the_feed_link_follows_the_api_the_page_names() {
    let dist = site_dir("feed-api");
    let elsewhere = shell().replace(
        r#"<meta name="broadsheet:api" content="/api/" />"#,
        r#"<meta name="broadsheet:api" content="https://api.example/v1/?key=a&amp;b" />"#,
    );
    assert_ne!(elsewhere, shell(), "the test changes the meta");
    let done = run(&dist, &sample_api(), &elsewhere, &["--site", SITE]);
    assert!(done.ok, "{}", done.stderr);
    let app_shell = html(&dist.join("app-shell.html"));
    assert_eq!(
        alternates(&app_shell, "application/feed+json")[0].0,
        "https://api.example/v1/feed.json"
    );

    // Back to the site's own API, with no --site: a path on the site, whichever page has it.
    let done = run(&dist, &sample_api(), &shell(), &[]);
    assert!(done.ok, "{}", done.stderr);
    for page in [
        "app-shell.html",
        "index.html",
        "news/arabic-sample/index.html",
    ] {
        assert_eq!(
            alternates(&html(&dist.join(page)), "application/feed+json"),
            [(
                "/api/feed.json".to_owned(),
                "All News — Broadsheet".to_owned()
            )],
            "{page}: one link, the last run's"
        );
    }

    // A page that names no API: the app's default, so the link's too.
    let unnamed = shell().replace(r#"<meta name="broadsheet:api" content="/api/" />"#, "");
    let done = run(&dist, &sample_api(), &unnamed, &["--site", SITE]);
    assert!(done.ok, "{}", done.stderr);
    assert_eq!(
        alternates(&html(&dist.join("index.html")), "application/feed+json")[0].0,
        format!("{SITE}/api/feed.json")
    );
}

#[test]
fn every_article_has_an_oembed_document_its_page_links() {
    let (dist, summary) = sample_site("oembed", prerender);
    let ids = sample_ids();
    assert!(
        summary.contains(&format!("{} oEmbed document(s)", ids.len())),
        "{summary}"
    );
    let mut with_thumbnail = 0;
    for id in &ids {
        let article = sample_article(id);
        let page = html(&dist.join("news").join(id).join("index.html"));
        assert_eq!(
            alternates(&page, "application/json+oembed"),
            [(format!("{SITE}/oembed/{id}.json"), article.headline.clone())],
            "{id}: the page links its document"
        );
        let doc = oembed(&dist, id);
        assert_rich_oembed(&doc);
        assert_eq!(doc["title"], article.headline.as_str(), "{id}");
        assert_eq!(doc["provider_name"], "Broadsheet");
        assert_eq!(doc["provider_url"], format!("{SITE}/"));
        assert_card_snippet(doc["html"].as_str().unwrap(), id);

        let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
        if names.is_empty() {
            assert!(doc["author_name"].is_null(), "{id}: {doc}");
        } else {
            assert_eq!(doc["author_name"], names.join(", "), "{id}");
        }
        match article.authors.as_slice() {
            [only] if only.url.is_some() => {
                assert_eq!(
                    absolute_url(&doc, "author_url").host_str(),
                    Some("news.example")
                )
            }
            _ => assert!(doc["author_url"].is_null(), "{id}: {doc}"),
        }
        match article
            .hero
            .as_ref()
            .filter(|h| h.width > 0 && h.height > 0)
        {
            Some(hero) => {
                with_thumbnail += 1;
                assert_eq!(
                    doc["thumbnail_url"],
                    url::Url::parse(SITE)
                        .unwrap()
                        .join(hero.src.as_str())
                        .unwrap()
                        .as_str()
                );
                assert_eq!(doc["thumbnail_width"], hero.width);
                assert_eq!(doc["thumbnail_height"], hero.height);
                assert!(
                    doc["height"].as_u64() > Some(doc["width"].as_u64().unwrap() * 9 / 16),
                    "the picture's frame is counted in: {doc}"
                );
            }
            None => assert!(doc["thumbnail_url"].is_null(), "{id}: {doc}"),
        }
    }
    assert!(with_thumbnail > 0, "the sample's heroes are thumbnails");
    // Pages that show no single story link no oEmbed document.
    for page in ["index.html", "app-shell.html", "offline.html"] {
        assert!(alternates(&html(&dist.join(page)), "application/json+oembed").is_empty());
    }
}

fn has_oembed(dist: &Path, id: &str) -> bool {
    dist.join("oembed").join(format!("{id}.json")).is_file()
}

/// The documents are the pre-render's own, like its pages: kept in step with the feed, written
/// whole, made again when missing, and removed with their story or without a --site; nothing
/// else is touched.
#[test]
fn oembed_documents_follow_the_feed() {
    let stays = story("stays", "Stays", "World", "2022-01-12T10:00:00Z");
    let (dist, api) = site_with_feed(
        "oembed-prune",
        &[&[
            stays.clone(),
            story("goes", "Goes", "World", "2022-01-12T10:00:00Z"),
        ]],
    );
    prerender(&dist, &api);
    assert!(has_oembed(&dist, "stays") && has_oembed(&dist, "goes"));
    std::fs::write(dist.join("oembed/hand-made.json"), "mine").unwrap();

    // Updated: written again, whole.
    write_feed(
        &api,
        &[&[
            story("stays", "Stays, updated", "World", "2022-01-13T10:00:00Z"),
            story("goes", "Goes", "World", "2022-01-12T10:00:00Z"),
        ]],
    );
    prerender(&dist, &api);
    assert_eq!(oembed(&dist, "stays")["title"], "Stays, updated");
    let names: Vec<_> = std::fs::read_dir(dist.join("oembed"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("tmp")),
        "no temporary file left: {names:?}"
    );

    // Gone from the feed: its document goes with its page.
    write_feed(&api, &[std::slice::from_ref(&stays)]);
    let summary = prerender(&dist, &api);
    assert!(!has_oembed(&dist, "goes"), "{summary}");
    assert!(summary.contains("oembed/goes.json"), "{summary}");
    assert!(has_oembed(&dist, "stays"));

    // Deleted by hand, or never written by an older pre-render whose record has no list of
    // documents: made again, though the story has not changed.
    std::fs::remove_file(dist.join("oembed/stays.json")).unwrap();
    let record = dist.join(".prerendered.json");
    let mut older: Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    older.as_object_mut().unwrap().remove("oembed");
    std::fs::write(&record, older.to_string()).unwrap();
    let summary = prerender(&dist, &api);
    assert!(has_oembed(&dist, "stays"), "{summary}");

    // A run that does not know the site's origin cannot write them: the ones it wrote go, and
    // the page no longer links one.
    let done = run(&dist, &api, &shell(), &[]);
    assert!(done.ok, "{}", done.stderr);
    assert!(!has_oembed(&dist, "stays"), "{}", done.stdout);
    assert!(done.stderr.contains("oEmbed"), "{}", done.stderr);
    let page = html(&dist.join("news/stays/index.html"));
    assert!(alternates(&page, "application/json+oembed").is_empty());
    assert_eq!(
        std::fs::read_to_string(dist.join("oembed/hand-made.json")).unwrap(),
        "mine",
        "nothing the pre-render did not write is removed"
    );
}

#[test]
fn a_hostile_headline_stays_text_in_the_document_and_its_link() {
    let evil = "</script><script>alert(1)</script>\"><img src=x onerror=alert(2)><!--";
    let (dist, api) = site_with_feed(
        "oembed-hostile",
        &[&[story("hostile", evil, "World", "2022-01-12T10:00:00Z")]],
    );
    prerender(&dist, &api);
    let page = html(&dist.join("news/hostile/index.html"));
    assert_eq!(
        alternates(&page, "application/json+oembed"),
        [(format!("{SITE}/oembed/hostile.json"), evil.to_owned())]
    );
    assert!(select(&page, "img[onerror]").is_empty());
    let doc = oembed(&dist, "hostile");
    assert_rich_oembed(&doc);
    assert_eq!(doc["title"], evil);
    assert!(
        doc["thumbnail_url"].is_null(),
        "no hero, no thumbnail: {doc}"
    );
    assert!(
        !doc["html"].as_str().unwrap().contains("alert"),
        "the snippet is made of the id and the site only"
    );
}

#[test]
fn a_site_that_is_not_an_origin_fails_the_run_and_writes_nothing() {
    for site in [
        "news.example",
        "ftp://news.example",
        "https://news.example/news",
    ] {
        let dist = site_dir("bad-site");
        let done = run(&dist, &sample_api(), &shell(), &["--site", site]);
        assert!(!done.ok, "{site}: {}", done.stdout);
        assert!(
            done.stderr.contains(&format!("--site {site}")),
            "{site}: {}",
            done.stderr
        );
        let written: Vec<_> = std::fs::read_dir(&*dist)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(written, ["index.html"], "{site}");
    }
}
