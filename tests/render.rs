//! The components render natively to HTML, and the markup is what a browser, a screen reader
//! and a crawler need: asserted by querying the parsed HTML with CSS selectors.
#![cfg(not(target_arch = "wasm32"))]
// Leptos views are deeply nested types; the whole article view needs a deeper limit.
#![recursion_limit = "256"]

mod markup;
use broadsheet::components::{
    ArticleView, FeedList, NewStoriesPrompt, OfflineNotice, PartnerFeed, SectionNav, SiteHeader,
};
use broadsheet::model::{Article, Block, Feed, QuoteKind};
use leptos::prelude::*;
use markup::{assert_hero_captioned, links, select, squash, text, texts};
use scraper::{Html, Selector};
use serde_json::json;
use std::path::Path;

const SEED_ID: &str = "eight-hour-us-russia-talks";

fn render(view: impl FnOnce() -> AnyView) -> Html {
    let owner = Owner::new();
    let html = owner.with(|| view().to_html());
    Html::parse_fragment(&html)
}

fn render_article(article: Article) -> Html {
    render(move || view! { <ArticleView article/> }.into_any())
}

fn sample_article(id: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("public/api/articles/{id}.json"));
    Article::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn article_with(body: serde_json::Value) -> Article {
    serde_json::from_value(json!({
        "id": "t", "url": "/news/t", "headline": "Headline", "standfirst": "Standfirst",
        "section": "World", "language": "en", "published": "2022-01-11T09:30:00Z",
        "modified": "2022-01-11T12:00:00Z",
        "authors": [{"name": "Ann Reporter", "url": "https://example.com/ann"}, {"name": "Bo Editor"}],
        "body": body
    }))
    .unwrap()
}

#[test]
fn the_seed_article_reads_as_the_original_does() {
    let article = sample_article(SEED_ID);
    let html = render_article(article.clone());

    let root = &select(&html, "article")[0];
    assert_eq!(root.value().attr("lang"), Some("en"));
    assert_eq!(root.value().attr("dir"), Some("ltr"));
    assert_eq!(
        text(&select(&html, "article h1")[0]),
        squash(&article.headline)
    );

    let hero = article.hero.as_ref().expect("the seed has a hero");
    let figure = &select(&html, "article > figure.figure--hero")[0];
    let img = &select(&html, "figure.figure--hero > img")[0];
    assert_eq!(
        img.value().attr("width"),
        Some(hero.width.to_string().as_str())
    );
    assert_eq!(
        img.value().attr("height"),
        Some(hero.height.to_string().as_str())
    );
    assert_eq!(img.value().attr("alt"), Some(hero.alt.as_str()));
    assert_eq!(img.value().attr("loading"), Some("eager"));
    assert_hero_captioned(&html, hero);
    // The hero is the largest paint above the fold: between the header and the body, and
    // asked for first.
    assert_eq!(
        select(
            &html,
            "article > header + figure.figure--hero + .article__body"
        )
        .len(),
        1,
        "the hero sits between the header and the body"
    );
    assert_eq!(img.value().attr("fetchpriority"), Some("high"));
    assert!(!figure.value().classes().any(|c| c == "figure--framed"));

    let headings = texts(&html, ".article__body h2:not(.context-box__title)");
    let expected: Vec<String> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(squash(text)),
            _ => None,
        })
        .collect();
    assert_eq!(headings, expected);
    assert!(expected.len() >= 3, "the seed has three section headings");

    let quotes: Vec<_> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Quote {
                text, attribution, ..
            } => Some((text.clone(), attribution.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(quotes.len(), 3, "the seed sets three quotes apart");
    let rendered = select(&html, "figure.quote");
    assert_eq!(rendered.len(), quotes.len());
    for (figure, (said, who)) in rendered.iter().zip(&quotes) {
        let quote = figure
            .select(&Selector::parse("blockquote").unwrap())
            .next()
            .unwrap();
        assert_eq!(text(&quote), squash(said));
        let cite = figure
            .select(&Selector::parse("figcaption cite").unwrap())
            .next()
            .unwrap();
        assert_eq!(text(&cite), squash(who.as_deref().unwrap()));
    }

    let context = &select(&html, "aside.context-box")[0];
    let title_id = context.value().attr("aria-labelledby").unwrap();
    assert_eq!(select(&html, &format!("#{title_id}")).len(), 1);
    let links: Vec<_> = select(&html, "aside.context-box a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert!(
        links.iter().any(|h| h.contains("russia-nato-council")),
        "{links:?}"
    );
    assert!(links.iter().any(|h| h.contains("osce")), "{links:?}");

    let published = &select(&html, ".byline time")[0];
    assert_eq!(
        published.value().attr("datetime"),
        Some(article.published.unwrap().to_string().as_str())
    );
}

#[test]
fn every_block_type_has_its_own_markup() {
    let html = render_article(article_with(json!([
        {"type": "paragraph", "content": [
            {"text": "plain "}, {"text": "bold", "bold": true}, {"text": "italic", "italic": true},
            {"text": "both", "bold": true, "italic": true},
            {"text": "inside", "link": "/news/other"}, {"text": "outside", "link": "https://example.com/"}
        ]},
        {"type": "heading", "level": 2, "text": "Two"},
        {"type": "heading", "level": 3, "text": "Three"},
        {"type": "heading", "level": 4, "text": "Four"},
        {"type": "image", "src": "/images/a-1280.jpg", "width": 1280, "height": 720, "alt": "A picture",
         "srcset": [{"url": "/images/a-640.jpg", "width": 640}, {"url": "/images/a-1280.jpg", "width": 1280}],
         "caption": "A caption", "credit": "Photo: Someone"},
        {"type": "quote", "text": "Said in a box", "attribution": "A Speaker", "cite_url": "https://example.com/s", "kind": "block"},
        {"type": "quote", "text": "Pulled out", "kind": "pull"},
        {"type": "list", "ordered": true, "items": [[{"text": "first"}], [{"text": "second"}]]},
        {"type": "list", "ordered": false, "items": [[{"text": "bullet", "bold": true}]]},
        {"type": "context", "title": "Background", "content": [{"text": "Some context."}],
         "links": [{"title": "Earlier story", "url": "/news/earlier", "kicker": "January 9"}]},
        {"type": "related", "links": [{"title": "Next story", "url": "/news/next"}]},
        {"type": "embed", "provider": "YouTube", "url": "https://www.youtube.com/watch?v=x", "title": "A video"},
        {"type": "divider"},
        {"type": "context", "title": "More background", "content": [{"text": "More context."}]}
    ])));
    let one = |css: &str| {
        let found = select(&html, css);
        assert_eq!(
            found.len(),
            1,
            "expected one `{css}`, found {}",
            found.len()
        );
        text(&found[0])
    };

    // Each block type as its own element, and each inline style and link kind as its own tag.
    for (css, expected) in [
        (".article__body p strong:not(:has(em))", "bold"),
        (".article__body p > em", "italic"),
        (".article__body p strong > em", "both"),
        (
            ".article__body p a[href='/news/other']:not([rel])",
            "inside",
        ),
        (
            ".article__body p a[href='https://example.com/'][rel='noopener noreferrer']",
            "outside",
        ),
        (".article__body > h3", "Three"),
        (".article__body > h4", "Four"),
        (
            ".article__body figure > figcaption .figure__credit",
            "Photo: Someone",
        ),
        ("figure.quote--pull blockquote", "Pulled out"),
        (".article__body > ul > li > strong", "bullet"),
        (
            "aside.context-box a[href='/news/earlier'] .kicker",
            "January 9",
        ),
        ("nav.related-links h2", "Related"),
        ("nav.related-links a[href='/news/next']", "Next story"),
    ] {
        assert_eq!(one(css), expected, "{css}");
    }

    let img = &select(&html, ".article__body figure > img")[0];
    assert_eq!(img.value().attr("loading"), Some("lazy"));
    assert_eq!(
        img.value().attr("srcset"),
        Some("/images/a-640.jpg 640w, /images/a-1280.jpg 1280w")
    );
    assert!(img.value().attr("sizes").is_some());

    let boxed = &select(&html, "figure.quote:not(.quote--pull) blockquote")[0];
    assert_eq!(boxed.value().attr("cite"), Some("https://example.com/s"));
    assert!(select(&html, "figure.quote--pull figcaption").is_empty());

    assert_eq!(
        texts(&html, ".article__body > ol > li"),
        ["first", "second"]
    );
    assert_eq!(
        texts(&html, "aside.context-box h2"),
        ["Background", "More background"]
    );
    let embed = &select(&html, "aside.media-card a")[0];
    assert_eq!(
        embed.value().attr("href"),
        Some("https://www.youtube.com/watch?v=x")
    );
    assert_eq!(embed.value().attr("rel"), Some("noopener noreferrer"));
    assert!(
        select(&html, "iframe, script").is_empty(),
        "embeds load nothing until clicked"
    );
    assert_eq!(select(&html, ".article__body > hr").len(), 1);

    let ids: Vec<_> = select(&html, "[id]")
        .iter()
        .map(|e| e.value().id().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "each box's heading has an id: {ids:?}");
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "ids are unique: {ids:?}");
}

#[test]
fn the_byline_names_every_author_and_both_times() {
    let html = render_article(article_with(json!([
        {"type": "paragraph", "content": [{"text": "word ".repeat(500)}]}
    ])));
    assert_eq!(
        text(&select(&html, ".byline__authors")[0]),
        "By Ann Reporter and Bo Editor"
    );
    assert_eq!(
        select(&html, ".byline__authors a[rel=author]")[0]
            .value()
            .attr("href"),
        Some("https://example.com/ann")
    );
    let times: Vec<_> = select(&html, ".byline time")
        .iter()
        .map(|t| t.value().attr("datetime").unwrap())
        .collect();
    assert_eq!(times, ["2022-01-11T09:30:00Z", "2022-01-11T12:00:00Z"]);
    assert_eq!(
        text(&select(&html, ".byline__reading-time")[0]),
        "3 min read"
    );
}

#[test]
fn the_article_offers_a_share_button() {
    let html = render_article(article_with(json!([])));
    let button = &select(&html, ".article__header button[type=button]")[0];
    assert_eq!(text(button), "Share");
    assert_eq!(
        select(&html, ".share [role=status]").len(),
        1,
        "the outcome is announced"
    );
}

#[test]
fn the_masthead_has_a_skip_link_navigation_and_labelled_display_settings() {
    let html = render(|| view! { <SiteHeader/> }.into_any());
    assert_eq!(
        select(&html, "a.skip-link")[0].value().attr("href"),
        Some("#main")
    );
    assert_eq!(select(&html, "nav[aria-label] a[href='/']").len(), 1);
    let label = &select(&html, "label[for=theme-select]")[0];
    assert_eq!(text(label), "Theme");
    let values = |selector: &str| -> Vec<String> {
        select(&html, selector)
            .iter()
            .map(|o| o.value().attr("value").unwrap().to_owned())
            .collect()
    };
    assert_eq!(values("select#theme-select option"), ["", "light", "dark"]);
    let label = &select(&html, "label[for=text-size-select]")[0];
    assert_eq!(text(label), "Text size");
    assert_eq!(
        values("select#text-size-select option"),
        ["", "large", "larger", "largest"]
    );
    // Natively nothing is applied yet: each menu shows its default, which theme.js corrects.
    assert_eq!(values("option[selected]"), ["", ""]);
}

#[test]
fn right_to_left_articles_say_so() {
    let mut article = article_with(json!([]));
    article.language = "ar".into();
    let html = render_article(article);
    let root = &select(&html, "article")[0];
    assert_eq!(
        (root.value().attr("lang"), root.value().attr("dir")),
        (Some("ar"), Some("rtl"))
    );
}

#[test]
fn hostile_strings_stay_text_and_hostile_links_go() {
    let payload = r#"<script>window.__xss=1</script><img src=x onerror="window.__xss=1">"#;
    let mut article = article_with(json!([
        {"type": "paragraph", "content": [{"text": payload, "link": "javascript:window.__xss=1"}]},
        {"type": "quote", "text": payload, "attribution": payload, "cite_url": "data:text/html,x"},
        {"type": "related", "links": [{"title": payload, "url": "javascript:alert(1)"},
                                      {"title": "safe", "url": "/news/x"}]}
    ]));
    article.headline = payload.into();
    article.standfirst = Some(payload.into());
    let html = render_article(article);
    assert!(select(&html, "script, img, [onerror]").is_empty());
    assert_eq!(text(&select(&html, "h1")[0]), squash(payload));
    assert!(select(&html, "a").iter().all(|a| {
        let href = a.value().attr("href").unwrap_or_default();
        !href.starts_with("javascript:") && !href.starts_with("data:")
    }));
    assert_eq!(select(&html, "blockquote")[0].value().attr("cite"), None);
    assert_eq!(
        text(&select(&html, ".article__body > p")[0]),
        squash(payload)
    );
    assert_eq!(select(&html, "nav.related-links li").len(), 1);
}

#[test]
fn a_megabyte_of_text_renders_whole_and_inert() {
    let long = "Wörter<b>".repeat(110_000);
    let mut article = article_with(json!([{"type": "paragraph", "content": [{"text": long}]}]));
    article.headline = long.clone();
    // Counted on the HTML string: parsing megabytes in a debug build would make the test slow.
    let html = Owner::new().with(|| view! { <ArticleView article/> }.to_html());
    assert!(!html.contains("<b>"));
    assert_eq!(html.matches("Wörter&lt;b&gt;").count(), 2 * 110_000);
}

#[test]
fn interface_words_inside_a_foreign_article_are_marked_as_english() {
    let mut article = article_with(json!([]));
    article.language = "ar".into();
    let html = render_article(article);
    for css in [
        ".byline__authors > span[lang=en]",
        ".byline__dates[lang=en]",
        ".share[lang=en]",
    ] {
        assert_eq!(select(&html, css).len(), 1, "{css}");
    }
}

#[test]
fn the_feed_is_grouped_under_day_headings_with_links_to_articles() {
    let feed = Feed::parse(
        &json!({
            "version": "https://jsonfeed.org/version/1.1",
            "items": [
                {"id": "b", "title": "Second", "date_published": "2022-01-12T10:00:00Z",
                 "_broadsheet": {"article": "articles/b.json", "section": "World"},
                 "image": "/images/b-640.jpg", "summary": "Summary B"},
                {"id": "a", "title": "First", "date_published": "2022-01-11T10:00:00Z", "language": "ar",
                 "_broadsheet": {"article": "articles/a.json"}},
                {"id": "x", "title": "Elsewhere", "url": "https://example.com/x",
                 "date_published": "2022-01-11T08:00:00Z"}
            ]
        })
        .to_string(),
    )
    .unwrap();
    let html = render(move || view! { <FeedList items=feed.items/> }.into_any());
    assert_eq!(
        texts(&html, "section.day > h2"),
        ["Wednesday 12 January 2022", "Tuesday 11 January 2022"]
    );
    assert_eq!(
        links(&html, "section.day h3 a"),
        [
            ("Second".into(), "/news/b".into()),
            ("First".into(), "/news/a".into()),
            ("Elsewhere".into(), "/news/x".into())
        ]
    );
    let img = &select(&html, ".feed-item img")[0];
    assert_eq!(img.value().attr("loading"), Some("lazy"));
    assert_eq!(img.value().attr("width"), Some("160"));
    let kicker = &select(&html, ".feed-item .kicker a")[0];
    assert_eq!(
        (text(kicker), kicker.value().attr("href")),
        ("World".to_owned(), Some("/?section=World"))
    );
    let arabic = &select(&html, ".feed-item[lang=ar]")[0];
    assert_eq!(arabic.value().attr("dir"), Some("rtl"));
}

#[test]
fn quote_kind_defaults_to_block() {
    let article = article_with(json!([{"type": "quote", "text": "x"}]));
    assert!(matches!(
        article.body[0],
        Block::Quote {
            kind: QuoteKind::Block,
            ..
        }
    ));
}

#[test]
fn the_section_navigation_marks_the_current_section() {
    let sections = vec!["World".to_owned(), "Arts & Culture".to_owned()];
    let html = render(move || {
        view! { <SectionNav sections current=Some("Arts & Culture".to_owned())/> }.into_any()
    });
    let links: Vec<_> = select(&html, "nav[aria-label=Sections] a")
        .iter()
        .map(|a| {
            (
                text(a),
                a.value().attr("href").unwrap().to_owned(),
                a.value().attr("aria-current"),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            ("All".to_owned(), "/".to_owned(), None),
            ("World".to_owned(), "/?section=World".to_owned(), None),
            (
                "Arts & Culture".to_owned(),
                "/?section=Arts%20%26%20Culture".to_owned(),
                Some("page")
            ),
        ]
    );
}

#[test]
fn new_stories_are_offered_only_when_there_are_some() {
    let none =
        render(|| view! { <NewStoriesPrompt count=Signal::stored(0) on_show=|| ()/> }.into_any());
    assert!(select(&none, "[role=status] button")[0]
        .value()
        .attr("hidden")
        .is_some());
    let three =
        render(|| view! { <NewStoriesPrompt count=Signal::stored(3) on_show=|| ()/> }.into_any());
    let button = &select(&three, "[role=status] button")[0];
    assert_eq!(button.value().attr("hidden"), None);
    assert_eq!(text(button), "3 new stories");
}

#[test]
fn the_offline_notice_speaks_only_when_offline() {
    let online = render(|| view! { <OfflineNotice online=true/> }.into_any());
    assert!(select(&online, "p").is_empty());
    let offline = render(|| view! { <OfflineNotice online=false/> }.into_any());
    assert!(text(&select(&offline, "p.offline-notice__text")[0]).starts_with("You are offline."));
}

#[test]
fn heading_levels_never_skip_below_the_headline() {
    let html = render_article(article_with(json!([
        {"type": "heading", "level": 4, "text": "First"},
        {"type": "heading", "level": 4, "text": "Second"},
        {"type": "heading", "level": 3, "text": "Third"},
        {"type": "context", "content": [{"text": "Some context."}]},
        {"type": "heading", "level": 4, "text": "Fourth"},
        {"type": "heading", "level": 2, "text": "Fifth"}
    ])));
    let levels: Vec<(String, String)> = select(&html, ".article__body :is(h2, h3, h4)")
        .iter()
        .map(|h| (h.value().name().to_owned(), text(h)))
        .collect();
    let expected = [
        ("h2", "First"),
        ("h3", "Second"),
        ("h3", "Third"),
        ("h2", "Context"),
        ("h3", "Fourth"),
        ("h2", "Fifth"),
    ]
    .map(|(tag, words)| (tag.to_owned(), words.to_owned()));
    assert_eq!(levels, expected);
}

/// A time is shown in the reader's locale, which need not run the way the story does: each
/// `<time>` finds its own direction apart from the text around it.
fn assert_times_stand_apart(html: &Html, scope: &str) {
    let times = select(html, &format!("{scope} time"));
    assert!(!times.is_empty(), "{scope} shows a time");
    for time in times {
        assert_eq!(time.value().attr("dir"), Some("auto"), "{scope} time");
    }
}

fn feed_of(items: serde_json::Value) -> Feed {
    Feed::parse(
        &json!({ "version": "https://jsonfeed.org/version/1.1", "items": items }).to_string(),
    )
    .unwrap()
}

#[test]
fn a_right_to_left_card_in_the_left_to_right_feed_sets_its_time_apart() {
    let feed = feed_of(json!([
        {"id": "ar", "title": "عنوان الخبر", "summary": "ملخص الخبر", "language": "ar",
         "date_published": "2022-01-11T11:00:00Z"},
        {"id": "en", "title": "An English title", "summary": "A summary", "language": "en",
         "date_published": "2022-01-11T10:00:00Z"},
        {"id": "unstated", "title": "عنوان بلا لغة", "summary": "ملخص بلا لغة",
         "date_published": "2022-01-11T09:00:00Z"}
    ]));
    let items = feed.items.clone();
    let html = render(move || view! { <FeedList items/> }.into_any());
    let card = |id: &str| format!(".feed-item:has(a[href='/news/{id}'])");
    assert_eq!(
        select(&html, &card("ar"))[0].value().attr("dir"),
        Some("rtl")
    );
    for id in ["ar", "en", "unstated"] {
        assert_times_stand_apart(&html, &card(id));
    }
    // A story that states its language runs that way throughout; one that does not has its
    // own words find their direction, or an Arabic headline would run left to right.
    for id in ["ar", "en"] {
        assert!(
            select(&html, &format!("{} [dir=auto]:not(time)", card(id))).is_empty(),
            "{id}"
        );
    }
    for part in ["h3.feed-item__title", "p.feed-item__summary"] {
        assert_eq!(
            select(&html, &format!("{} {part}", card("unstated")))[0]
                .value()
                .attr("dir"),
            Some("auto"),
            "{part}"
        );
    }

    let html = render(move || {
        view! { <PartnerFeed items=feed.items title="Latest".to_owned()/> }.into_any()
    });
    let item = |id: &str| format!(".embed-feed__item:has(a[href='/news/{id}'])");
    assert_times_stand_apart(&html, &item("ar"));
    assert_eq!(
        select(&html, &format!("{} h2", item("unstated")))[0]
            .value()
            .attr("dir"),
        Some("auto")
    );
}

/// An Arabic article with a name and a video title in English, and an English one with them in
/// Arabic: each foreign-direction run is set apart, and the interface's sentences (by, published,
/// the note under an embed) run the interface's way inside the article's.
#[test]
fn runs_of_the_other_direction_stand_apart_in_bylines_and_embeds() {
    for (language, name, video) in [
        ("ar", "Ann Reporter", "A video"),
        ("en", "أحمد الكاتب", "فيديو"),
    ] {
        let mut article = article_with(json!([
            {"type": "embed", "provider": "YouTube", "url": "https://www.youtube.com/watch?v=x", "title": video}
        ]));
        article.language = language.into();
        article.authors[0].name = name.into();
        let html = render_article(article);

        assert_eq!(
            texts(&html, ".byline__authors bdi"),
            [name, "Bo Editor"],
            "{language}"
        );
        let lines = select(&html, ".byline__dates > span");
        assert_eq!(
            lines.len(),
            3,
            "{language}: published, updated, reading time"
        );
        for line in lines {
            assert_eq!(
                line.value().attr("dir"),
                Some("ltr"),
                "{language}: {}",
                text(&line)
            );
        }
        assert_times_stand_apart(&html, ".byline");

        for part in [".media-card__provider", ".media-card__title"] {
            let found = &select(&html, part)[0];
            assert_eq!(
                found.value().attr("dir"),
                Some("auto"),
                "{language}: {part}"
            );
        }
        assert_eq!(text(&select(&html, ".media-card__title")[0]), video);
        let note = &select(&html, ".media-card__note")[0];
        assert_eq!(
            (note.value().attr("lang"), note.value().attr("dir")),
            (Some("en"), Some("ltr")),
            "{language}"
        );
        assert_eq!(
            text(&select(&html, ".media-card__note > bdi")[0]),
            "YouTube"
        );
        assert_eq!(
            select(&html, ".share")[0].value().attr("dir"),
            Some("ltr"),
            "{language}"
        );
    }
}
