//! Other publishers' feeds, shaped like real ones (tests/fixtures/feeds/): each parses, and
//! each item becomes an article of its own with nothing unsafe left in it.
#![cfg(not(target_arch = "wasm32"))]
#![recursion_limit = "256"]

use broadsheet::components::ArticleView;
use broadsheet::model::{Block, Feed};
use leptos::prelude::*;

fn fixture(name: &str) -> Feed {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    Feed::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn rendered(feed: &Feed, index: usize) -> String {
    let article = feed.items[index].to_article();
    Owner::new().with(|| view! { <ArticleView article/> }.to_html())
}

#[test]
fn html_content_keeps_its_text_and_structure_and_loses_its_scripts() {
    let feed = fixture("html-with-scripts.json");
    let item = &feed.items[0];
    assert!(!item.has_article_document());
    let article = item.to_article();
    assert_eq!(article.language, "en-GB");
    assert_eq!(article.authors[0].name, "Morwenna Pascoe");
    assert!(article
        .body
        .iter()
        .any(|b| matches!(b, Block::Heading { text, .. } if text == "What changes")));
    assert!(article
        .body
        .iter()
        .any(|b| matches!(b, Block::Quote { .. })));
    let Some(Block::List { items, .. }) = article
        .body
        .iter()
        .find(|b| matches!(b, Block::List { .. }))
    else {
        panic!("the nested list is lost")
    };
    assert_eq!(items.len(), 4, "nested items are kept, flattened");

    let html = rendered(&feed, 0);
    for gone in [
        "<script",
        "__xss",
        "onclick",
        "onerror",
        "<iframe",
        "tracker.example",
        "<style",
        "display:none",
        "javascript:",
    ] {
        assert!(!html.contains(gone), "{gone} survived");
    }
    for kept in [
        "winter timetable",
        "full week",
        "a trap",
        "The 07:15 sailing.",
        "09:30 moves to 10:00",
    ] {
        assert!(html.contains(kept), "{kept} was lost");
    }
    assert!(html.contains(r#"href="https://harbour-gazette.example/timetable""#));
    assert!(html.contains(r#"alt="The ferry leaving the harbour at dawn""#));
    assert!(
        html.contains(r#"href="https://harbour-gazette.example/2022/01/ferry-timetable""#),
        "link to the original"
    );
}

#[test]
fn text_only_items_become_paragraphs_and_bad_dates_are_dropped() {
    let feed = fixture("text-only.json");
    assert_eq!(feed.items.len(), 2);
    let first = feed.items[0].to_article();
    assert_eq!(
        first.body.len(),
        3,
        "two paragraphs and the link to the original"
    );
    assert!(first.published.is_some());
    let second = feed.items[1].to_article();
    assert_eq!(second.published, None);
    assert!(!rendered(&feed, 1).contains("<time"));
}

#[test]
fn untitled_items_are_named_by_their_words_and_id_less_ones_by_their_url() {
    let feed = fixture("untitled-microblog.json");
    let ids: Vec<_> = feed.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1001", "https://micro.example/2022/01/11/no-id.html"]);
    assert_eq!(
        feed.items[0].display_title(),
        "Frost on every car this morning, and the photos to prove it."
    );
    assert_eq!(
        feed.items[0].authors[0].name, "Ada Byline",
        "feed-level author"
    );
}

#[test]
fn json_feed_1_0_authors_are_read() {
    let feed = fixture("legacy-1.0-author.json");
    assert_eq!(feed.items[0].authors[0].name, "Item Author");
    assert_eq!(feed.items[1].authors[0].name, "Feed-wide Author");
}
