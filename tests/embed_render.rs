//! The partner embeds' views, rendered natively: what a partner's readers get inside the
//! iframe, and that nothing in it can keep a reader inside the frame or run a hostile string.
#![cfg(not(target_arch = "wasm32"))]

mod markup;
use broadsheet::components::{PartnerFeed, PartnerFooter, PartnerStory};
use broadsheet::model::{Article, Feed, StoryCard};
use broadsheet::routes;
use broadsheet::strings::ORIGINAL_STORY;
use leptos::prelude::*;
use markup::{select, text};
use scraper::{Html, Selector};
use std::path::Path;

fn render(view: impl FnOnce() -> AnyView) -> Html {
    let owner = Owner::new();
    let html = owner.with(|| view().to_html());
    Html::parse_fragment(&html)
}

fn sample(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public/api")
            .join(path),
    )
    .unwrap()
}

/// Every link out of an embed opens a new tab, cut off from the embed, and says so.
fn assert_links_leave_the_frame(html: &Html) {
    let links = select(html, "a");
    assert!(!links.is_empty());
    for link in links {
        assert_eq!(link.attr("target"), Some("_blank"), "{}", link.html());
        assert!(link
            .attr("rel")
            .unwrap()
            .split(' ')
            .any(|r| r == "noopener"));
        assert!(
            text(&link).ends_with("(opens in a new tab)"),
            "{}",
            text(&link)
        );
        let href = link.attr("href").unwrap();
        assert!(
            href.starts_with('/'),
            "links lead to Broadsheet itself: {href}"
        );
    }
}

#[test]
fn the_feed_embed_lists_the_stories_it_was_given() {
    let feed = Feed::parse(&sample("feed.json")).unwrap();
    let items: Vec<_> = feed.items.into_iter().take(3).collect();
    let expected: Vec<_> = items
        .iter()
        .map(|i| (i.id.clone(), i.display_title()))
        .collect();
    let html = render(move || {
        view! { <PartnerFeed items title="World: Latest news".to_owned()/> }.into_any()
    });

    assert_eq!(text(&select(&html, "h1")[0]), "World: Latest news");
    let stories = select(&html, "ol.embed-feed > li");
    assert_eq!(stories.len(), 3);
    for (story, (id, title)) in stories.iter().zip(&expected) {
        let link = story
            .select(&Selector::parse("h2 a").unwrap())
            .next()
            .unwrap();
        assert_eq!(link.attr("href").unwrap(), broadsheet::routes::article(id));
        assert_eq!(text(&link), format!("{title} (opens in a new tab)"));
        assert!(story
            .select(&Selector::parse("time[datetime]").unwrap())
            .next()
            .is_some());
    }
    assert_links_leave_the_frame(&html);
}

#[test]
fn an_empty_feed_embed_says_so() {
    let html = render(|| {
        view! { <PartnerFeed items=Vec::new() title="Latest news".to_owned()/> }.into_any()
    });
    assert!(select(&html, "ol").is_empty());
    assert_eq!(
        text(&select(&html, ".embed__empty")[0]),
        broadsheet::strings::EMBED_EMPTY
    );
}

#[test]
fn hostile_titles_in_a_feed_embed_stay_text() {
    let feed = Feed::parse(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[
            {"id":"x\"><script>alert(1)</script>","title":"<img src=x onerror=alert(1)>",
             "image":"javascript:alert(1)","content_text":"t"}]}"#,
    )
    .unwrap();
    let html = render(move || {
        view! { <PartnerFeed items=feed.items title="Latest news".to_owned()/> }.into_any()
    });
    assert!(select(&html, "script, img[onerror]").is_empty());
    assert!(
        select(&html, "img").is_empty(),
        "a javascript: image is dropped"
    );
    let link = &select(&html, "h2 a")[0];
    assert_eq!(
        text(link),
        "<img src=x onerror=alert(1)> (opens in a new tab)"
    );
    assert_eq!(
        link.attr("href").unwrap(),
        "/news/x%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
    );
}

#[test]
fn the_story_card_has_section_headline_hero_standfirst_time_and_link() {
    let document = sample("articles/eight-hour-us-russia-talks.json");
    let expected = Article::parse(&document).unwrap();
    let card = StoryCard::parse(&document).unwrap();
    let html = render(move || view! { <PartnerStory card/> }.into_any());

    assert_eq!(text(&select(&html, ".kicker")[0]), expected.section);
    assert_eq!(
        text(&select(&html, "article h1 a")[0]),
        format!("{} (opens in a new tab)", expected.headline)
    );
    let hero = expected.hero.unwrap();
    let image = &select(&html, "img.embed-story__image")[0];
    assert_eq!(image.attr("alt"), Some(hero.alt.as_str()));
    assert_eq!(image.attr("width"), Some(hero.width.to_string().as_str()));
    assert_eq!(
        text(&select(&html, ".embed-story__standfirst")[0]),
        expected.standfirst.unwrap()
    );
    assert_eq!(
        select(&html, "time")[0].attr("datetime"),
        Some(expected.published.unwrap().to_string().as_str())
    );
    let read = &select(&html, ".embed-story__more a")[0];
    assert_eq!(
        read.attr("href").unwrap(),
        broadsheet::routes::article(&expected.id)
    );
    assert_links_leave_the_frame(&html);
}

#[test]
fn a_story_card_reads_an_article_document_as_the_article_does_but_its_body() {
    let document = sample("articles/eight-hour-us-russia-talks.json");
    let article = Article::parse(&document).unwrap();
    let card = StoryCard::parse(&document).unwrap();
    assert_eq!(
        (
            card.id,
            card.headline,
            card.standfirst,
            card.section,
            card.language
        ),
        (
            article.id,
            article.headline,
            article.standfirst,
            article.section,
            article.language
        )
    );
    assert_eq!(
        (card.published, card.hero),
        (article.published, article.hero)
    );
    let missing_headline = document.replacen("\"headline\"", "\"headline_\"", 1);
    assert!(
        StoryCard::parse(&missing_headline).is_err(),
        "the same required fields"
    );

    let feed = Feed::parse(&sample("feed.json")).unwrap();
    let item = &feed.items[0];
    let (card, article) = (
        item.to_card(),
        item.to_article(ORIGINAL_STORY, routes::article),
    );
    assert_eq!((card.headline, card.hero), (article.headline, article.hero));
}

#[test]
fn the_embed_footer_names_broadsheet_and_leads_to_more_of_the_section() {
    let html =
        render(|| view! { <PartnerFooter section=Some("Arts & Culture".to_owned())/> }.into_any());
    let links = select(&html, "footer a");
    assert_eq!(text(&links[0]), "Broadsheet (opens in a new tab)");
    assert_eq!(links[0].attr("href"), Some("/"));
    assert_eq!(
        links[1].attr("href"),
        Some("/?section=Arts%20%26%20Culture")
    );
    assert_links_leave_the_frame(&html);

    let html = render(|| view! { <PartnerFooter section=None/> }.into_any());
    assert_eq!(select(&html, "footer a")[1].attr("href"), Some("/"));
}

#[test]
fn a_hostile_srcset_url_cannot_add_a_candidate_to_the_story_card() {
    let card: StoryCard = serde_json::from_value(serde_json::json!({
        "id": "t", "url": "/news/t", "headline": "H", "section": "World", "language": "en",
        "published": "2022-01-11T09:30:00Z", "body": [],
        "hero": {"src": "/images/a.jpg", "width": 640, "height": 360, "alt": "A",
                 "srcset": [{"url": "/images/a.jpg 9999w, https://tracker.example/p.gif", "width": 640}]}
    }))
    .unwrap();
    let html = render(move || view! { <PartnerStory card/> }.into_any());
    let srcset = select(&html, "img")[0].attr("srcset").unwrap().to_owned();
    assert_eq!(
        srcset.matches(',').count(),
        0,
        "one candidate only: {srcset}"
    );
    assert!(srcset.ends_with(" 640w"), "{srcset}");
}
