//! What a story's card shows from its feed item: the picture at a size that fits, the summary,
//! the tags as links to their own view, and the item's language and direction. Read from the
//! sample feed and from other publishers' feeds (tests/fixtures/feeds/).
#![cfg(not(target_arch = "wasm32"))]
#![recursion_limit = "256"]

mod markup;
use broadsheet::components::{
    ArticleView, FeedContent, FeedList, FeedView, PartnerFeed, SectionNav,
};
use broadsheet::model::Feed;
use broadsheet::routes;
use broadsheet::strings::{EMPTY_TAG, ORIGINAL_STORY};
use leptos::prelude::*;
use markup::{links, select, text};
use scraper::Html;

fn render(view: impl FnOnce() -> AnyView) -> Html {
    let owner = Owner::new();
    let html = owner.with(|| view().to_html());
    Html::parse_fragment(&html)
}

fn read(path: &str) -> Feed {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    Feed::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn fixture(name: &str) -> Feed {
    read(&format!("tests/fixtures/feeds/{name}"))
}

/// The feed's items as the feed list shows them.
fn cards(feed: &Feed) -> Html {
    let items = feed.items.clone();
    render(move || view! { <FeedList items/> }.into_any())
}

fn card(id: &str) -> String {
    format!(".feed-item:has(a[href='{}'])", routes::article(id))
}

fn attr(html: &Html, css: &str, name: &str) -> Option<String> {
    let found = select(html, css);
    assert!(!found.is_empty(), "nothing matches {css}");
    found[0].value().attr(name).map(str::to_owned)
}

#[test]
fn our_cards_offer_small_pictures_and_say_how_wide_they_are_shown() {
    let feed = read("public/api/feed.json");
    let html = cards(&feed);
    let images = select(&html, ".feed-item__image");
    assert_eq!(images.len(), feed.items.len());
    for image in images {
        let src = image.value().attr("src").unwrap();
        let base = src
            .strip_suffix("-640.jpg")
            .expect("the full picture stays the src");
        let srcset = image.value().attr("srcset").expect("a srcset");
        assert!(srcset.starts_with(&format!("{base}-160.jpg 160w, {base}-320.jpg 320w")));
        assert_eq!(
            image.value().attr("sizes"),
            Some("(max-width: 30rem) 100vw, 160px")
        );
        assert!(!image.value().attr("alt").unwrap().is_empty());
    }

    let html = render(move || {
        view! { <PartnerFeed items=feed.items title="Latest".to_owned()/> }.into_any()
    });
    for image in select(&html, ".embed-feed__image") {
        assert!(image.value().attr("srcset").unwrap().contains(" 160w"));
        assert_eq!(image.value().attr("sizes"), Some("96px"));
    }
}

#[test]
fn a_foreign_picture_has_no_variants_and_stays_as_it_is() {
    let html = cards(&fixture("tagged-link-blog.json"));
    let image = card("https://kerning.example/2022/01/12/variable-fonts-at-the-gazette");
    let image = format!("{image} img");
    assert_eq!(
        attr(&html, &image, "src").as_deref(),
        Some("https://kerning.example/media/2022/01/gazette-fonts-1200x630.jpg")
    );
    assert_eq!(attr(&html, &image, "srcset"), None);
    assert_eq!(attr(&html, &image, "sizes"), None);
}

#[test]
fn a_link_blogs_cards_show_its_summaries_and_link_its_tags() {
    let html = cards(&fixture("tagged-link-blog.json"));
    let hyphens = card("https://kerning.example/2022/01/11/hyphenation");
    assert_eq!(
        text(&select(&html, &format!("{hyphens} .feed-item__summary"))[0]),
        "CSS hyphens: auto works in every engine now, with a dictionary per language."
    );
    assert_eq!(
        links(&html, &format!("{hyphens} .feed-item__tags a")),
        [
            ("typography".to_owned(), "/?tag=typography".to_owned()),
            ("CSS".to_owned(), "/?tag=CSS".to_owned()),
        ]
    );
    let spaced = card("https://kerning.example/2022/01/12/variable-fonts-at-the-gazette");
    assert_eq!(
        attr(&html, &format!("{spaced} a[href$='fonts']"), "href").as_deref(),
        Some("/?tag=variable%20fonts")
    );
    assert_eq!(
        attr(&html, &format!("{spaced} .feed-item__tags"), "aria-label").as_deref(),
        Some(broadsheet::strings::TOPICS)
    );
}

#[test]
fn each_card_and_foreign_article_takes_its_items_language_and_direction() {
    let feed = fixture("multilingual.json");
    let html = cards(&feed);
    for (id, lang, dir) in [
        ("ar-2022-014", "ar-EG", "rtl"),
        ("fr-2022-009", "fr-FR", "ltr"),
        ("ja-2022-003", "ja", "ltr"),
        // No language of its own: the feed's.
        ("en-2022-021", "en", "ltr"),
    ] {
        let card = card(id);
        assert_eq!(attr(&html, &card, "lang").as_deref(), Some(lang), "{id}");
        assert_eq!(attr(&html, &card, "dir").as_deref(), Some(dir), "{id}");
        // Dates stand apart from the words around them, as in issue 13.
        assert_eq!(
            attr(&html, &format!("{card} time"), "dir").as_deref(),
            Some("auto"),
            "{id}"
        );
    }
    assert_eq!(
        attr(&html, &card("ar-2022-014"), "dir").as_deref(),
        Some("rtl")
    );
    let arabic_tag = format!("{} .feed-item__tags a", card("ar-2022-014"));
    assert_eq!(
        attr(&html, &arabic_tag, "href").as_deref(),
        Some(routes::tag("موانئ").as_str())
    );

    let article = feed.items[0].to_article(ORIGINAL_STORY, routes::article);
    let html = render(move || view! { <ArticleView article/> }.into_any());
    assert_eq!(
        attr(&html, "article.article", "lang").as_deref(),
        Some("ar-EG")
    );
    assert_eq!(
        attr(&html, "article.article", "dir").as_deref(),
        Some("rtl")
    );
    let tags: Vec<String> = select(&html, ".article__footer .tags a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(tags, [routes::tag("موانئ"), routes::tag("الإسكندرية")]);
}

#[test]
fn a_tag_view_is_headed_by_its_tag_and_no_section_is_current() {
    let html = render(|| {
        view! {
            <FeedView section=None tag=Some("فنون".to_owned())>
                <FeedContent items=Vec::new() sections=vec!["World".to_owned()] section=None
                    tag=Some("فنون".to_owned()) new_stories=().into_any() more=().into_any()/>
            </FeedView>
        }
        .into_any()
    });
    let heading = &select(&html, "h1.feed__title")[0];
    assert_eq!(text(heading), "فنون");
    assert_eq!(heading.value().attr("dir"), Some("auto"));
    assert!(select(&html, ".section-nav [aria-current]").is_empty());
    assert_eq!(text(&select(&html, ".feed__empty")[0]), EMPTY_TAG);

    let html = render(|| {
        view! { <SectionNav sections=vec!["World".to_owned()] current=None/> }.into_any()
    });
    assert_eq!(
        select(&html, ".section-nav [aria-current=page]").len(),
        1,
        "All News marks All"
    );
}
