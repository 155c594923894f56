//! The article document (`{api}/articles/{id}.json`), version 1 of `shared/DESIGN.md`.

use super::skip_invalid;
use super::time::Timestamp;
use super::url::{self, SafeUrl};
use serde::{Deserialize, Deserializer};

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Article {
    pub id: String,
    /// The canonical address; may be relative to the site.
    pub url: SafeUrl,
    pub headline: String,
    #[serde(default)]
    pub standfirst: Option<String>,
    pub section: String,
    /// BCP 47; drives `lang` and `dir`.
    pub language: String,
    #[serde(default, deserialize_with = "skip_invalid")]
    pub authors: Vec<Author>,
    /// Required in an article document; an article built from another publisher's feed item
    /// may have no date.
    #[serde(deserialize_with = "required_timestamp")]
    pub published: Option<Timestamp>,
    #[serde(default, deserialize_with = "super::time::lenient")]
    pub modified: Option<Timestamp>,
    /// A hero that fails to parse (say, a hostile `src`) is dropped; the article still shows.
    #[serde(default, deserialize_with = "lenient_image")]
    pub hero: Option<Image>,
    #[serde(deserialize_with = "skip_invalid")]
    pub body: Vec<Block>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Author {
    pub name: String,
    #[serde(default, deserialize_with = "url::lenient")]
    pub url: Option<SafeUrl>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Image {
    pub src: SafeUrl,
    #[serde(default, deserialize_with = "skip_invalid")]
    pub srcset: Vec<ImageSource>,
    /// The intrinsic size, so the page can reserve the space. Zero when unknown (a foreign
    /// feed's image): the image is then shown whole inside a fixed 16:9 frame.
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub alt: String,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ImageSource {
    pub url: SafeUrl,
    pub width: u32,
}

impl Image {
    /// The `srcset` attribute for the other sizes, if there are any. Whitespace and commas
    /// separate its candidates, so inside a URL they are percent-encoded (what the browser
    /// would request for them anyway): a hostile URL cannot add a candidate of its own, such as
    /// a picture from a tracker.
    pub fn srcset_attribute(&self) -> Option<String> {
        let candidate = |source: &ImageSource| {
            let mut url = String::with_capacity(source.url.as_str().len());
            for c in source.url.as_str().chars() {
                match c {
                    ',' => url.push_str("%2C"),
                    c if c.is_ascii_whitespace() => url.push_str(&format!("%{:02X}", u32::from(c))),
                    c => url.push(c),
                }
            }
            format!("{url} {}w", source.width)
        };
        (!self.srcset.is_empty()).then(|| {
            self.srcset
                .iter()
                .map(candidate)
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

/// One unit of the article body, tagged by `type` in the JSON.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    Heading {
        level: HeadingLevel,
        text: String,
    },
    Image(Image),
    Quote {
        text: String,
        #[serde(default)]
        attribution: Option<String>,
        #[serde(default, deserialize_with = "url::lenient")]
        cite_url: Option<SafeUrl>,
        #[serde(default)]
        kind: QuoteKind,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Context {
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        content: Vec<Inline>,
        #[serde(default, deserialize_with = "skip_invalid")]
        links: Vec<Link>,
    },
    Related {
        #[serde(default)]
        title: Option<String>,
        #[serde(deserialize_with = "skip_invalid")]
        links: Vec<Link>,
    },
    Embed {
        provider: String,
        url: SafeUrl,
        title: String,
    },
    Divider,
}

/// Section headings inside the body; `h1` belongs to the headline alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingLevel {
    H2,
    H3,
    H4,
}

impl<'de> Deserialize<'de> for HeadingLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match u8::deserialize(deserializer)? {
            2 => Ok(HeadingLevel::H2),
            3 => Ok(HeadingLevel::H3),
            4 => Ok(HeadingLevel::H4),
            n => Err(serde::de::Error::custom(format!(
                "heading level {n} is not 2-4"
            ))),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    #[default]
    Block,
    Pull,
}

/// A run of text with its emphasis; a link that fails the URL check leaves plain text.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Inline {
    pub text: String,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default, deserialize_with = "url::lenient")]
    pub link: Option<SafeUrl>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Link {
    pub title: String,
    pub url: SafeUrl,
    #[serde(default)]
    pub kicker: Option<String>,
}

impl Block {
    /// The words of a block of text, for a title or a summary; `None` for blocks of other kinds.
    pub fn text(&self) -> Option<String> {
        let runs = |runs: &[Inline]| runs.iter().map(|r| r.text.as_str()).collect::<String>();
        match self {
            Block::Paragraph { content } | Block::Context { content, .. } => Some(runs(content)),
            Block::Heading { text, .. } | Block::Quote { text, .. } => Some(text.clone()),
            Block::List { items, .. } => {
                Some(items.iter().map(|i| runs(i)).collect::<Vec<_>>().join(" "))
            }
            _ => None,
        }
    }
}

impl Article {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        super::parse_clean(json)
    }

    /// Every word a reader reads in the body, for the reading-time estimate.
    pub fn word_count(&self) -> usize {
        let words = |s: &str| s.split_whitespace().count();
        let standfirst = self.standfirst.as_deref().map_or(0, words);
        let body: usize = self
            .body
            .iter()
            .filter_map(Block::text)
            .map(|t| words(&t))
            .sum();
        standfirst + body
    }

    /// Whole minutes at an adult's silent reading pace (about 230 words a minute), at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(230).max(1)
    }
}

fn required_timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    Timestamp::deserialize(d).map(Some)
}

fn lenient_image<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Image>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(value.and_then(|v| serde_json::from_value(v).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal(body: serde_json::Value) -> serde_json::Value {
        json!({
            "id": "a", "url": "/news/a", "headline": "H", "section": "World",
            "language": "en", "published": "2022-01-11T09:30:00Z", "body": body
        })
    }

    #[test]
    fn a_srcset_url_cannot_add_candidates_of_its_own() {
        let image: Image = serde_json::from_value(json!({
            "src": "/images/a.jpg", "width": 800, "height": 450,
            "srcset": [
                {"url": "/images/a-400.jpg", "width": 400},
                {"url": "/images/b.jpg 9999w, https://tracker.example/p.gif", "width": 800},
                {"url": "/images/c.jpg,\t,", "width": 1200}
            ]
        }))
        .unwrap();
        assert_eq!(
            image.srcset_attribute().as_deref(),
            Some(
                "/images/a-400.jpg 400w, \
                 /images/b.jpg%209999w%2C%20https://tracker.example/p.gif 800w, \
                 /images/c.jpg%2C%2C 1200w"
            )
        );
        let no_sources = Image {
            srcset: Vec::new(),
            ..image
        };
        assert_eq!(no_sources.srcset_attribute(), None);
    }

    #[test]
    fn unknown_and_broken_blocks_are_skipped_and_the_rest_kept() {
        let doc = minimal(json!([
            {"type": "paragraph", "content": [{"text": "first"}]},
            {"type": "hologram", "beam": true},
            {"type": "heading", "level": 7, "text": "too deep"},
            {"type": "image", "src": "javascript:alert(1)", "width": 1, "height": 1},
            {"type": "quote"},
            {"type": "divider"},
            {"type": "heading", "level": 2, "text": "kept"}
        ]));
        let article: Article = serde_json::from_value(doc).unwrap();
        assert_eq!(article.body.len(), 3);
        assert!(matches!(article.body[1], Block::Divider));
        assert_eq!(
            article.body[2],
            Block::Heading {
                level: HeadingLevel::H2,
                text: "kept".into()
            }
        );
    }

    #[test]
    fn a_missing_required_field_fails_the_document() {
        for field in ["id", "headline", "published", "body"] {
            let mut doc = minimal(json!([]));
            doc.as_object_mut().unwrap().remove(field);
            assert!(
                serde_json::from_value::<Article>(doc).is_err(),
                "without {field}"
            );
        }
    }

    #[test]
    fn hostile_urls_are_dropped_where_they_stand() {
        let mut doc = minimal(json!([
            {"type": "paragraph", "content": [{"text": "click", "link": "javascript:alert(1)"}]},
            {"type": "related", "links": [
                {"title": "bad", "url": "data:text/html,x"},
                {"title": "good", "url": "/news/b"}
            ]}
        ]));
        doc["hero"] = json!({"src": "javascript:x", "width": 1, "height": 1});
        doc["authors"] = json!([{"name": "Desk", "url": "vbscript:x"}]);
        let article: Article = serde_json::from_value(doc).unwrap();
        assert_eq!(article.hero, None);
        assert_eq!(article.authors[0].url, None);
        let Block::Paragraph { content } = &article.body[0] else {
            panic!("paragraph lost")
        };
        assert_eq!(content[0].link, None);
        assert_eq!(content[0].text, "click");
        let Block::Related { links, .. } = &article.body[1] else {
            panic!("related lost")
        };
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].title, "good");
    }

    #[test]
    fn reading_time_counts_the_words_of_the_body() {
        let paragraph = json!({"type": "paragraph", "content": [{"text": "word ".repeat(460)}]});
        let article: Article = serde_json::from_value(minimal(json!([paragraph]))).unwrap();
        assert_eq!(article.word_count(), 460);
        assert_eq!(article.reading_minutes(), 2);
        let empty: Article = serde_json::from_value(minimal(json!([]))).unwrap();
        assert_eq!(empty.reading_minutes(), 1);
    }
}
