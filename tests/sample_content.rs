//! The bundled sample content is what every developer and every test sees first: every
//! document must parse in full, with no block or item lost to the lenient parsing.
#![cfg(not(target_arch = "wasm32"))]

use broadsheet::model::{Article, Feed};
use std::path::{Path, PathBuf};

fn api_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api")
}

fn raw(path: &Path) -> (String, serde_json::Value) {
    let text = std::fs::read_to_string(path).unwrap();
    let value = serde_json::from_str(&text).unwrap();
    (text, value)
}

#[test]
fn every_sample_article_parses_with_every_block() {
    let mut count = 0;
    for entry in std::fs::read_dir(api_dir().join("articles")).unwrap() {
        let path = entry.unwrap().path();
        let (text, value) = raw(&path);
        let article = Article::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            Some(article.id.as_str()),
            path.file_stem().and_then(|s| s.to_str())
        );
        assert_eq!(
            article.body.len(),
            value["body"].as_array().unwrap().len(),
            "{}",
            path.display()
        );
        assert_eq!(article.hero.is_some(), value.get("hero").is_some());
        count += 1;
    }
    assert!(
        count >= 3,
        "the seed and the two articles its context box links to"
    );
}

#[test]
fn every_feed_page_parses_with_every_item_and_the_pages_chain() {
    let mut page = Some("feed.json".to_owned());
    let mut pages = 0;
    while let Some(name) = page {
        let (text, value) = raw(&api_dir().join(&name));
        let feed = Feed::parse(&text).unwrap();
        assert_eq!(
            feed.items.len(),
            value["items"].as_array().unwrap().len(),
            "{name}"
        );
        for item in &feed.items {
            let article = item
                .broadsheet
                .as_ref()
                .and_then(|b| b.article.as_ref())
                .unwrap();
            assert!(api_dir().join(article.as_str()).is_file(), "{article}");
        }
        page = feed.next_url.map(|u| u.to_string());
        pages += 1;
        assert!(pages < 10, "next_url loops");
    }
    assert!(pages >= 2, "the sample feed has at least two pages");
}
