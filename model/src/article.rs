//! The article document (`{api}/articles/{id}.json`), version 1 of `shared/DESIGN.md`.

use super::time::Timestamp;
use super::url::SafeUrl;
use super::{fields, Lenient, Record};
use serde::{Deserialize, Deserializer};

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    /// The canonical address; may be relative to the site.
    pub url: SafeUrl,
    pub headline: String,
    pub standfirst: Option<String>,
    pub section: String,
    /// BCP 47; drives `lang` and `dir`.
    pub language: String,
    pub authors: Vec<Author>,
    /// Required in an article document; an article built from another publisher's feed item
    /// may have no date.
    pub published: Option<Timestamp>,
    pub modified: Option<Timestamp>,
    /// A hero that fails to parse (say, a hostile `src`) is dropped; the article still shows.
    pub hero: Option<Image>,
    pub body: Vec<Block>,
    pub tags: Vec<String>,
    /// Another publisher's item only: its podcast episode, video or files (JSON Feed
    /// `attachments`), and for a link post the page it points to (`external_url`).
    pub attachments: Vec<Attachment>,
    pub external_url: Option<SafeUrl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: String,
    pub url: Option<SafeUrl>,
    /// A small picture of the author, shown beside the name.
    pub avatar: Option<SafeUrl>,
}

/// A file that goes with a feed item (JSON Feed `attachments`). Items with the same `title`
/// are the same thing in other formats, as JSON Feed 1.1 has it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    pub url: SafeUrl,
    pub mime_type: String,
    pub title: Option<String>,
    /// Whole numbers as JSON has them; a size past 4 GB is dropped, as a 32-bit number is
    /// all the app carries for it (a 64-bit one costs every reader download size).
    pub size_in_bytes: Option<u32>,
    pub duration_in_seconds: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: SafeUrl,
    pub srcset: Vec<ImageSource>,
    /// The intrinsic size, so the page can reserve the space. Zero when unknown (a foreign
    /// feed's image): the image is then shown whole inside a fixed 16:9 frame.
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
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

/// One unit of the article body, tagged by `type` in the JSON (read by [`BlockFields`]).
#[derive(Clone, Debug, PartialEq)]
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
        attribution: Option<String>,
        cite_url: Option<SafeUrl>,
        kind: QuoteKind,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Context {
        title: Option<String>,
        content: Vec<Inline>,
        links: Vec<Link>,
    },
    Related {
        title: Option<String>,
        links: Vec<Link>,
    },
    /// Third-party media (a video, a post): the document's `embed` block. Called media here,
    /// as everywhere in the code, because "embed" means a partner's iframe of our pages.
    Media {
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

impl Lenient for HeadingLevel {
    fn from_number(number: serde_json::Number) -> Option<Self> {
        match number.as_u64()? {
            2 => Some(HeadingLevel::H2),
            3 => Some(HeadingLevel::H3),
            4 => Some(HeadingLevel::H4),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuoteKind {
    #[default]
    Block,
    Pull,
}

/// An unknown kind costs the quote its styling, not its words: it shows as a block quote.
impl Lenient for QuoteKind {
    fn from_text(text: String) -> Option<Self> {
        match text.as_str() {
            "block" => Some(QuoteKind::Block),
            "pull" => Some(QuoteKind::Pull),
            _ => None,
        }
    }
}

/// A run of text with its emphasis; a link that fails the URL check leaves plain text.
#[derive(Clone, Debug, PartialEq)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<SafeUrl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub title: String,
    pub url: SafeUrl,
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
        serde_json::from_str(json)
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

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_document(deserializer)
    }
}

fields! {
    pub(crate) struct ArticleFields {
        "id" => id: String,
        "url" => url: SafeUrl,
        "headline" => headline: String,
        "standfirst" => standfirst: String,
        "section" => section: String,
        "language" => language: String,
        "authors" => authors: Vec<Author>,
        "published" => published: Timestamp,
        "modified" => modified: Timestamp,
        "hero" => hero: Image,
        "body" => body: Vec<Block>,
        "tags" => tags: Vec<String>,
    }
}

impl Record for Article {
    type Fields = ArticleFields;
    fn build(f: ArticleFields) -> Result<Self, &'static str> {
        Ok(Article {
            id: f.id.ok_or("id")?,
            url: f.url.ok_or("url")?,
            headline: f.headline.ok_or("headline")?,
            standfirst: f.standfirst,
            section: f.section.ok_or("section")?,
            language: f.language.ok_or("language")?,
            authors: f.authors.unwrap_or_default(),
            published: Some(f.published.ok_or("published")?),
            modified: f.modified,
            hero: f.hero,
            body: f.body.ok_or("body")?,
            tags: f.tags.unwrap_or_default(),
            attachments: Vec::new(),
            external_url: None,
        })
    }
}

/// What a card for the story needs of an article document (a partner's embed shows no more):
/// read from the same document as [`Article`], with the same required fields, but the body,
/// which is most of the reading, skipped unread.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryCard {
    pub id: String,
    pub headline: String,
    pub standfirst: Option<String>,
    pub section: String,
    /// BCP 47; drives `lang` and `dir`.
    pub language: String,
    pub published: Option<Timestamp>,
    pub hero: Option<Image>,
}

impl StoryCard {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl<'de> Deserialize<'de> for StoryCard {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::deserialize_document(deserializer)
    }
}

fields! {
    pub(crate) struct StoryCardFields {
        "id" => id: String,
        "url" => url: SafeUrl,
        "headline" => headline: String,
        "standfirst" => standfirst: String,
        "section" => section: String,
        "language" => language: String,
        "published" => published: Timestamp,
        "hero" => hero: Image,
    }
}

impl Record for StoryCard {
    type Fields = StoryCardFields;
    fn build(f: StoryCardFields) -> Result<Self, &'static str> {
        f.url.ok_or("url")?;
        Ok(StoryCard {
            id: f.id.ok_or("id")?,
            headline: f.headline.ok_or("headline")?,
            standfirst: f.standfirst,
            section: f.section.ok_or("section")?,
            language: f.language.ok_or("language")?,
            published: Some(f.published.ok_or("published")?),
            hero: f.hero,
        })
    }
}

fields! {
    pub(crate) struct AuthorFields {
        "name" => name: String,
        "url" => url: SafeUrl,
        "avatar" => avatar: SafeUrl,
    }
}

impl Record for Author {
    type Fields = AuthorFields;
    fn build(f: AuthorFields) -> Result<Self, &'static str> {
        Ok(Author {
            name: f.name.ok_or("name")?,
            url: f.url,
            avatar: f.avatar,
        })
    }
}

fields! {
    pub(crate) struct ImageFields {
        "src" => src: SafeUrl,
        "srcset" => srcset: Vec<ImageSource>,
        "width" => width: u32,
        "height" => height: u32,
        "alt" => alt: String,
        "caption" => caption: String,
        "credit" => credit: String,
    }
}

impl Record for Image {
    type Fields = ImageFields;
    fn build(f: ImageFields) -> Result<Self, &'static str> {
        Ok(Image {
            src: f.src.ok_or("src")?,
            srcset: f.srcset.unwrap_or_default(),
            width: f.width.ok_or("width")?,
            height: f.height.ok_or("height")?,
            alt: f.alt.unwrap_or_default(),
            caption: f.caption,
            credit: f.credit,
        })
    }
}

fields! {
    pub(crate) struct ImageSourceFields {
        "url" => url: SafeUrl,
        "width" => width: u32,
    }
}

impl Record for ImageSource {
    type Fields = ImageSourceFields;
    fn build(f: ImageSourceFields) -> Result<Self, &'static str> {
        Ok(ImageSource {
            url: f.url.ok_or("url")?,
            width: f.width.ok_or("width")?,
        })
    }
}

fields! {
    pub(crate) struct InlineFields {
        "text" => text: String,
        "bold" => bold: bool,
        "italic" => italic: bool,
        "link" => link: SafeUrl,
    }
}

impl Record for Inline {
    type Fields = InlineFields;
    fn build(f: InlineFields) -> Result<Self, &'static str> {
        Ok(Inline {
            text: f.text.ok_or("text")?,
            bold: f.bold.unwrap_or_default(),
            italic: f.italic.unwrap_or_default(),
            link: f.link,
        })
    }
}

fields! {
    pub(crate) struct LinkFields {
        "title" => title: String,
        "url" => url: SafeUrl,
        "kicker" => kicker: String,
    }
}

impl Record for Link {
    type Fields = LinkFields;
    fn build(f: LinkFields) -> Result<Self, &'static str> {
        Ok(Link {
            title: f.title.ok_or("title")?,
            url: f.url.ok_or("url")?,
            kicker: f.kicker,
        })
    }
}

fields! {
    /// Every block type's fields in one flat set, read in one pass wherever `type` stands in
    /// the object; the block is then built from the fields its type needs.
    pub(crate) struct BlockFields {
        "type" => block_type: String,
        "content" => content: Vec<Inline>,
        "level" => level: HeadingLevel,
        "text" => text: String,
        "src" => src: SafeUrl,
        "srcset" => srcset: Vec<ImageSource>,
        "width" => width: u32,
        "height" => height: u32,
        "alt" => alt: String,
        "caption" => caption: String,
        "credit" => credit: String,
        "attribution" => attribution: String,
        "cite_url" => cite_url: SafeUrl,
        "kind" => kind: QuoteKind,
        "ordered" => ordered: bool,
        "items" => items: Vec<Vec<Inline>>,
        "title" => title: String,
        "links" => links: Vec<Link>,
        "provider" => provider: String,
        "url" => url: SafeUrl,
    }
}

impl Record for Block {
    type Fields = BlockFields;
    fn build(f: BlockFields) -> Result<Self, &'static str> {
        Ok(match f.block_type.as_deref().ok_or("type")? {
            "paragraph" => Block::Paragraph {
                content: f.content.ok_or("content")?,
            },
            "heading" => Block::Heading {
                level: f.level.ok_or("level")?,
                text: f.text.ok_or("text")?,
            },
            "image" => Block::Image(Image::build(ImageFields {
                src: f.src,
                srcset: f.srcset,
                width: f.width,
                height: f.height,
                alt: f.alt,
                caption: f.caption,
                credit: f.credit,
            })?),
            "quote" => Block::Quote {
                text: f.text.ok_or("text")?,
                attribution: f.attribution,
                cite_url: f.cite_url,
                kind: f.kind.unwrap_or_default(),
            },
            "list" => Block::List {
                ordered: f.ordered.unwrap_or_default(),
                items: f.items.ok_or("items")?,
            },
            "context" => Block::Context {
                title: f.title,
                content: f.content.unwrap_or_default(),
                links: f.links.unwrap_or_default(),
            },
            "related" => Block::Related {
                title: f.title,
                links: f.links.ok_or("links")?,
            },
            "embed" => Block::Media {
                provider: f.provider.ok_or("provider")?,
                url: f.url.ok_or("url")?,
                title: f.title.ok_or("title")?,
            },
            "divider" => Block::Divider,
            _ => return Err("type"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Maybe;
    use serde_json::json;

    fn minimal(body: serde_json::Value) -> serde_json::Value {
        json!({
            "id": "a", "url": "/news/a", "headline": "H", "section": "World",
            "language": "en", "published": "2022-01-11T09:30:00Z", "body": body
        })
    }

    #[test]
    fn a_srcset_url_cannot_add_candidates_of_its_own() {
        let image: Image = serde_json::from_value::<Maybe<Image>>(json!({
            "src": "/images/a.jpg", "width": 800, "height": 450,
            "srcset": [
                {"url": "/images/a-400.jpg", "width": 400},
                {"url": "/images/b.jpg 9999w, https://tracker.example/p.gif", "width": 800},
                {"url": "/images/c.jpg,\t,", "width": 1200}
            ]
        }))
        .unwrap()
        .0
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
    fn type_is_read_wherever_it_stands_in_the_block() {
        let doc = minimal(json!([
            {"text": "type last", "level": 3, "type": "heading"},
            {"content": [{"text": "type between"}], "type": "paragraph", "extra": {"deep": [1]}}
        ]));
        let article: Article = serde_json::from_value(doc).unwrap();
        assert_eq!(
            article.body,
            [
                Block::Heading {
                    level: HeadingLevel::H3,
                    text: "type last".into()
                },
                Block::Paragraph {
                    content: vec![Inline {
                        text: "type between".into(),
                        bold: false,
                        italic: false,
                        link: None
                    }]
                }
            ]
        );
    }

    #[test]
    fn of_a_key_given_twice_the_last_value_counts() {
        // Written out: `json!` would keep only the last value itself.
        let article = Article::parse(
            r#"{"id": "a", "url": "/news/a", "headline": "first", "headline": "last",
                "section": "World", "language": "en", "published": "2022-01-11T09:30:00Z",
                "body": [{"type": "divider", "level": 2, "type": "heading", "text": "kept"},
                         {"type": "paragraph", "content": [{"text": "x"}], "content": 5}]}"#,
        )
        .unwrap();
        assert_eq!(article.headline, "last");
        assert_eq!(
            article.body,
            [Block::Heading {
                level: HeadingLevel::H2,
                text: "kept".into()
            }]
        );
    }

    #[test]
    fn a_field_of_the_wrong_type_costs_that_field_only() {
        let mut doc = minimal(json!([
            {"type": "paragraph", "content": [
                {"text": "kept", "bold": "yes", "italic": true},
                {"bold": true},
                "not a run",
                {"text": ["not", "text"]},
                {"text": "also kept", "link": {"href": "/news/b"}}
            ]},
            {"type": "quote", "text": "said", "kind": "sideways", "attribution": 7},
            {"type": "list", "ordered": "yes", "items": [[{"text": "one"}], "two", [{"text": "three"}]]},
            {"type": "image", "src": "/i.jpg", "width": 800, "height": "450"},
            {"type": "related", "links": "none"},
            {"type": 2, "level": 2, "text": "typeless"}
        ]));
        doc["standfirst"] = json!(["not", "text"]);
        doc["modified"] = json!(1641893400);
        doc["hero"] = json!("/images/hero.jpg");
        doc["tags"] = json!(["World", 3, null, "Science"]);
        doc["authors"] = json!([{"name": 5}, {"name": "Desk", "url": 5}]);
        let article: Article = serde_json::from_value(doc).unwrap();
        assert_eq!(
            (article.standfirst, article.modified, article.hero),
            (None, None, None)
        );
        assert_eq!(article.tags, ["World", "Science"]);
        assert_eq!(
            article.authors,
            [Author {
                name: "Desk".into(),
                url: None,
                avatar: None
            }]
        );
        assert_eq!(article.body.len(), 3, "{:?}", article.body);
        let Block::Paragraph { content } = &article.body[0] else {
            panic!("paragraph lost")
        };
        let runs: Vec<_> = content
            .iter()
            .map(|r| (r.text.as_str(), r.bold, r.italic))
            .collect();
        assert_eq!(runs, [("kept", false, true), ("also kept", false, false)]);
        assert_eq!(
            article.body[1],
            Block::Quote {
                text: "said".into(),
                attribution: None,
                cite_url: None,
                kind: QuoteKind::Block
            }
        );
        let Block::List { ordered, items } = &article.body[2] else {
            panic!("list lost")
        };
        assert!(!ordered);
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn a_required_field_of_the_wrong_type_fails_the_document() {
        for (field, value) in [
            ("headline", json!(["not", "text"])),
            ("published", json!("last Tuesday")),
            ("body", json!({"type": "paragraph"})),
            ("url", json!("javascript:alert(1)")),
        ] {
            let mut doc = minimal(json!([]));
            doc[field] = value;
            let error = serde_json::from_value::<Article>(doc).unwrap_err();
            assert!(error.to_string().contains(field), "{field}: {error}");
        }
        assert!(Article::parse(r#"["not", "an", "object"]"#).is_err());
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
    fn authors_in_a_document_may_have_an_avatar() {
        let mut doc = minimal(json!([]));
        doc["authors"] = json!([
            {"name": "Desk", "url": "/desk", "avatar": "/img/desk.png"},
            {"name": "Night", "avatar": "javascript:alert(1)"}
        ]);
        let article: Article = serde_json::from_value(doc).unwrap();
        let avatars: Vec<_> = article.authors.iter().map(|a| a.avatar.clone()).collect();
        assert_eq!(avatars, [SafeUrl::parse("/img/desk.png").ok(), None]);
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
