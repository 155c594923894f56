//! JSON Feed 1.0 and 1.1 (<https://www.jsonfeed.org/version/1.1/>), with Broadsheet's
//! `_broadsheet` item extension. Read as liberally as good feed readers do: an item that cannot
//! be shown is dropped on its own, and the rest of the page still shows.

use super::article::{Article, Author, Block, Image, Inline, Link, StoryCard};
use super::html::blocks_from_html;
use super::time::{CivilDate, Timestamp};
use super::url::SafeUrl;
use super::{fields, Fields, Lenient, Maybe, Record};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    pub title: String,
    /// The next page, as written in the feed: resolve it against the URL of this page.
    pub next_url: Option<SafeUrl>,
    pub items: Vec<FeedItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FeedItem {
    pub id: String,
    pub url: Option<SafeUrl>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub content_text: Option<String>,
    pub content_html: Option<String>,
    pub image: Option<SafeUrl>,
    pub published: Option<Timestamp>,
    pub modified: Option<Timestamp>,
    pub authors: Vec<Author>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    pub broadsheet: Option<Extension>,
}

fields! {
    /// Broadsheet's own item fields (`_broadsheet`); other publishers' feeds have none.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Extension {
        "section" => section: String,
        "image_alt" => image_alt: String,
        "image_caption" => image_caption: String,
        "image_credit" => image_credit: String,
        /// The article document, relative to the API base.
        "article" => article: SafeUrl,
    }
}

impl Record for Extension {
    type Fields = Self;
    fn build(fields: Self) -> Result<Self, &'static str> {
        Ok(fields)
    }
}

/// Why a document is not a feed we can show.
#[derive(Debug)]
pub enum FeedError {
    Json(serde_json::Error),
    NotJsonFeed,
}

impl std::fmt::Display for FeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Well-formed JSON of the wrong shape is not "invalid JSON": say which it is.
            FeedError::Json(e) if e.is_data() => {
                write!(f, "the feed is not shaped like a JSON Feed: {e}")
            }
            FeedError::Json(e) => write!(f, "the feed is not valid JSON: {e}"),
            FeedError::NotJsonFeed => f.write_str("the document is not a JSON Feed"),
        }
    }
}

impl std::error::Error for FeedError {}

/// The top level of a feed. A `version` or `items` of the wrong type means the document is not
/// a feed at all, so those two are read strictly, and the rest as leniently as any field.
#[derive(Default)]
struct RawFeed {
    version: String,
    items: Option<Vec<Maybe<ItemFields>>>,
    fields: FeedFields,
}

fields! {
    struct FeedFields {
        "title" => title: String,
        "next_url" => next_url: SafeUrl,
        "authors" => authors: Vec<Author>,
        /// JSON Feed 1.0's single author, still common in the wild.
        "author" => author: Author,
        "language" => language: String,
    }
}

impl<'de> Deserialize<'de> for RawFeed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FeedVisitor;
        impl<'de> Visitor<'de> for FeedVisitor {
            type Value = RawFeed;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON Feed object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFeed, A::Error> {
                let mut feed = RawFeed::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "version" => feed.version = map.next_value()?,
                        "items" => feed.items = map.next_value()?,
                        _ => feed.fields.read(&key, &mut map)?,
                    }
                }
                Ok(feed)
            }
        }
        deserializer.deserialize_map(FeedVisitor)
    }
}

/// An item's id: JSON Feed says a string, but numbers are common in the wild.
struct ItemId(String);

impl Lenient for ItemId {
    fn from_text(text: String) -> Option<Self> {
        Some(ItemId(text))
    }
    fn from_number(number: serde_json::Number) -> Option<Self> {
        Some(ItemId(number.to_string()))
    }
}

fields! {
    struct ItemFields {
        "id" => id: ItemId,
        "url" => url: SafeUrl,
        "title" => title: String,
        "summary" => summary: String,
        "content_text" => content_text: String,
        "content_html" => content_html: String,
        "image" => image: SafeUrl,
        "date_published" => date_published: Timestamp,
        "date_modified" => date_modified: Timestamp,
        "authors" => authors: Vec<Author>,
        /// JSON Feed 1.0's single author, still common in the wild.
        "author" => author: Author,
        "tags" => tags: Vec<String>,
        "language" => language: String,
        "_broadsheet" => broadsheet: Extension,
    }
}

/// Items are built once the whole feed is read, as they take the feed's authors and language.
impl Record for ItemFields {
    type Fields = Self;
    fn build(fields: Self) -> Result<Self, &'static str> {
        Ok(fields)
    }
}

impl Feed {
    pub fn parse(json: &str) -> Result<Self, FeedError> {
        let raw: RawFeed = serde_json::from_str(json).map_err(FeedError::Json)?;
        if !raw.version.starts_with("https://jsonfeed.org/version/1") {
            return Err(FeedError::NotJsonFeed);
        }
        let items = raw.items.ok_or(FeedError::NotJsonFeed)?;
        let feed = raw.fields;
        let feed_authors = merge_authors(feed.authors, feed.author);
        let items = items
            .into_iter()
            .filter_map(|Maybe(item)| item)
            .filter_map(|item| FeedItem::from_raw(item, &feed_authors, feed.language.as_deref()))
            .collect();
        Ok(Feed {
            title: feed.title.unwrap_or_default(),
            next_url: feed.next_url,
            items,
        })
    }
}

impl FeedItem {
    /// JSON Feed items without an `id` are identified by their `url`; with neither, the
    /// item cannot be linked to or de-duplicated, so it is dropped.
    /// Authors and language missing on the item are the feed's.
    fn from_raw(
        raw: ItemFields,
        feed_authors: &[Author],
        feed_language: Option<&str>,
    ) -> Option<Self> {
        let id = match raw.id {
            Some(ItemId(id)) if !id.trim().is_empty() => id,
            _ => raw.url.as_ref()?.as_str().to_owned(),
        };
        let mut authors = merge_authors(raw.authors, raw.author);
        if authors.is_empty() {
            authors = feed_authors.to_vec();
        }
        Some(FeedItem {
            id,
            url: raw.url,
            title: raw.title.filter(|t| !t.trim().is_empty()),
            summary: raw.summary,
            content_text: raw.content_text,
            content_html: raw.content_html,
            image: raw.image,
            published: raw.date_published,
            modified: raw.date_modified,
            authors,
            tags: raw.tags.unwrap_or_default(),
            language: raw.language.or_else(|| feed_language.map(str::to_owned)),
            broadsheet: raw.broadsheet,
        })
    }

    /// True when Broadsheet has an article document for the item; other publishers' items are
    /// shown from the item itself.
    pub fn has_article_document(&self) -> bool {
        self.broadsheet
            .as_ref()
            .is_some_and(|b| b.article.is_some())
    }

    /// The article view of an item that has no article document: its HTML read through the
    /// allow-list (or its plain text), its image, and a link to the original.
    pub fn to_article(&self) -> Article {
        let ext = self.broadsheet.clone().unwrap_or_default();
        let mut body = match (&self.content_html, &self.content_text) {
            (Some(html), _) if !html.trim().is_empty() => blocks_from_html(html),
            (_, Some(text)) => paragraphs_from_text(text),
            _ => Vec::new(),
        };
        if let Some(url) = self.url.clone().filter(|u| !u.is_internal()) {
            let title = crate::strings::ORIGINAL_STORY.to_owned();
            body.push(Block::Related {
                title: None,
                links: vec![Link {
                    title,
                    url,
                    kicker: None,
                }],
            });
        }
        Article {
            id: self.id.clone(),
            url: self
                .url
                .clone()
                .unwrap_or_else(|| SafeUrl::from_route(crate::routes::article(&self.id))),
            headline: self.display_title(),
            standfirst: self.summary.clone(),
            section: ext.section.unwrap_or_default(),
            language: self.language.clone().unwrap_or_default(),
            authors: self.authors.clone(),
            published: self.published,
            modified: self.modified,
            hero: self.hero(),
            body,
            tags: self.tags.clone(),
        }
    }

    /// A card for the item, which has no article document: as its article view begins.
    pub fn to_card(&self) -> StoryCard {
        StoryCard {
            id: self.id.clone(),
            headline: self.display_title(),
            standfirst: self.summary.clone(),
            section: self.section().unwrap_or_default().to_owned(),
            language: self.language.clone().unwrap_or_default(),
            published: self.published,
            hero: self.hero(),
        }
    }

    /// The item's image as a hero, described by the `_broadsheet` fields where it has them.
    fn hero(&self) -> Option<Image> {
        let ext = self.broadsheet.as_ref();
        self.image.clone().map(|src| Image {
            src,
            srcset: Vec::new(),
            width: 0,
            height: 0,
            alt: self.image_alt(),
            caption: ext.and_then(|e| e.image_caption.clone()),
            credit: ext.and_then(|e| e.image_credit.clone()),
        })
    }

    /// The item's section, for the kicker and the section filter.
    pub fn section(&self) -> Option<&str> {
        self.broadsheet.as_ref()?.section.as_deref()
    }

    /// The text alternative of the item's image (`_broadsheet.image_alt`); empty, the image
    /// is decoration, as a foreign feed's thumbnail beside its own title is.
    pub fn image_alt(&self) -> String {
        self.broadsheet
            .as_ref()
            .and_then(|b| b.image_alt.clone())
            .unwrap_or_default()
    }

    /// What to call the item in a list: its title, else the start of its text.
    pub fn display_title(&self) -> String {
        if let Some(title) = &self.title {
            return title.clone();
        }
        let from_html = || {
            let html = self.content_html.as_deref()?;
            let texts: Vec<String> = blocks_from_html(html)
                .iter()
                .filter_map(Block::text)
                .collect();
            Some(texts.join(" "))
        };
        let text = self
            .summary
            .clone()
            .or_else(|| self.content_text.clone())
            .or_else(from_html)
            .unwrap_or_default();
        let mut words = text.split_whitespace();
        let head: Vec<&str> = words.by_ref().take(12).collect();
        let ellipsis = if words.next().is_some() { "…" } else { "" };
        format!("{}{ellipsis}", head.join(" "))
    }
}

/// Plain text as paragraphs: a blank line ends one, single line breaks are only wrapping.
fn paragraphs_from_text(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|text| Block::Paragraph {
            content: vec![Inline {
                text,
                bold: false,
                italic: false,
                link: None,
            }],
        })
        .collect()
}

/// JSON Feed 1.1's `authors`, else 1.0's single `author`.
fn merge_authors(authors: Option<Vec<Author>>, legacy: Option<Author>) -> Vec<Author> {
    match authors {
        Some(authors) if !authors.is_empty() => authors,
        _ => legacy.into_iter().collect(),
    }
}

/// Adds a further page's items after the ones already shown, skipping any whose id is already
/// there (feeds repeat items across pages as new ones push old ones down). Returns how many
/// were added.
pub fn append_new_items(shown: &mut Vec<FeedItem>, page: Vec<FeedItem>) -> usize {
    let before = shown.len();
    for item in page {
        if !shown.iter().any(|s| s.id == item.id) {
            shown.push(item);
        }
    }
    shown.len() - before
}

/// The sections the items belong to, each once, in the order they first appear.
pub fn sections(items: &[FeedItem]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for section in items.iter().filter_map(FeedItem::section) {
        if !found.iter().any(|s| s == section) {
            found.push(section.to_owned());
        }
    }
    found
}

/// The items published on one day of the reader's calendar.
#[derive(Debug, PartialEq)]
pub struct DayGroup<'a> {
    /// `None` for items whose date is missing or unreadable.
    pub date: Option<CivilDate>,
    pub items: Vec<&'a FeedItem>,
}

/// Groups items by their day in a zone `offset_minutes` east of UTC, keeping the feed's order
/// (newest first); items without a date go together after the dated ones.
pub fn group_by_day(items: &[FeedItem], offset_minutes: i32) -> Vec<DayGroup<'_>> {
    let mut groups: Vec<DayGroup<'_>> = Vec::new();
    let mut undated = Vec::new();
    for item in items {
        let Some(date) = item.published.map(|t| t.civil_date(offset_minutes)) else {
            undated.push(item);
            continue;
        };
        match groups.iter_mut().find(|g| g.date == Some(date)) {
            Some(group) => group.items.push(item),
            None => groups.push(DayGroup {
                date: Some(date),
                items: vec![item],
            }),
        }
    }
    if !undated.is_empty() {
        groups.push(DayGroup {
            date: None,
            items: undated,
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn feed(items: serde_json::Value) -> String {
        json!({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": items})
            .to_string()
    }

    #[test]
    fn accepts_json_feed_1_0_and_1_1_and_refuses_other_json() {
        let v10 = json!({"version": "https://jsonfeed.org/version/1", "items": []});
        assert!(Feed::parse(&v10.to_string()).is_ok());
        assert!(matches!(
            Feed::parse(r#"{"rss": "2.0"}"#),
            Err(FeedError::NotJsonFeed)
        ));
        assert!(matches!(
            Feed::parse("{\"version\": "),
            Err(FeedError::Json(_))
        ));
        let no_items = json!({"version": "https://jsonfeed.org/version/1.1"});
        assert!(matches!(
            Feed::parse(&no_items.to_string()),
            Err(FeedError::NotJsonFeed)
        ));
    }

    #[test]
    fn the_reader_is_told_bad_json_from_json_of_the_wrong_shape() {
        let broken = Feed::parse("{\"version\": ").unwrap_err().to_string();
        assert!(broken.starts_with("the feed is not valid JSON"), "{broken}");
        for misshapen in [
            r#"{"version": 11, "items": "none"}"#,
            r#"{"version": "https://jsonfeed.org/version/1.1", "items": "none"}"#,
            r#"["version", "items"]"#,
        ] {
            let message = Feed::parse(misshapen).unwrap_err().to_string();
            assert!(
                message.starts_with("the feed is not shaped like a JSON Feed"),
                "{misshapen}: {message}"
            );
        }
    }

    #[test]
    fn items_are_identified_by_id_or_url_and_skipped_with_neither() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "title": "A"},
            {"url": "https://example.com/b", "content_text": "B"},
            {"id": 7, "content_text": "numbered"},
            {"title": "no id, no url"},
            "not an object",
            {"id": "e", "date_published": "last Tuesday", "content_text": "E"}
        ])))
        .unwrap();
        let ids: Vec<_> = parsed.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "https://example.com/b", "7", "e"]);
        assert_eq!(parsed.items[3].published, None);
    }

    #[test]
    fn a_wrong_typed_item_costs_that_item_and_a_wrong_typed_field_that_field() {
        let parsed = Feed::parse(&feed(json!([
            ["an", "array"],
            42,
            null,
            {"id": 7.5, "content_text": "fractional id"},
            {"id": {"nested": "id"}, "url": "/news/by-url"},
            {"id": "w", "title": 5, "summary": ["s"], "content_text": "kept",
             "authors": "Desk", "tags": ["a", 1, {"b": 2}, "c"], "language": false,
             "date_published": 20220111, "image": {"src": "/i.jpg"},
             "_broadsheet": {"section": ["World"], "article": 3, "image_alt": "alt"}},
            {"id": "x", "_broadsheet": "World"},
            true
        ])))
        .unwrap();
        let ids: Vec<_> = parsed.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["7.5", "/news/by-url", "w", "x"]);
        let item = &parsed.items[2];
        assert_eq!((&item.title, &item.summary), (&None, &None));
        assert_eq!(item.content_text.as_deref(), Some("kept"));
        assert_eq!(item.tags, ["a", "c"]);
        assert!(item.authors.is_empty());
        assert_eq!((item.language.as_ref(), item.published), (None, None));
        assert_eq!(item.image, None);
        assert_eq!(item.section(), None);
        assert!(!item.has_article_document());
        assert_eq!(item.image_alt(), "alt");
        assert_eq!(parsed.items[3].broadsheet, None);
    }

    #[test]
    fn feed_level_fields_of_the_wrong_type_cost_only_themselves() {
        let doc = json!({
            "version": "https://jsonfeed.org/version/1.1", "title": 5, "next_url": ["p2"],
            "authors": [{"name": "Feed Author"}], "language": {"code": "en"},
            "items": [{"id": "a"}]
        });
        let parsed = Feed::parse(&doc.to_string()).unwrap();
        assert_eq!((parsed.title.as_str(), parsed.next_url), ("", None));
        assert_eq!(parsed.items[0].authors[0].name, "Feed Author");
        assert_eq!(parsed.items[0].language, None);
    }

    #[test]
    fn feed_level_and_legacy_authors_fill_in_for_items() {
        let doc = json!({
            "version": "https://jsonfeed.org/version/1",
            "author": {"name": "Feed Author"},
            "items": [{"id": "a", "content_text": "x"},
                      {"id": "b", "content_text": "y", "author": {"name": "Item Author"}}]
        });
        let parsed = Feed::parse(&doc.to_string()).unwrap();
        assert_eq!(parsed.items[0].authors[0].name, "Feed Author");
        assert_eq!(parsed.items[1].authors[0].name, "Item Author");
    }

    #[test]
    fn untitled_items_are_named_by_their_first_words() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "content_text": "one two three four five six seven eight nine ten eleven twelve thirteen"},
            {"id": "b", "title": "  ", "summary": "Short summary"}
        ])))
        .unwrap();
        assert_eq!(
            parsed.items[0].display_title(),
            "one two three four five six seven eight nine ten eleven twelve…"
        );
        assert_eq!(parsed.items[1].display_title(), "Short summary");
    }

    #[test]
    fn groups_by_the_readers_day_not_utcs() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "late", "date_published": "2022-01-11T23:30:00Z"},
            {"id": "evening", "date_published": "2022-01-11T18:00:00Z"},
            {"id": "morning", "date_published": "2022-01-11T01:00:00Z"},
            {"id": "undated"},
            {"id": "before", "date_published": "2022-01-10T12:00:00Z"}
        ])))
        .unwrap();
        let shape = |groups: Vec<DayGroup<'_>>| -> Vec<(Option<u32>, Vec<String>)> {
            groups
                .into_iter()
                .map(|g| {
                    (
                        g.date.map(|d| d.day),
                        g.items.iter().map(|i| i.id.clone()).collect(),
                    )
                })
                .collect()
        };
        assert_eq!(
            shape(group_by_day(&parsed.items, 0)),
            [
                (
                    Some(11),
                    vec!["late".into(), "evening".into(), "morning".into()]
                ),
                (Some(10), vec!["before".into()]),
                (None, vec!["undated".into()]),
            ]
        );
        // Two hours east of UTC, the late item already falls on the 12th.
        assert_eq!(
            shape(group_by_day(&parsed.items, 120)),
            [
                (Some(12), vec!["late".into()]),
                (Some(11), vec!["evening".into(), "morning".into()]),
                (Some(10), vec!["before".into()]),
                (None, vec!["undated".into()]),
            ]
        );
        // Five hours west, the 01:00 UTC item belongs to the evening of the 10th.
        assert_eq!(
            shape(group_by_day(&parsed.items, -300))[1].1,
            ["morning", "before"]
        );
    }

    #[test]
    fn later_pages_add_only_items_not_yet_shown() {
        let page = |ids: &[&str]| {
            let items: Vec<_> = ids
                .iter()
                .map(|id| json!({"id": id, "content_text": id}))
                .collect();
            Feed::parse(&feed(json!(items))).unwrap().items
        };
        let mut shown = page(&["a", "b", "c"]);
        assert_eq!(append_new_items(&mut shown, page(&["c", "d", "a", "e"])), 2);
        let ids: Vec<_> = shown.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
        assert_eq!(append_new_items(&mut shown, page(&["a", "e"])), 0);
    }

    #[test]
    fn sections_come_from_the_data_in_order_of_appearance() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "_broadsheet": {"section": "World"}},
            {"id": "b"},
            {"id": "c", "_broadsheet": {"section": "Science"}},
            {"id": "d", "_broadsheet": {"section": "World"}}
        ])))
        .unwrap();
        assert_eq!(sections(&parsed.items), ["World", "Science"]);
    }

    #[test]
    fn a_foreign_item_becomes_an_article_of_its_own() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "h", "url": "https://other.example/h", "title": "From HTML",
             "content_html": "<p>Safe <b>words</b></p><script>alert(1)</script><ul><li>one</li></ul>",
             "image": "https://other.example/h.jpg", "date_published": "2022-01-10T10:00:00Z"},
            {"id": "t", "content_text": "First paragraph\nwrapped.\n\nSecond paragraph."}
        ])))
        .unwrap();
        let html_article = parsed.items[0].to_article();
        assert_eq!(html_article.headline, "From HTML");
        assert!(
            matches!(&html_article.body[0], Block::Paragraph { content } if content.len() == 2)
        );
        assert!(matches!(&html_article.body[1], Block::List { items, .. } if items.len() == 1));
        let Block::Related { links, .. } = &html_article.body[2] else {
            panic!("no link to the original")
        };
        assert_eq!(links[0].url.as_str(), "https://other.example/h");
        let hero = html_article.hero.unwrap();
        assert_eq!((hero.width, hero.height), (0, 0), "size unknown");
        assert!(format!("{:?}", html_article.body).find("alert").is_none());

        let text_article = parsed.items[1].to_article();
        assert_eq!(text_article.url.as_str(), "/news/t");
        assert_eq!(text_article.published, None);
        let texts: Vec<_> = text_article
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph { content } => content[0].text.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(texts, ["First paragraph wrapped.", "Second paragraph."]);
    }

    #[test]
    fn hostile_urls_in_items_are_dropped() {
        let parsed = Feed::parse(&feed(json!([{
            "id": "x", "url": "javascript:alert(1)", "image": "data:image/svg+xml,<svg/onload=alert(1)>",
            "_broadsheet": {"article": "javascript:alert(1)", "section": "World"}
        }])))
        .unwrap();
        let item = &parsed.items[0];
        assert_eq!((item.url.as_ref(), item.image.as_ref()), (None, None));
        assert_eq!(item.broadsheet.as_ref().unwrap().article, None);
        assert_eq!(item.section(), Some("World"));
    }
}
