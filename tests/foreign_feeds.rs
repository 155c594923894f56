//! Other publishers' feeds, shaped like real ones (tests/fixtures/feeds/): each parses, and
//! each item becomes an article of its own with nothing unsafe left in it.
#![cfg(not(target_arch = "wasm32"))]
#![recursion_limit = "256"]

use broadsheet::components::ArticleView;
use broadsheet::model::{Block, Feed};
use broadsheet::routes;
use broadsheet::strings::ORIGINAL_STORY;
use leptos::prelude::*;

fn fixture(name: &str) -> Feed {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    Feed::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Each item's id as read, in the feed's order.
fn ids(feed: &Feed) -> Vec<&str> {
    feed.items.iter().map(|i| i.id.as_str()).collect()
}

fn rendered(feed: &Feed, index: usize) -> String {
    let article = feed.items[index].to_article(ORIGINAL_STORY, routes::article);
    Owner::new().with(|| view! { <ArticleView article/> }.to_html())
}

#[test]
fn html_content_keeps_its_text_and_structure_and_loses_its_scripts() {
    let feed = fixture("html-with-scripts.json");
    let item = &feed.items[0];
    assert!(!item.has_article_document());
    let article = item.to_article(ORIGINAL_STORY, routes::article);
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
    let first = feed.items[0].to_article(ORIGINAL_STORY, routes::article);
    assert_eq!(
        first.body.len(),
        3,
        "two paragraphs and the link to the original"
    );
    assert!(first.published.is_some());
    let second = feed.items[1].to_article(ORIGINAL_STORY, routes::article);
    assert_eq!(second.published, None);
    assert!(!rendered(&feed, 1).contains("<time"));
}

#[test]
fn untitled_items_are_named_by_their_words_and_id_less_ones_by_their_url() {
    let feed = fixture("untitled-microblog.json");
    assert_eq!(
        ids(&feed),
        ["1001", "https://micro.example/2022/01/11/no-id.html"]
    );
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

fn card_html(feed: &Feed, index: usize) -> String {
    use broadsheet::components::FeedItemCard;
    let item = feed.items[index].clone();
    Owner::new().with(|| view! { <FeedItemCard item/> }.to_html())
}

fn texts(article: &broadsheet::model::Article) -> Vec<String> {
    article.body.iter().filter_map(Block::text).collect()
}

#[test]
fn wordpress_titles_summaries_and_tags_are_decoded_once() {
    let feed = fixture("wordpress.json");
    assert_eq!(feed.items.len(), 2);
    let leeks = &feed.items[0];
    assert_eq!(
        leeks.title.as_deref(),
        Some("Leeks, Lovage & the Long Winter")
    );
    assert_eq!(
        leeks.summary.as_deref(),
        Some("It’s been a cold one. The leeks don’t mind; the lovage does. …")
    );
    assert_eq!(leeks.tags, ["Fruit & Veg", "winter"]);
    assert_eq!(leeks.authors.len(), 1, "1.1 authors win over the 1.0 copy");
    assert_eq!(
        feed.items[1].title.as_deref(),
        Some("“Seed catalogues” – the annual ritual")
    );
    let article = leeks.to_article(ORIGINAL_STORY, routes::article);
    assert!(article.body.iter().any(|b| matches!(b, Block::Image(i)
        if i.caption.as_deref() == Some("Frost on the Musselburgh leeks") && i.width == 1024)));
    let html = rendered(&feed, 0);
    assert!(
        html.contains("Leeks, Lovage &amp; the Long Winter"),
        "{html}"
    );
    assert!(!html.contains("&amp;#038;") && !html.contains("&amp;amp;"));
    assert!(
        !html.contains("WPCOM_sharing_counts"),
        "the sharing script is gone"
    );
    assert!(card_html(&feed, 1).contains("“Seed catalogues” – the annual ritual"));
}

#[test]
fn micro_blog_posts_without_titles_take_their_words_and_the_feeds_author() {
    let feed = fixture("microblog.json");
    assert_eq!(feed.items.len(), 2);
    let note = &feed.items[0];
    assert_eq!(note.title, None, "an empty title is no title");
    assert_eq!(
        note.display_title(),
        "Tide was so low this morning you could walk out to the…"
    );
    assert_eq!(note.authors[0].name, "Ines Quayle");
    assert!(note.published.is_some(), "offset dates are read");
    let Block::Image(photo) = &note.to_article(ORIGINAL_STORY, routes::article).body[1] else {
        panic!(
            "{:?}",
            note.to_article(ORIGINAL_STORY, routes::article).body
        )
    };
    assert_eq!(photo.alt, "The ribs of a wooden wreck on wet sand");
    assert_eq!(
        texts(&feed.items[1].to_article(ORIGINAL_STORY, routes::article))[0],
        "Carson’s chapter on the tides is the best thing I’ve read this year."
    );
}

#[test]
fn hugo_numeric_titles_null_tags_empty_images_and_inline_svg_cost_nothing_else() {
    let feed = fixture("hugo.json");
    assert_eq!(feed.items.len(), 2);
    let year = &feed.items[0];
    assert_eq!(
        year.title.as_deref(),
        Some("2021"),
        "a title front matter read as a number"
    );
    assert!(year.tags.is_empty());
    assert_eq!(year.image, None);
    assert_eq!(year.authors[0].name, "Tomas Weir");
    assert_eq!(year.authors[0].url, None);
    let body = texts(&year.to_article(ORIGINAL_STORY, routes::article));
    assert!(body.contains(&"What stuck".to_owned()), "{body:?}");
    assert!(
        body.contains(&"fmt.Println(\"hello\")".to_owned()),
        "{body:?}"
    );
    assert!(
        body.contains(&"The <svg> icons1 stayed inline: and so did the rest.".to_owned()),
        "text after an inline svg is kept: {body:?}"
    );
    assert_eq!(
        texts(&feed.items[1].to_article(ORIGINAL_STORY, routes::article))[..2],
        ["The embed package, three years on.", "It still works."],
        "text after a void <embed> is kept"
    );
    assert!(!rendered(&feed, 0).contains("<svg"));
    assert_eq!(
        feed.items[1].modified, None,
        "Go's zero time is no date: the template's `.Lastmod` of a page without one"
    );
    assert!(feed.items[1].published.is_some());
}

#[test]
fn jekyll_http_version_string_tags_and_escaped_titles_are_read() {
    let feed = fixture("jekyll.json");
    assert_eq!(
        feed.items.len(),
        2,
        "the whole feed, over an http version URL"
    );
    let task = &feed.items[0];
    assert_eq!(task.title.as_deref(), Some("Add Task & Sub Tasks"));
    assert_eq!(task.tags, ["workflow", "omnifocus"]);
    assert_eq!(
        task.authors[0].name, "Jo Planner",
        "a bare name as the author"
    );
    let review = &feed.items[1];
    assert_eq!(
        review.title.as_deref(),
        Some("The \"Weekly Review\", Revisited")
    );
    assert!(review.tags.is_empty());
    assert_eq!(review.authors[0].name, "Guest: Sam O'Hara");
    let card = card_html(&feed, 0);
    assert!(card.contains("Add Task &amp; Sub Tasks"), "{card}");
    assert!(!card.contains("&amp;amp;"), "{card}");
}

#[test]
fn ghost_handlebars_escapes_decode_to_text_never_to_markup() {
    let feed = fixture("ghost.json");
    let note = &feed.items[0];
    assert_eq!(note.id, "61dd7b0f8e4a2c0001a3f1b2");
    assert_eq!(
        note.title.as_deref(),
        Some("Ada's Note G = the first program?")
    );
    assert_eq!(note.authors[0].name, "Ada O'Neill");
    assert_eq!(note.language.as_deref(), Some("en"));
    assert!(note.published.is_some(), "milliseconds and offset");
    let blink = &feed.items[1];
    assert_eq!(blink.title.as_deref(), Some("Why <blink> had to go"));
    assert_eq!(blink.summary, None, "an empty summary is none");
    assert!(blink.tags.is_empty(), "[\"\"] is no tags");
    for html in [rendered(&feed, 1), card_html(&feed, 1)] {
        assert!(html.contains("Why &lt;blink&gt; had to go"), "{html}");
        assert!(!html.contains("<blink"), "{html}");
    }
    let article = note.to_article(ORIGINAL_STORY, routes::article);
    assert_eq!(
        texts(&article),
        [
            "Note G describes a method for Bernoulli numbers.",
            "More next week."
        ]
    );
    assert!(!rendered(&feed, 0).contains("video.example"));
}

#[test]
fn link_blog_numeric_ids_single_author_objects_and_string_numbers_are_read() {
    let feed = fixture("link-blog.json");
    assert_eq!(ids(&feed), ["98765", "98764"]);
    let linked = &feed.items[0];
    assert_eq!(linked.tags, ["2022", "links"]);
    assert_eq!(
        linked.authors[0].name, "Lin Kerr",
        "one object for `authors`"
    );
    let Some(Block::Paragraph { content }) = linked
        .to_article(ORIGINAL_STORY, routes::article)
        .body
        .first()
        .cloned()
    else {
        panic!("no paragraph")
    };
    let link = content.iter().find(|r| r.link.is_some()).unwrap();
    assert_eq!(link.text.trim(), "the Gazette’s webcam");
    assert_eq!(
        feed.items[1].display_title(),
        "Short note, no title: the new feed format is live."
    );
}
