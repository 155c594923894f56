//! Reading rendered HTML as the native tests do: by CSS selector, with text as a reader sees it
//! (runs of whitespace collapsed). Each test crate uses the part it needs.
#![allow(dead_code)]

use broadsheet::model::Image;
use scraper::{ElementRef, Html, Selector};

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

pub fn text(el: &ElementRef<'_>) -> String {
    squash(&el.text().collect::<String>())
}

/// The text of every element `css` matches, in document order.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css).iter().map(text).collect()
}

/// Every link `css` matches, as its text and where it leads, in document order.
pub fn links(html: &Html, css: &str) -> Vec<(String, String)> {
    select(html, css)
        .iter()
        .map(|a| (text(a), a.value().attr("href").unwrap().to_owned()))
        .collect()
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The hero's caption names the picture and credits it, whatever else it says.
pub fn assert_hero_captioned(html: &Html, hero: &Image) {
    let caption = text(&select(html, "figure.figure--hero > figcaption")[0]);
    for part in [&hero.caption, &hero.credit] {
        let part = squash(
            part.as_deref()
                .expect("the hero has a caption and a credit"),
        );
        assert!(caption.contains(&part), "{part:?} in {caption:?}");
    }
}
