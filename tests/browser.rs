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
    let next = api::resolve("feed-2.json", "https://news.example/api/feed.json");
    assert_eq!(
        next.as_deref(),
        Some("https://news.example/api/feed-2.json")
    );
    let absolute = api::resolve(
        "https://other.example/p2",
        "https://news.example/api/feed.json",
    );
    assert_eq!(absolute.as_deref(), Some("https://other.example/p2"));
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
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let result = api::fetch_article(ArticleSource::Id("any"), Some(controller.signal())).await;
    assert_eq!(result.unwrap_err(), FetchError::Cancelled);
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
