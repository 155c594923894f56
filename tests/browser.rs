//! Browser tests: the code that only runs in a browser, run in headless Chromium by
//! wasm-bindgen-test. The test runner serves its own page, so `/api/...` is absent there:
//! that is how the error paths are exercised against a real `fetch`.
#![cfg(target_arch = "wasm32")]

use broadsheet::api::{self, ArticleSource, FetchError};
use broadsheet::browser;
use broadsheet::components::ArticleView;
use broadsheet::model::{Article, CivilDate, Timestamp};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn set_api_meta(content: Option<&str>) {
    let selector = format!("meta[name=\"{}\"]", browser::API_META_NAME);
    if let Some(old) = document().query_selector(&selector).unwrap() {
        old.remove();
    }
    if let Some(content) = content {
        let meta = document().create_element("meta").unwrap();
        meta.set_attribute("name", browser::API_META_NAME).unwrap();
        meta.set_attribute("content", content).unwrap();
        document().head().unwrap().append_child(&meta).unwrap();
    }
}

#[wasm_bindgen_test]
fn the_api_base_is_read_from_the_page() {
    set_api_meta(None);
    assert_eq!(browser::api_base(), browser::DEFAULT_API_BASE);
    set_api_meta(Some("https://news.example/v2/"));
    assert_eq!(browser::api_base(), "https://news.example/v2/");
    set_api_meta(Some("   "));
    assert_eq!(browser::api_base(), browser::DEFAULT_API_BASE);
    set_api_meta(None);
}

#[wasm_bindgen_test]
fn dates_are_formatted_by_the_browsers_intl() {
    let at = Timestamp::parse("2022-01-10T12:00:00Z").unwrap();
    let shown = browser::format_date_time(at);
    assert!(shown.contains("2022"), "{shown}");
    let day = browser::format_day(CivilDate {
        year: 2022,
        month: 1,
        day: 10,
    });
    assert!(day.contains("2022") && day.contains("10"), "{day}");
}

#[wasm_bindgen_test]
fn next_urls_resolve_against_the_page_they_came_from() {
    let next = browser::resolve("feed-2.json", "https://news.example/api/feed.json");
    assert_eq!(
        next.as_deref(),
        Some("https://news.example/api/feed-2.json")
    );
    let absolute = browser::resolve(
        "https://other.example/p2",
        "https://news.example/api/feed.json",
    );
    assert_eq!(absolute.as_deref(), Some("https://other.example/p2"));
}

/// The same table as `browser::location`'s native test: both halves read a query alike.
#[wasm_bindgen_test]
fn queries_are_read_by_the_browser() {
    let query = "?limit=3&section=Arts+%26+Culture&section=World&bad=%E0%A4&raw=%zz&empty=";
    let read = |name| browser::query_value(query, name);
    assert_eq!(read("limit").as_deref(), Some("3"));
    assert_eq!(read("section").as_deref(), Some("Arts & Culture"));
    assert_eq!(read("bad"), None, "not UTF-8: absent");
    assert_eq!(read("raw").as_deref(), Some("%zz"));
    assert_eq!(read("empty").as_deref(), Some(""));
    assert_eq!(read("missing"), None);
    assert_eq!(
        browser::query_value("limit=4", "limit").as_deref(),
        Some("4")
    );
}

/// Resolves after the browser's next frame.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_page_heading_that_comes_later_gets_focus_and_its_title_announced() {
    let main = document().create_element("main").unwrap();
    main.set_id("main");
    main.set_attribute("tabindex", "-1").unwrap();
    document().body().unwrap().append_child(&main).unwrap();
    document().set_title("The story");
    let announced = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
    let heard = announced.clone();
    browser::focus_page_heading(|| true, move |title| *heard.borrow_mut() = Some(title));
    next_frame().await;
    assert_eq!(
        document().active_element(),
        Some(main.clone()),
        "the landmark meanwhile"
    );
    assert_eq!(
        *announced.borrow(),
        None,
        "nothing to announce before the heading"
    );
    // Long after any fixed number of tries would matter, the content arrives.
    for _ in 0..3 {
        next_frame().await;
    }
    let heading = document().create_element("h1").unwrap();
    heading.set_attribute("tabindex", "-1").unwrap();
    main.append_child(&heading).unwrap();
    next_frame().await;
    next_frame().await;
    assert_eq!(
        document().active_element(),
        Some(heading),
        "the heading once it came"
    );
    assert_eq!(announced.borrow().as_deref(), Some("The story"));
    main.remove();
}

#[wasm_bindgen_test]
async fn a_missing_article_is_not_found_not_a_crash() {
    set_api_meta(Some("/no-such-api/"));
    let result = api::fetch_article(ArticleSource::Id("eight-hour-us-russia-talks"), None).await;
    set_api_meta(None);
    assert_eq!(result.unwrap_err(), FetchError::NotFound);
}

#[wasm_bindgen_test]
async fn a_cancelled_request_says_so() {
    let cancel = browser::Cancel::new().unwrap();
    cancel.cancel();
    let result = api::fetch_article(ArticleSource::Id("any"), Some(cancel)).await;
    assert_eq!(result.unwrap_err(), FetchError::Cancelled);
}

#[wasm_bindgen_test]
async fn a_cancelled_feed_search_says_so() {
    let cancel = browser::Cancel::new().unwrap();
    cancel.cancel();
    let result = api::fetch_feed_items(1, api::STORY_SEARCH_PAGES, |_| true, Some(&cancel)).await;
    assert_eq!(result.err(), Some(FetchError::Cancelled));
}

#[wasm_bindgen_test]
async fn a_page_that_is_not_a_feed_is_a_parse_error() {
    // The runner's own page is HTML: a feed URL answering with it must not be taken for JSON.
    let href = web_sys::window().unwrap().location().href().unwrap();
    match api::fetch_feed_page(&href).await {
        Err(FetchError::Parse(why)) => assert!(!why.is_empty()),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn an_unreachable_host_is_a_network_error() {
    let result = api::fetch_feed_page("http://127.0.0.1:9/feed.json").await;
    assert_eq!(result.unwrap_err(), FetchError::Network);
}

#[wasm_bindgen_test]
fn an_article_mounts_into_the_live_dom() {
    let article = Article::parse(include_str!(
        "../public/api/articles/eight-hour-us-russia-talks.json"
    ))
    .unwrap();
    let headline = article.headline.clone();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(
        host.clone().unchecked_into(),
        move || view! { <ArticleView article/> },
    );
    let h1 = host.query_selector("article h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), headline);
    assert!(host
        .query_selector("figure.figure--hero > figcaption")
        .unwrap()
        .is_some());
    assert_eq!(
        host.query_selector_all("figure.quote blockquote")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(
        host.query_selector("article")
            .unwrap()
            .unwrap()
            .get_attribute("dir")
            .as_deref(),
        Some("ltr")
    );
    drop(handle);
}
