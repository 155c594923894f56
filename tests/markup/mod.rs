//! Reading rendered HTML as the native tests do: by CSS selector, with text as a reader sees it
//! (runs of whitespace collapsed).

use scraper::{ElementRef, Html, Selector};

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

pub fn text(el: &ElementRef<'_>) -> String {
    squash(&el.text().collect::<String>())
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
