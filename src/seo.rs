//! What a page says about itself to search engines, link previews and the browser: title,
//! description, canonical address, Open Graph and Twitter card tags, and a schema.org
//! NewsArticle in JSON-LD. The pre-render writes these into the head at build time and the app
//! sets them on client-side navigation, both from the functions here, so the two never differ.

use crate::model::Article;
use crate::{routes, strings};

/// Open Graph keys go in `property`, every other key in `name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaKey {
    Name(&'static str),
    Property(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MetaTag {
    pub key: MetaKey,
    pub content: String,
}

/// Everything a page puts in its head besides the assets.
#[derive(Clone, Debug, PartialEq)]
pub struct PageHead {
    /// The page's own title; the document's title is [`document_title`] of it.
    pub title: String,
    pub canonical: String,
    pub meta: Vec<MetaTag>,
}

/// The document title of a page: its own title, then the site's name.
pub fn document_title(page: &str) -> String {
    format!("{page} — {}", strings::SITE_NAME)
}

/// The head of an article page. `origin` (`https://host`, no path) makes the document's
/// relative URLs absolute, as link previews require; empty, they stay as they are.
pub fn article_head(article: &Article, origin: &str) -> PageHead {
    let canonical = absolute(article.url.as_str(), origin);
    let description = article.standfirst.as_deref().map(squash);
    let mut meta = Vec::new();
    let mut add = |key, content: &str| {
        meta.push(MetaTag {
            key,
            content: content.to_owned(),
        })
    };
    if let Some(d) = &description {
        add(MetaKey::Name("description"), d);
    }
    add(MetaKey::Property("og:type"), "article");
    add(MetaKey::Property("og:site_name"), strings::SITE_NAME);
    add(MetaKey::Property("og:title"), &article.headline);
    if let Some(d) = &description {
        add(MetaKey::Property("og:description"), d);
    }
    add(MetaKey::Property("og:url"), &canonical);
    let hero = article.hero.as_ref();
    if let Some(image) = hero {
        add(
            MetaKey::Property("og:image"),
            &absolute(image.src.as_str(), origin),
        );
        if !image.alt.is_empty() {
            add(MetaKey::Property("og:image:alt"), &image.alt);
        }
        if image.width > 0 && image.height > 0 {
            add(
                MetaKey::Property("og:image:width"),
                &image.width.to_string(),
            );
            add(
                MetaKey::Property("og:image:height"),
                &image.height.to_string(),
            );
        }
    }
    if let Some(at) = article.published {
        add(MetaKey::Property("article:published_time"), &at.to_string());
    }
    if let Some(at) = article.modified {
        add(MetaKey::Property("article:modified_time"), &at.to_string());
    }
    add(MetaKey::Property("article:section"), &article.section);
    for author in &article.authors {
        // Open Graph wants a profile URL; a name is the best we have without one.
        let who = author
            .url
            .as_ref()
            .map_or_else(|| author.name.clone(), |u| absolute(u.as_str(), origin));
        add(MetaKey::Property("article:author"), &who);
    }
    for tag in &article.tags {
        add(MetaKey::Property("article:tag"), tag);
    }
    let card = if hero.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    add(MetaKey::Name("twitter:card"), card);
    add(MetaKey::Name("twitter:title"), &article.headline);
    if let Some(d) = &description {
        add(MetaKey::Name("twitter:description"), d);
    }
    if let Some(image) = hero {
        add(
            MetaKey::Name("twitter:image"),
            &absolute(image.src.as_str(), origin),
        );
        if !image.alt.is_empty() {
            add(MetaKey::Name("twitter:image:alt"), &image.alt);
        }
    }
    PageHead {
        title: article.headline.clone(),
        canonical,
        meta,
    }
}

/// previews, not an article, and has no JSON-LD of its own.
pub fn feed_head(section: Option<&str>, origin: &str) -> PageHead {
    let title = section.unwrap_or(strings::ALL_NEWS);
    let path = section.map_or_else(|| routes::ALL_NEWS.to_owned(), routes::section);
    listing_head(title, &path, origin)
}

/// The head of a listing titled `title` at `path`: All News, a section of it, or a tag view.
pub fn listing_head(title: &str, path: &str, origin: &str) -> PageHead {
    let canonical = absolute(path, origin);
    let tag = |key, content: &str| MetaTag {
        key,
        content: content.to_owned(),
    };
    PageHead {
        meta: vec![
            tag(MetaKey::Name("description"), strings::SITE_DESCRIPTION),
            tag(MetaKey::Property("og:type"), "website"),
            tag(MetaKey::Property("og:site_name"), strings::SITE_NAME),
            tag(MetaKey::Property("og:title"), title),
            tag(
                MetaKey::Property("og:description"),
                strings::SITE_DESCRIPTION,
            ),
            tag(MetaKey::Property("og:url"), &canonical),
            tag(MetaKey::Name("twitter:card"), "summary"),
            tag(MetaKey::Name("twitter:title"), title),
            tag(
                MetaKey::Name("twitter:description"),
                strings::SITE_DESCRIPTION,
            ),
        ],
        title: title.to_owned(),
        canonical,
    }
}

/// `url` made absolute against the site's `origin`, the way the app resolves an article's
/// address: a path without a leading slash is relative to the site's root.
pub fn absolute(url: &str, origin: &str) -> String {
    let origin = origin.trim_end_matches('/');
    let has_scheme = url
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|first| first.contains(':'));
    if has_scheme || origin.is_empty() {
        url.to_owned()
    } else if let Some(rest) = url.strip_prefix("//") {
        let scheme = origin.split("//").next().unwrap_or("https:");
        format!("{scheme}//{rest}")
    } else if url.starts_with('/') {
        format!("{origin}{url}")
    } else {
        format!("{origin}/{url}")
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// JSON-LD is written by the pre-render only: crawlers read pages as served, and the browser's
/// app need not carry a JSON writer for them.
#[cfg(not(target_arch = "wasm32"))]
pub use json_ld::article_json_ld;

#[cfg(not(target_arch = "wasm32"))]
mod json_ld {
    use super::{absolute, squash};
    use crate::model::{Article, Image};
    use crate::strings;
    use serde_json::{json, Value};

    /// The article as a schema.org NewsArticle in JSON-LD, safe to place inside a `<script>`
    /// element as it is. Only the pre-render writes it: crawlers read pages as served, and the
    /// browser's app need not carry a JSON writer for them.
    pub fn article_json_ld(article: &Article, origin: &str) -> String {
        let canonical = absolute(article.url.as_str(), origin);
        let description = article.standfirst.as_deref().map(squash);
        script_safe(&news_article(
            article,
            &canonical,
            description.as_deref(),
            origin,
        ))
    }

    /// The head of All News, or of one section of it. A listing is a website page to link
    fn news_article(
        article: &Article,
        canonical: &str,
        description: Option<&str>,
        origin: &str,
    ) -> Value {
        let authors: Vec<Value> = article
            .authors
            .iter()
            .map(|a| {
                let mut person = json!({ "@type": "Person", "name": a.name });
                if let Some(url) = &a.url {
                    person["url"] = absolute(url.as_str(), origin).into();
                }
                person
            })
            .collect();
        let mut doc = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.headline,
            "image": article.hero.as_ref().map(|i| image_urls(i, origin)).unwrap_or_default(),
            "author": authors,
            "publisher": { "@type": "Organization", "name": strings::SITE_NAME },
            "mainEntityOfPage": { "@type": "WebPage", "@id": canonical },
            "articleSection": article.section,
            "inLanguage": article.language,
        });
        if let Some(d) = description {
            doc["description"] = d.into();
        }
        if let Some(at) = article.published {
            doc["datePublished"] = at.to_string().into();
        }
        // Search engines read an absent dateModified as "never modified".
        if let Some(at) = article.modified.or(article.published) {
            doc["dateModified"] = at.to_string().into();
        }
        if !article.tags.is_empty() {
            doc["keywords"] = article.tags.clone().into();
        }
        doc
    }

    /// The hero's address and every other size of it, each once.
    fn image_urls(image: &Image, origin: &str) -> Vec<String> {
        let mut urls = vec![absolute(image.src.as_str(), origin)];
        for source in &image.srcset {
            let url = absolute(source.url.as_str(), origin);
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
        urls
    }

    /// JSON whose text cannot end the `<script>` element it sits in, nor open a comment there:
    /// `<`, `>` and `&` only ever occur inside JSON strings, where their `\u` escapes mean the same.
    pub(super) fn script_safe(value: &Value) -> String {
        value
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_addresses_become_absolute_on_the_site() {
        let site = "https://news.example/";
        assert_eq!(absolute("/news/a", site), "https://news.example/news/a");
        assert_eq!(
            absolute("images/a.jpg", site),
            "https://news.example/images/a.jpg"
        );
        assert_eq!(
            absolute("//cdn.example/a.jpg", site),
            "https://cdn.example/a.jpg"
        );
        assert_eq!(
            absolute("http://other.example/a", site),
            "http://other.example/a"
        );
        assert_eq!(absolute("/news/a", ""), "/news/a");
    }

    #[test]
    fn json_ld_cannot_close_its_script() {
        use serde_json::{json, Value};
        let text = json_ld::script_safe(
            &json!({ "headline": "</script><script>alert(1)</script> & <!--" }),
        );
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back["headline"],
            "</script><script>alert(1)</script> & <!--"
        );
    }
}
