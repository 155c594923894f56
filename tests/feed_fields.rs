//! The JSON Feed fields a reader would miss, from feeds shaped like real ones
//! (tests/fixtures/feeds/podcast.json, expired-event.json): a podcast's player and files, a
//! link post's destination, authors' avatars, a banner hero, a feed its publisher has ended and
//! another publisher's name in the masthead.
#![cfg(not(target_arch = "wasm32"))]
#![recursion_limit = "256"]

mod markup;
use broadsheet::components::{ArticleView, FeedContent, SiteHeader};
use broadsheet::model::{Feed, Publication};
use broadsheet::routes;
use broadsheet::strings::{self, ORIGINAL_STORY};
use leptos::prelude::*;
use markup::{links, select, text, texts};
use scraper::Html;

fn fixture(name: &str) -> Feed {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    Feed::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn render(view: impl FnOnce() -> AnyView) -> Html {
    let html = Owner::new().with(|| view().to_html());
    Html::parse_fragment(&html)
}

fn article(feed: &Feed, index: usize) -> Html {
    let article = feed.items[index].to_article(ORIGINAL_STORY, routes::article);
    render(move || view! { <ArticleView article/> }.into_any())
}

fn attr<'a>(el: &scraper::ElementRef<'a>, name: &str) -> Option<&'a str> {
    el.value().attr(name)
}

#[test]
fn a_podcast_episode_gets_one_player_with_its_alternates_and_a_download_link() {
    let html = article(&fixture("podcast.json"), 0);
    let figures = select(&html, "article figure.attachment");
    assert_eq!(
        figures.len(),
        2,
        "the episode and the transcript; the hostile and URL-less ones are gone"
    );
    let audio = select(&html, "figure.attachment > audio");
    assert_eq!(
        audio.len(),
        1,
        "the mp3 and the ogg of one title are one player"
    );
    assert!(attr(&audio[0], "controls").is_some());
    assert_eq!(attr(&audio[0], "preload"), Some("none"));
    assert!(
        attr(&audio[0], "autoplay").is_none(),
        "never plays by itself"
    );
    let sources: Vec<_> = select(&html, "figure.attachment audio > source")
        .iter()
        .map(|s| (attr(s, "src").unwrap(), attr(s, "type").unwrap()))
        .collect();
    assert_eq!(
        sources,
        [
            (
                "https://harbour-gazette.example/podcast/42.mp3",
                "audio/mpeg"
            ),
            (
                "https://harbour-gazette.example/podcast/42.ogg",
                "audio/ogg"
            ),
        ]
    );
    assert_eq!(
        texts(&html, "figure.attachment > figcaption"),
        [
            "Episode 42 (30 min, 24 MB) Download Episode 42",
            "Transcript (PDF, 120 kB) Download Transcript"
        ],
        "title, length, size (a file's type), and a download link named for what it downloads"
    );
    let downloads: Vec<_> = select(&html, "figcaption a.attachment__download")
        .iter()
        .map(|a| attr(a, "href").unwrap())
        .collect();
    assert_eq!(
        downloads,
        [
            "https://harbour-gazette.example/podcast/42.mp3",
            "https://harbour-gazette.example/podcast/42-transcript.pdf"
        ]
    );
    assert!(
        select(&html, "figure.attachment video").is_empty(),
        "a PDF gets no player"
    );
    let markup = html.html();
    assert!(!markup.contains("javascript:"), "{markup}");
    assert!(!markup.contains("Hostile"));
}

#[test]
fn videos_are_players_of_their_own_titled_by_the_item_when_untitled() {
    let html = article(&fixture("podcast.json"), 1);
    let videos = select(&html, "figure.attachment > video");
    assert_eq!(videos.len(), 2, "an mp4 and a differently titled trailer");
    for video in &videos {
        assert_eq!(attr(video, "preload"), Some("none"));
        assert!(attr(video, "autoplay").is_none());
    }
    assert_eq!(
        texts(&html, "figure.attachment > figcaption"),
        [
            "Episode 41: Regatta special (video) (1 h 5 min, 1.3 GB) Download Episode 41: Regatta special (video)",
            "Trailer (45 s, 850 kB) Download Trailer",
        ]
    );
}

#[test]
fn authors_show_their_avatars_as_decoration_and_link_only_safe_urls() {
    let html = article(&fixture("podcast.json"), 0);
    let authors = select(&html, ".byline__author");
    assert_eq!(authors.len(), 2);
    let avatars = select(&html, ".byline__author img.byline__avatar");
    assert_eq!(avatars.len(), 1, "the data: avatar is dropped");
    let avatar = &avatars[0];
    assert_eq!(
        attr(avatar, "src"),
        Some("https://harbour-gazette.example/people/morwenna-96.jpg")
    );
    assert_eq!(attr(avatar, "alt"), Some(""), "the name beside it says who");
    assert_eq!(
        (attr(avatar, "width"), attr(avatar, "height")),
        (Some("24"), Some("24"))
    );
    assert_eq!(attr(avatar, "loading"), Some("lazy"));
    assert_eq!(
        links(&html, ".byline__author a"),
        [(
            "Morwenna Pascoe".to_owned(),
            "https://harbour-gazette.example/people/morwenna".to_owned()
        )],
        "Kit Trevail's javascript: URL is no link"
    );
    assert_eq!(text(&authors[1]), "Kit Trevail");

    // JSON Feed 1.0's single `author`, with an avatar.
    let legacy = article(&fixture("podcast.json"), 1);
    assert_eq!(
        select(&legacy, ".byline__author img.byline__avatar").len(),
        1
    );
}

#[test]
fn the_banner_image_is_the_hero_and_the_square_image_is_not() {
    let html = article(&fixture("podcast.json"), 0);
    let hero = &select(&html, "figure.figure--hero img")[0];
    assert_eq!(
        attr(hero, "src"),
        Some("https://harbour-gazette.example/podcast/42-banner.jpg")
    );
    let second = article(&fixture("podcast.json"), 1);
    let hero = &select(&second, "figure.figure--hero img")[0];
    assert_eq!(
        attr(hero, "src"),
        Some("https://harbour-gazette.example/podcast/41.jpg"),
        "without a banner, the image"
    );
}

#[test]
fn a_link_post_says_where_it_points_and_links_there() {
    let feed = fixture("podcast.json");
    let html = article(&feed, 2);
    let external = select(&html, ".article__external a");
    assert_eq!(external.len(), 1);
    assert_eq!(text(&external[0]), "Read at tides.example.org");
    assert_eq!(
        attr(&external[0], "href"),
        Some("https://tides.example.org/reports/2022/spring-tides")
    );
    let rel = attr(&external[0], "rel").unwrap();
    assert!(
        rel.contains("noopener") && rel.contains("noreferrer"),
        "{rel}"
    );
    let plain = article(&feed, 0);
    assert!(select(&plain, ".article__external").is_empty());
    assert_eq!(select(&plain, "figure.attachment").len(), 2);
    let no_attachments = article(&feed, 2);
    assert!(select(&no_attachments, ".attachments").is_empty());
}

fn feed_content(feed: &Feed) -> Html {
    let (items, expired) = (feed.items.clone(), feed.expired);
    render(move || {
        view! {
            <FeedContent
                items
                sections=Vec::new()
                section=None
                tag=None
                new_stories=().into_any()
                more=().into_any()
                expired
            />
        }
        .into_any()
    })
}

#[test]
fn an_expired_feed_says_so_as_a_status_not_an_error() {
    let expired = fixture("expired-event.json");
    assert!(expired.expired);
    let html = feed_content(&expired);
    let notices = select(&html, ".feed__expired");
    assert_eq!(notices.len(), 1);
    assert_eq!(attr(&notices[0], "role"), Some("status"));
    assert_eq!(text(&notices[0]), strings::FEED_EXPIRED);
    assert!(select(&html, ".notice--error").is_empty());
    assert_eq!(
        select(&html, "article.feed-item").len(),
        2,
        "the stories stay"
    );

    let live = fixture("podcast.json");
    assert!(!live.expired);
    assert!(select(&feed_content(&live), ".feed__expired").is_empty());
}

#[test]
fn another_publishers_feed_puts_their_name_in_the_masthead() {
    let feed = fixture("expired-event.json");
    let publication = feed.publication.clone();
    assert_eq!(
        publication,
        Some(Publication {
            title: "Regatta Week 2021: live".into(),
            home_page_url: broadsheet::model::SafeUrl::parse("https://regatta.example/2021/").ok(),
            icon: broadsheet::model::SafeUrl::parse(
                "https://harbour-gazette.example/regatta/icon-512.png"
            )
            .ok(),
        })
    );
    let html = render(move || view! { <SiteHeader publication/> }.into_any());
    let name = &select(&html, "header.masthead a.masthead__name")[0];
    assert_eq!(text(name), "Regatta Week 2021: live");
    assert_eq!(attr(name, "href"), Some("https://regatta.example/2021/"));
    let icon = &select(&html, "a.masthead__name img.masthead__icon")[0];
    assert_eq!(
        attr(icon, "src"),
        Some("https://harbour-gazette.example/regatta/icon-512.png")
    );
    assert_eq!(attr(icon, "alt"), Some(""));
    assert_eq!(
        (attr(icon, "width"), attr(icon, "height")),
        (Some("32"), Some("32"))
    );
    assert_eq!(
        select(&html, "nav.masthead__nav a[href='/']").len(),
        1,
        "All News is still one step away"
    );

    let ours = render(|| view! { <SiteHeader/> }.into_any());
    let name = &select(&ours, "a.masthead__name")[0];
    assert_eq!(
        (text(name).as_str(), attr(name, "href")),
        (strings::SITE_NAME, Some("/"))
    );
    assert!(select(&ours, ".masthead__icon").is_empty());
}

#[test]
fn our_own_feed_keeps_our_masthead() {
    let path = format!("{}/public/api/feed.json", env!("CARGO_MANIFEST_DIR"));
    let ours = Feed::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(ours.publication, None);
    assert!(!ours.expired);
    assert!(fixture("podcast.json").publication.is_some());
}

/// The pre-render draws All News from the same feed as the app: an ended feed's notice and
/// the publisher's masthead are in the page before any script runs.
#[test]
fn the_prerendered_all_news_of_an_ended_foreign_feed_says_so() {
    let root = std::env::temp_dir().join(format!("broadsheet-feed-fields-{}", std::process::id()));
    let (dist, api) = (root.join("dist"), root.join("api"));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::create_dir_all(&api).unwrap();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("index.html"), dist.join("index.html")).unwrap();
    std::fs::copy(
        repo.join("tests/fixtures/feeds/expired-event.json"),
        api.join("feed.json"),
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_prerender"))
        .args([
            "--dist",
            dist.to_str().unwrap(),
            "--api",
            api.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let page = std::fs::read_to_string(dist.join("index.html"));
    let _ = std::fs::remove_dir_all(&root);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = Html::parse_document(&page.unwrap());
    let notice = select(&html, "main .feed__expired[role=status]");
    assert_eq!(notice.len(), 1);
    assert_eq!(text(&notice[0]), strings::FEED_EXPIRED);
    let name = &select(&html, "header.masthead a.masthead__name")[0];
    assert_eq!(text(name), "Regatta Week 2021: live");
    assert_eq!(attr(name, "href"), Some("https://regatta.example/2021/"));
}
