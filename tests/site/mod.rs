//! A pre-rendered site for the tests that run the pre-render: a directory of its own, the
//! app's page and the bundled sample API. Each test crate uses the part it needs.
#![allow(dead_code)]

use broadsheet::model::{Article, Feed};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh directory for one test's site, removed when the test is over.
pub struct Site(PathBuf);

impl std::ops::Deref for Site {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Named after the test crate, the process and the test, so tests running at once never share.
pub fn site_dir(name: &str) -> Site {
    let dir = std::env::temp_dir().join(format!(
        "broadsheet-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Site(dir)
}

/// The app's page as Trunk's input has it: what the pre-render needs of a build is its head
/// and body, which Trunk keeps.
pub fn shell() -> String {
    std::fs::read_to_string(repo().join("index.html")).unwrap()
}

pub fn sample_api() -> PathBuf {
    repo().join("public/api")
}

pub fn sample_article(id: &str) -> Article {
    let path = sample_api().join(format!("articles/{id}.json"));
    Article::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A story of a test feed: its feed item and its article document.
pub fn story(id: &str, headline: &str, section: &str, modified: &str) -> (Value, Value) {
    let item = json!({
        "id": id, "url": format!("/news/{id}"), "title": headline,
        "date_published": "2022-01-11T09:30:00Z", "date_modified": modified,
        "_broadsheet": { "section": section, "article": format!("articles/{id}.json") }
    });
    let document = json!({
        "id": id, "url": format!("/news/{id}"), "headline": headline, "section": section,
        "language": "en", "published": "2022-01-11T09:30:00Z", "modified": modified,
        "body": [{ "type": "paragraph", "content": [{ "text": "A paragraph." }] }]
    });
    (item, document)
}

/// Writes a feed of these pages (`feed.json`, then `feed-2.json`, ... along `next_url`) and
/// each story's document into the API directory `api`.
pub fn write_feed(api: &Path, pages: &[&[(Value, Value)]]) {
    std::fs::create_dir_all(api.join("articles")).unwrap();
    for (n, stories) in pages.iter().enumerate() {
        let name = |n: usize| match n {
            0 => "feed.json".to_owned(),
            n => format!("feed-{}.json", n + 1),
        };
        let mut feed = json!({
            "version": "https://jsonfeed.org/version/1.1", "title": "Test",
            "items": stories.iter().map(|(item, _)| item.clone()).collect::<Vec<_>>()
        });
        if n + 1 < pages.len() {
            feed["next_url"] = json!(name(n + 1));
        }
        std::fs::write(api.join(name(n)), feed.to_string()).unwrap();
        for (item, document) in stories.iter() {
            let id = item["id"].as_str().unwrap();
            std::fs::write(
                api.join(format!("articles/{id}.json")),
                document.to_string(),
            )
            .unwrap();
        }
    }
}

/// A fresh site (`site_dir`) that `prerender`, the test crate's successful run, has made from
/// the sample API; and what the run printed.
pub fn sample_site(name: &str, prerender: impl FnOnce(&Path, &Path) -> String) -> (Site, String) {
    let dist = site_dir(name);
    let summary = prerender(&dist, &sample_api());
    (dist, summary)
}

/// A fresh site (`site_dir`) whose API directory, `api` inside it, holds a feed of these pages
/// (`write_feed`).
pub fn site_with_feed(name: &str, pages: &[&[(Value, Value)]]) -> (Site, PathBuf) {
    let dist = site_dir(name);
    let api = dist.join("api");
    write_feed(&api, pages);
    (dist, api)
}

/// Every story of the sample feed, along `next_url`: nine, over both of its pages, which a test
/// over every story needs to mean anything.
pub fn sample_ids() -> Vec<String> {
    let mut ids = Vec::new();
    let mut next = Some("feed.json".to_owned());
    while let Some(name) = next {
        let feed =
            Feed::parse(&std::fs::read_to_string(sample_api().join(&name)).unwrap()).unwrap();
        ids.extend(feed.items.iter().map(|i| i.id.clone()));
        next = feed.next_url.map(|u| u.to_string());
    }
    assert!(ids.len() >= 9, "{ids:?}");
    ids
}
