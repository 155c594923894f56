//! JSON Feed 1.0 and 1.1 (<https://www.jsonfeed.org/version/1.1/>), with Broadsheet's
//! `_broadsheet` item extension. Read as liberally as good feed readers do: an item that cannot
//! be shown is dropped on its own, and the rest of the page still shows.

use super::article::{
    Article, Attachment, Author, Block, Image, ImageSource, Inline, Link, StoryCard,
};
use super::html::{blocks_from_html, decode_entities};
use super::time::{CivilDate, Timestamp};
use super::url::SafeUrl;
use super::{deserialize_document, fields, Elements, Entries, Fields, Lenient, Record};

#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    pub title: String,
    /// The next page, as written in the feed: resolve it against the URL of this page.
    pub next_url: Option<SafeUrl>,
    pub items: Vec<FeedItem>,
    /// The publisher has ended the feed (JSON Feed `expired`): nothing new will come.
    pub expired: bool,
    /// Who publishes the feed, when it is not Broadsheet: see [`Feed::parse`].
    pub publication: Option<Publication>,
}

/// Another publisher's name, icon and home page, for the masthead.
#[derive(Clone, Debug, PartialEq)]
pub struct Publication {
    pub title: String,
    pub home_page_url: Option<SafeUrl>,
    pub icon: Option<SafeUrl>,
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
    /// A wide picture for the top of the article view (JSON Feed 1.1 `banner_image`).
    pub banner_image: Option<SafeUrl>,
    /// The page a link post points to, as against `url`, the post itself.
    pub external_url: Option<SafeUrl>,
    pub attachments: Vec<Attachment>,
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
        /// Other widths of `image`, as an article image's `srcset`: a card's thumbnail takes a
        /// small one instead of the full picture.
        "image_srcset" => image_srcset: Vec<ImageSource>,
        /// The article document, relative to the API base.
        "article" => article: SafeUrl,
    }
}

/// Why a document is not a feed we can show. Well-formed JSON of the wrong shape is not
/// "invalid JSON": the reader is told which it is.
#[derive(Debug)]
pub enum FeedError {
    Json(serde_json::Error),
    /// Not an object, or without a JSON Feed `version` or an `items` list.
    NotJsonFeed,
}

impl std::fmt::Display for FeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeedError::Json(e) => write!(f, "the feed is not valid JSON: {e}"),
            FeedError::NotJsonFeed => f.write_str("the document is not a JSON Feed"),
        }
    }
}

impl std::error::Error for FeedError {}

/// The top level of a feed. A `version` or `items` of the wrong type means the document is not
/// a feed at all; the rest is read as leniently as any field.
#[derive(Default)]
struct RawFeed {
    version: Option<String>,
    items: Option<Vec<ItemFields>>,
    fields: FeedFields,
}

fields! {
    struct FeedFields {
        "title" => title: String,
        "next_url" => next_url: SafeUrl,
        "home_page_url" => home_page_url: SafeUrl,
        "icon" => icon: SafeUrl,
        "favicon" => favicon: SafeUrl,
        "expired" => expired: bool,
        "authors" => authors: Authors,
        /// JSON Feed 1.0's single author, still common in the wild.
        "author" => author: Authors,
        "language" => language: String,
    }
}

impl Fields for RawFeed {
    fn read(&mut self, key: &str, entries: &mut dyn Entries) {
        match key {
            "version" => self.version = entries.value(),
            "items" => self.items = entries.value(),
            _ => self.fields.read(key, entries),
        }
    }
}

/// Text that generators sometimes write as a number: an item's id, or a title or tag that
/// front matter read as one (a post titled `2021` in YAML).
struct Text(String);

impl Lenient for Text {
    fn from_text(text: String) -> Option<Self> {
        Some(Text(text))
    }
    fn from_number(number: serde_json::Number) -> Option<Self> {
        whole_number(&number).map(Text)
    }
}

/// A whole number as text: front matter writes years and ids as numbers, never fractions, and
/// reading a fraction would cost every reader's download a float formatter for nothing.
fn whole_number(number: &serde_json::Number) -> Option<String> {
    let signed = number.as_i64().map(|n| n.to_string());
    signed.or_else(|| number.as_u64().map(|n| n.to_string()))
}

/// Text a generator may have escaped as HTML (`Add Task &amp; Sub Tasks`, `&#8217;`): its
/// character references decoded, to plain text. Nothing here is read as markup: an escaped
/// `&lt;b&gt;` becomes the characters `<b>`, shown as they are.
pub(crate) struct PlainText(String);

impl PlainText {
    /// The text, unless it is only white space: templates write `""` for a missing title.
    fn nonblank(self) -> Option<String> {
        Some(self.0).filter(|t| !t.trim().is_empty())
    }
}

impl Lenient for PlainText {
    fn from_text(text: String) -> Option<Self> {
        Some(PlainText(decode_entities(&text)))
    }
    fn from_number(number: serde_json::Number) -> Option<Self> {
        whole_number(&number).map(PlainText)
    }
}

/// `tags` as JSON Feed has it, a list of strings; or one string of comma-separated tags, as
/// some templates write it (`"workflow,omnifocus"`). Escaped like titles; empty ones, which
/// templates write for a post without tags (`[""]`), are none.
struct Tags(Vec<String>);

impl Tags {
    fn from_texts(texts: impl Iterator<Item = String>) -> Self {
        let tags = texts.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        Tags(tags.collect())
    }
}

impl Lenient for Tags {
    fn from_text(text: String) -> Option<Self> {
        Some(Tags::from_texts(text.split(',').map(decode_entities)))
    }
    fn from_elements(elements: &mut dyn Elements) -> Option<Self> {
        let tags = Vec::<PlainText>::from_elements(elements).unwrap_or_default();
        Some(Tags::from_texts(tags.into_iter().map(|PlainText(t)| t)))
    }
}

/// Authors as generators write them: JSON Feed 1.1's list, 1.0's single object, or a bare
/// name. Names are decoded as titles are, since the same templates escape them.
struct Authors(Vec<Author>);

impl Authors {
    fn named(name: String) -> Option<Author> {
        let name = decode_entities(&name);
        (!name.trim().is_empty()).then_some(Author {
            name,
            url: None,
            avatar: None,
        })
    }

    fn decoded(author: Author) -> Option<Author> {
        let Author { name, url, avatar } = author;
        Authors::named(name).map(|named| Author {
            url,
            avatar,
            ..named
        })
    }
}

impl Lenient for Authors {
    fn from_text(text: String) -> Option<Self> {
        Some(Authors(Authors::named(text).into_iter().collect()))
    }
    /// Each element is read as an author list of its own, so a list may mix objects and names.
    fn from_elements(elements: &mut dyn Elements) -> Option<Self> {
        let lists = Vec::<Authors>::from_elements(elements).unwrap_or_default();
        Some(Authors(
            lists.into_iter().flat_map(|Authors(a)| a).collect(),
        ))
    }
    fn from_entries(entries: &mut dyn Entries) -> Option<Self> {
        let author = Author::from_entries(entries).and_then(Authors::decoded);
        Some(Authors(author.into_iter().collect()))
    }
}

fields! {
    struct ItemFields {
        "id" => id: Text,
        "url" => url: SafeUrl,
        "title" => title: PlainText,
        "summary" => summary: PlainText,
        "content_text" => content_text: String,
        "content_html" => content_html: String,
        "image" => image: SafeUrl,
        "banner_image" => banner_image: SafeUrl,
        "external_url" => external_url: SafeUrl,
        "attachments" => attachments: Vec<Attachment>,
        "date_published" => date_published: Timestamp,
        "date_modified" => date_modified: Timestamp,
        "authors" => authors: Authors,
        /// JSON Feed 1.0's single author, still common in the wild.
        "author" => author: Authors,
        "tags" => tags: Tags,
        "language" => language: String,
        "_broadsheet" => broadsheet: Extension,
    }
}

fields! {
    pub(crate) struct AttachmentFields {
        "url" => url: SafeUrl,
        "mime_type" => mime_type: String,
        "title" => title: PlainText,
        "size_in_bytes" => size_in_bytes: u32,
        "duration_in_seconds" => duration_in_seconds: u32,
    }
}

/// An attachment needs its URL and its type, which says how it can be shown; the rest is
/// what the reader is told about it.
impl Record for Attachment {
    type Fields = AttachmentFields;
    fn build(f: AttachmentFields) -> Result<Self, &'static str> {
        Ok(Attachment {
            url: f.url.ok_or("url")?,
            mime_type: f.mime_type.ok_or("mime_type")?.trim().to_ascii_lowercase(),
            title: f.title.and_then(PlainText::nonblank),
            size_in_bytes: f.size_in_bytes,
            duration_in_seconds: f.duration_in_seconds,
        })
    }
}

impl Feed {
    pub fn parse(json: &str) -> Result<Self, FeedError> {
        let mut reader = serde_json::Deserializer::from_str(json);
        let raw: RawFeed = deserialize_document(&mut reader).map_err(|e| match e.is_data() {
            true => FeedError::NotJsonFeed,
            false => FeedError::Json(e),
        })?;
        reader.end().map_err(FeedError::Json)?;
        if !raw.version.as_deref().is_some_and(is_json_feed_1) {
            return Err(FeedError::NotJsonFeed);
        }
        let items = raw.items.ok_or(FeedError::NotJsonFeed)?;
        let feed = raw.fields;
        let feed_authors = merge_authors(feed.authors, feed.author);
        let items: Vec<FeedItem> = items
            .into_iter()
            .filter_map(|item| FeedItem::from_raw(item, &feed_authors, feed.language.as_deref()))
            .collect();
        let title = feed.title.unwrap_or_default();
        // Broadsheet's own feed marks its items with `_broadsheet`; a feed none of whose items
        // does is another publisher's, whose name the masthead then shows. The items decide,
        // not the page's origin: the pre-render has no page, and the API may live anywhere.
        let foreign = !items.is_empty() && items.iter().all(|i| i.broadsheet.is_none());
        let name = PlainText(decode_entities(&title)).nonblank();
        let publication = name.filter(|_| foreign).map(|title| Publication {
            title,
            home_page_url: feed.home_page_url,
            icon: feed.icon.or(feed.favicon),
        });
        Ok(Feed {
            title,
            next_url: feed.next_url,
            items,
            expired: feed.expired.unwrap_or(false),
            publication,
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
            Some(Text(id)) if !id.trim().is_empty() => id,
            _ => raw.url.as_ref()?.as_str().to_owned(),
        };
        let mut authors = merge_authors(raw.authors, raw.author);
        if authors.is_empty() {
            authors = feed_authors.to_vec();
        }
        Some(FeedItem {
            id,
            url: raw.url,
            title: raw.title.and_then(PlainText::nonblank),
            summary: raw.summary.and_then(PlainText::nonblank),
            content_text: raw.content_text,
            content_html: raw.content_html,
            image: raw.image,
            banner_image: raw.banner_image,
            external_url: raw.external_url,
            attachments: raw.attachments.unwrap_or_default(),
            published: raw.date_published,
            modified: raw.date_modified,
            authors,
            tags: raw.tags.map(|Tags(t)| t).unwrap_or_default(),
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
    /// allow-list (or its plain text), its image, and a link to the original, titled
    /// `original_story`. An item without a URL of its own gets the site's address for it, the
    /// path `story_path` makes of its id.
    pub fn to_article(&self, original_story: &str, story_path: fn(&str) -> String) -> Article {
        let ext = self.broadsheet.clone().unwrap_or_default();
        let mut body = match (&self.content_html, &self.content_text) {
            (Some(html), _) if !html.trim().is_empty() => blocks_from_html(html),
            (_, Some(text)) => paragraphs_from_text(text),
            _ => Vec::new(),
        };
        if let Some(url) = self.url.clone().filter(|u| !u.is_internal()) {
            let title = original_story.to_owned();
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
                .unwrap_or_else(|| SafeUrl::from_route(story_path(&self.id))),
            headline: self.display_title(),
            standfirst: self.summary.clone(),
            section: ext.section.unwrap_or_default(),
            language: self.language.clone().unwrap_or_default(),
            authors: self.authors.clone(),
            published: self.published,
            modified: self.modified,
            hero: self.article_hero(),
            body,
            tags: self.tags.clone(),
            attachments: self.attachments.clone(),
            external_url: self.external_url.clone(),
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

    /// The item's image as a hero, described by the `_broadsheet` fields where it has them; a
    /// card's thumbnail too, which takes the size that fits from its `srcset`.
    pub fn hero(&self) -> Option<Image> {
        let ext = self.broadsheet.as_ref();
        self.image.clone().map(|src| Image {
            src,
            srcset: ext.and_then(|e| e.image_srcset.clone()).unwrap_or_default(),
            width: 0,
            height: 0,
            alt: self.image_alt(),
            caption: ext.and_then(|e| e.image_caption.clone()),
            credit: ext.and_then(|e| e.image_credit.clone()),
        })
    }

    /// The top of the article view: the item's `banner_image`, made for just that place, unless
    /// its `image` is described by Broadsheet's own fields; else the `image`. A banner has no
    /// text alternative in JSON Feed, so it is shown as decoration.
    fn article_hero(&self) -> Option<Image> {
        let described = self
            .broadsheet
            .as_ref()
            .is_some_and(|b| b.image_alt.is_some());
        match self.banner_image.clone().filter(|_| !described) {
            Some(src) => Some(Image {
                src,
                srcset: Vec::new(),
                width: 0,
                height: 0,
                alt: String::new(),
                caption: None,
                credit: None,
            }),
            None => self.hero(),
        }
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
fn merge_authors(authors: Option<Authors>, legacy: Option<Authors>) -> Vec<Author> {
    match authors {
        Some(Authors(authors)) if !authors.is_empty() => authors,
        _ => legacy.map(|Authors(a)| a).unwrap_or_default(),
    }
}

/// `version` names JSON Feed 1 or 1.x. Real feeds write its URL over http as often as over
/// https, since the 1.0 spec's own examples did.
fn is_json_feed_1(version: &str) -> bool {
    let version = version.trim();
    let Some(number) = ["https://", "http://"]
        .iter()
        .find_map(|scheme| version.strip_prefix(scheme))
        .and_then(|rest| rest.strip_prefix("jsonfeed.org/version/"))
    else {
        return false;
    };
    let number = number.strip_suffix('/').unwrap_or(number);
    number == "1"
        || number
            .strip_prefix("1.")
            .is_some_and(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()))
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
    fn version_1_and_1_x_are_accepted_over_http_and_https() {
        let with_version =
            |version: &str| json!({"version": version, "items": [{"id": "a"}]}).to_string();
        for version in [
            "https://jsonfeed.org/version/1",
            "http://jsonfeed.org/version/1",
            "https://jsonfeed.org/version/1.1",
            "http://jsonfeed.org/version/1.1",
            " http://jsonfeed.org/version/1.1/",
        ] {
            let parsed = Feed::parse(&with_version(version));
            assert_eq!(parsed.map(|f| f.items.len()).ok(), Some(1), "{version}");
        }
        for version in [
            "https://jsonfeed.org/version/2",
            "https://jsonfeed.org/version/10",
            "https://jsonfeed.org/version/1.x",
            "ftp://jsonfeed.org/version/1",
            "https://example.com/jsonfeed.org/version/1",
            "jsonfeed.org/version/1",
            "",
        ] {
            assert!(
                matches!(
                    Feed::parse(&with_version(version)),
                    Err(FeedError::NotJsonFeed)
                ),
                "{version}"
            );
        }
    }

    #[test]
    fn titles_summaries_and_names_escaped_by_a_generator_are_decoded_to_plain_text() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "title": "Add Task &amp; Sub Tasks", "summary": "It&#8217;s &hellip;",
             "authors": [{"name": "Ada O&#x27;Neill"}]},
            {"id": "b", "title": "&lt;script&gt;alert(1)&lt;/script&gt;"},
            {"id": "c", "title": "Plain & simple < 3 >", "summary": "&amp;amp; once"},
            {"id": "d", "title": "&#32;&nbsp;", "summary": "  "}
        ])))
        .unwrap();
        let a = &parsed.items[0];
        assert_eq!(a.title.as_deref(), Some("Add Task & Sub Tasks"));
        assert_eq!(a.summary.as_deref(), Some("It’s …"));
        assert_eq!(a.authors[0].name, "Ada O'Neill");
        assert_eq!(
            parsed.items[1].to_card().headline,
            "<script>alert(1)</script>",
            "text, for the view to escape, never markup"
        );
        let c = &parsed.items[2];
        assert_eq!(c.title.as_deref(), Some("Plain & simple < 3 >"));
        assert_eq!(c.summary.as_deref(), Some("&amp; once"), "decoded once");
        let d = &parsed.items[3];
        assert_eq!((d.title.as_deref(), d.summary.as_deref()), (None, None));
    }

    #[test]
    fn tags_as_one_string_numbers_as_text_and_authors_as_names_are_read() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "title": 2021, "tags": "workflow, omnifocus,,", "author": "Jo Planner"},
            {"id": "b", "tags": [2022, "", " go ", ["nested"]],
             "authors": {"name": "One Object"}},
            {"id": "c", "tags": "", "authors": ["Bare Name", {"url": "/no-name"}, {"name": ""}]}
        ])))
        .unwrap();
        let [a, b, c] = &parsed.items[..] else {
            panic!("{:?}", parsed.items)
        };
        assert_eq!(a.title.as_deref(), Some("2021"));
        assert_eq!(a.tags, ["workflow", "omnifocus"]);
        assert_eq!(a.authors[0].name, "Jo Planner");
        assert_eq!(b.tags, ["2022", "go"]);
        assert_eq!(b.authors[0].name, "One Object");
        assert!(c.tags.is_empty());
        let names: Vec<_> = c.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Bare Name"]);
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
            assert_eq!(message, "the document is not a JSON Feed", "{misshapen}");
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
            {"id": 7.5, "url": "/news/fractional", "content_text": "a fraction is no id"},
            {"id": {"nested": "id"}, "url": "/news/by-url"},
            {"id": "w", "title": true, "summary": ["s"], "content_text": "kept",
             "authors": 5, "tags": ["a", 1, {"b": 2}, "c"], "language": false,
             "date_published": 20220111, "image": {"src": "/i.jpg"},
             "_broadsheet": {"section": ["World"], "article": 3, "image_alt": "alt"}},
            {"id": "x", "_broadsheet": "World"},
            true
        ])))
        .unwrap();
        let ids: Vec<_> = parsed.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["/news/fractional", "/news/by-url", "w", "x"]);
        let item = &parsed.items[2];
        assert_eq!((&item.title, &item.summary), (&None, &None));
        assert_eq!(item.content_text.as_deref(), Some("kept"));
        assert_eq!(item.tags, ["a", "1", "c"]);
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
        let html_article =
            parsed.items[0].to_article("Read the original", |id| format!("/news/{id}"));
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

        let text_article =
            parsed.items[1].to_article("Read the original", |id| format!("/news/{id}"));
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
    fn attachments_are_read_leniently_and_each_bad_one_costs_only_itself() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "attachments": [
                {"url": "https://cdn.example/ep.mp3", "mime_type": " Audio/MPEG ",
                 "title": "Episode &amp; notes", "size_in_bytes": 24000000,
                 "duration_in_seconds": 1800},
                {"url": "https://cdn.example/ep.ogg", "mime_type": "audio/ogg",
                 "size_in_bytes": 5000000000_u64, "duration_in_seconds": "60"},
                {"url": "javascript:alert(1)", "mime_type": "audio/mpeg"},
                {"url": "https://cdn.example/no-type.mp3"},
                {"mime_type": "audio/mpeg"},
                "https://cdn.example/bare.mp3"
            ]},
            {"id": "b", "attachments": {"url": "https://cdn.example/x.mp3", "mime_type": "audio/mpeg"}}
        ])))
        .unwrap();
        let a = &parsed.items[0].attachments;
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].mime_type, "audio/mpeg");
        assert_eq!(a[0].title.as_deref(), Some("Episode & notes"));
        assert_eq!(
            (a[0].size_in_bytes, a[0].duration_in_seconds),
            (Some(24_000_000), Some(1800))
        );
        assert_eq!(a[1].url.as_str(), "https://cdn.example/ep.ogg");
        assert_eq!((a[1].size_in_bytes, a[1].duration_in_seconds), (None, None));
        assert!(parsed.items[1].attachments.is_empty());
        let article = parsed.items[0].to_article("Read the original", |id| format!("/news/{id}"));
        assert_eq!(&article.attachments, a);
    }

    #[test]
    fn a_banner_image_is_the_article_hero_unless_broadsheet_describes_the_image() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "image": "https://p.example/square.jpg",
             "banner_image": "https://p.example/banner.jpg"},
            {"id": "b", "image": "https://p.example/square.jpg", "banner_image": 7},
            {"id": "c", "banner_image": "https://p.example/banner.jpg"},
            {"id": "d", "image": "/ours.jpg", "banner_image": "https://p.example/banner.jpg",
             "_broadsheet": {"image_alt": "Our described picture"}}
        ])))
        .unwrap();
        let hero = |i: usize| {
            let article = parsed.items[i].to_article("Read the original", |id| format!("/{id}"));
            article.hero.map(|h| (h.src.to_string(), h.alt))
        };
        let banner = Some(("https://p.example/banner.jpg".to_owned(), String::new()));
        assert_eq!(hero(0), banner);
        assert_eq!(hero(1).unwrap().0, "https://p.example/square.jpg");
        assert_eq!(hero(2), banner);
        assert_eq!(
            hero(3),
            Some(("/ours.jpg".to_owned(), "Our described picture".to_owned()))
        );
        assert_eq!(
            parsed.items[0].to_card().hero.unwrap().src.as_str(),
            "https://p.example/square.jpg",
            "a card keeps the item's image"
        );
    }

    #[test]
    fn authors_keep_their_avatars_and_lose_hostile_ones() {
        let doc = json!({
            "version": "https://jsonfeed.org/version/1",
            "author": {"name": "Feed Author", "avatar": "https://p.example/feed.png"},
            "items": [
                {"id": "a"},
                {"id": "b", "authors": [
                    {"name": "Ada", "url": "https://p.example/ada", "avatar": "https://p.example/ada.jpg"},
                    {"name": "Bo", "avatar": "javascript:alert(1)"},
                    {"name": "Cy", "avatar": {"src": "x.png"}}
                ]}
            ]
        });
        let parsed = Feed::parse(&doc.to_string()).unwrap();
        let avatar = |a: &Author| a.avatar.as_ref().map(SafeUrl::to_string);
        assert_eq!(
            avatar(&parsed.items[0].authors[0]).as_deref(),
            Some("https://p.example/feed.png")
        );
        let b: Vec<_> = parsed.items[1].authors.iter().map(avatar).collect();
        assert_eq!(
            b,
            [Some("https://p.example/ada.jpg".to_owned()), None, None]
        );
        assert_eq!(
            parsed.items[1].authors.len(),
            3,
            "a bad avatar costs only itself"
        );
    }

    #[test]
    fn a_link_post_keeps_where_it_points() {
        let parsed = Feed::parse(&feed(json!([
            {"id": "a", "url": "https://links.example/a", "external_url": "https://x.example/r"},
            {"id": "b", "external_url": "javascript:alert(1)"}
        ])))
        .unwrap();
        let article = |i: usize| parsed.items[i].to_article("Read the original", |id| id.into());
        assert_eq!(
            article(0).external_url.unwrap().as_str(),
            "https://x.example/r"
        );
        assert_eq!(article(1).external_url, None);
    }

    #[test]
    fn expired_and_the_publication_are_read_from_the_feed() {
        let doc = |extra: serde_json::Value, item: serde_json::Value| {
            let mut doc = json!({
                "version": "https://jsonfeed.org/version/1.1", "title": "Regatta &amp; Live",
                "home_page_url": "https://regatta.example/", "favicon": "https://regatta.example/f.png",
                "items": [item]
            });
            doc.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            Feed::parse(&doc.to_string()).unwrap()
        };
        let foreign = doc(json!({"expired": true}), json!({"id": "a"}));
        assert!(foreign.expired);
        assert_eq!(
            foreign.publication,
            Some(Publication {
                title: "Regatta & Live".into(),
                home_page_url: SafeUrl::parse("https://regatta.example/").ok(),
                icon: SafeUrl::parse("https://regatta.example/f.png").ok(),
            })
        );
        let with_icon = doc(
            json!({"icon": "https://regatta.example/i.png"}),
            json!({"id": "a"}),
        );
        assert!(!with_icon.expired);
        assert_eq!(
            with_icon.publication.unwrap().icon.unwrap().as_str(),
            "https://regatta.example/i.png"
        );
        let ours = doc(
            json!({}),
            json!({"id": "a", "_broadsheet": {"section": "World"}}),
        );
        assert_eq!(ours.publication, None, "our own feed keeps our masthead");
        let odd = doc(
            json!({"expired": "yes", "title": "  ", "home_page_url": "javascript:x"}),
            json!({"id": "a"}),
        );
        assert!(!odd.expired);
        assert_eq!(odd.publication, None, "no name, no identity to show");
    }

    #[test]
    fn our_items_image_variants_become_the_cards_srcset_and_bad_ones_cost_only_themselves() {
        let parsed = Feed::parse(&feed(json!([{
            "id": "x", "image": "/images/a-640.jpg",
            "_broadsheet": {"image_alt": "A", "image_srcset": [
                {"url": "/images/a-160.jpg", "width": 160},
                {"url": "javascript:alert(1)", "width": 320},
                {"url": "/images/a-320.jpg"},
                {"url": "/images/a-640.jpg", "width": 640}
            ]}
        }, {
            "id": "y", "image": "/images/b.jpg", "_broadsheet": {"image_srcset": "b-160.jpg"}
        }])))
        .unwrap();
        let hero = parsed.items[0].hero().unwrap();
        assert_eq!(
            hero.srcset_attribute().as_deref(),
            Some("/images/a-160.jpg 160w, /images/a-640.jpg 640w")
        );
        assert_eq!(hero.alt, "A");
        let plain = parsed.items[1].hero().unwrap();
        assert_eq!(
            (plain.src.as_str(), plain.srcset_attribute()),
            ("/images/b.jpg", None)
        );
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
