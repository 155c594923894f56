//! The content model: plain Rust types and serde, no browser code. Everything that comes over
//! the network becomes one of these types at the boundary, or an error the reader can read.
//!
//! Documents are decoded in one pass straight from the JSON text into these types, with no
//! `serde_json::Value` or buffered enum in between: each of those costs the wasm download a
//! deserializer of its own, and the reader a second walk over every document.

pub mod article;
pub mod feed;
pub mod html;
pub mod loaded;
pub mod time;
pub mod url;

pub use article::{
    Article, Author, Block, HeadingLevel, Image, ImageSource, Inline, Link, QuoteKind, StoryCard,
};
pub use feed::{append_new_items, group_by_day, sections, DayGroup, Feed, FeedItem};
pub use loaded::Loaded;
pub use time::{CivilDate, Timestamp};
pub use url::SafeUrl;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A type read leniently: a JSON value it cannot be read from becomes `None`, consumed whole,
/// and never an error, so a bad field or list element costs only itself. (serde_json cannot
/// carry on after an error raised inside a value, so the leniency has to come from never
/// raising one.) Each hook reads one kind of JSON value; by default it is not this type.
pub(crate) trait Lenient: Sized {
    /// Called with the text already free of control characters.
    fn from_text(_text: String) -> Option<Self> {
        None
    }
    fn from_number(_number: serde_json::Number) -> Option<Self> {
        None
    }
    fn from_bool(_value: bool) -> Option<Self> {
        None
    }
    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Option<Self>, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| None)
    }
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        IgnoredAny.visit_map(map).map(|_| None)
    }
}

/// Any well-formed JSON value: `Some` when it reads as a `T`.
pub(crate) struct Maybe<T>(pub Option<T>);

impl<'de, T: Lenient> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(LenientVisitor(PhantomData))
            .map(Maybe)
    }
}

struct LenientVisitor<T>(PhantomData<T>);

impl<'de, T: Lenient> Visitor<'de> for LenientVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        self.visit_string(text.to_owned())
    }

    /// Control characters have no business in news text, and some (NUL, escape, C1 controls)
    /// confuse or spoof what a reader sees, so every string loses them here, where the model
    /// reads it. Newlines and tabs stay.
    fn visit_string<E>(self, mut text: String) -> Result<Self::Value, E> {
        if text.chars().any(is_stray_control) {
            text.retain(|c| !is_stray_control(c));
        }
        Ok(T::from_text(text))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(T::from_number(n.into()))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(T::from_number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(n).and_then(T::from_number))
    }

    fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E> {
        Ok(T::from_bool(value))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::from_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map)
    }
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

impl Lenient for String {
    fn from_text(text: String) -> Option<Self> {
        Some(text)
    }
}

impl Lenient for u32 {
    fn from_number(number: serde_json::Number) -> Option<Self> {
        number.as_u64().and_then(|n| u32::try_from(n).ok())
    }
}

impl Lenient for bool {
    fn from_bool(value: bool) -> Option<Self> {
        Some(value)
    }
}

/// A list keeps the elements that read as a `T` and drops the rest: an unknown block type, a
/// broken link or a feed item without an id costs that element, never the document around it.
impl<T: Lenient> Lenient for Vec<T> {
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut list = Vec::new();
        while let Some(Maybe(element)) = seq.next_element::<Maybe<T>>()? {
            list.extend(element);
        }
        Ok(Some(list))
    }
}

/// A type read from a JSON object through a set of [`Fields`]: the object is read field by
/// field, then the value built from what was readable.
pub(crate) trait Record: Sized {
    type Fields: Fields;
    /// The value, or the name of the required field that is missing or unreadable.
    fn build(fields: Self::Fields) -> Result<Self, &'static str>;
}

/// An object's fields, each `None` until read; see [`fields!`].
pub(crate) trait Fields: Default {
    /// Reads the value of `key` into its field, or skips it if the key is not one of them.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error>;
}

fn read_fields<'de, F: Fields, A: MapAccess<'de>>(mut map: A) -> Result<F, A::Error> {
    let mut fields = F::default();
    while let Some(key) = map.next_key::<String>()? {
        fields.read(&key, &mut map)?;
    }
    Ok(fields)
}

/// A nested record that cannot be built (a required field missing or unreadable) is `None`.
impl<T: Record> Lenient for T {
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        Ok(T::build(read_fields(map)?).ok())
    }
}

/// Reads a whole document as a `T`: unlike a record inside one, a document that is not an
/// object or lacks a required field is an error, for the reader to be told.
fn deserialize_document<'de, T: Record, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct Document<T>(PhantomData<T>);
    impl<'de, T: Record> Visitor<'de> for Document<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::build(read_fields(map)?).map_err(|field| {
                de::Error::custom(format_args!("missing or unreadable field `{field}`"))
            })
        }
    }
    deserializer.deserialize_map(Document(PhantomData))
}

/// Declares a [`Fields`] struct: each field is the JSON key it is read from, a name, and the
/// [`Lenient`] type it is read as, and becomes an `Option` of that type. Other keys are skipped;
/// of a key given twice the last value counts, as browsers' `JSON.parse` has it.
macro_rules! fields {
    (
        $(#[$attr:meta])*
        $vis:vis struct $name:ident {
            $($(#[$field_attr:meta])* $key:literal => $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$attr])*
        #[derive(Default)]
        $vis struct $name {
            $($(#[$field_attr])* pub $field: Option<$ty>,)*
        }

        impl $crate::model::Fields for $name {
            fn read<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> Result<(), A::Error> {
                match key {
                    $($key => self.$field = map.next_value::<$crate::model::Maybe<$ty>>()?.0,)*
                    _ => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(())
            }
        }
    };
}
pub(crate) use fields;

/// Writing direction for a BCP 47 language tag: right-to-left for the languages and scripts
/// written that way, left-to-right otherwise.
pub fn text_direction(language: &str) -> &'static str {
    const RTL_LANGUAGES: [&str; 12] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi",
    ];
    const RTL_SCRIPTS: [&str; 5] = ["arab", "hebr", "syrc", "thaa", "nkoo"];
    let mut subtags = language.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
    let script = subtags.find(|s| s.len() == 4).map(str::to_ascii_lowercase);
    let rtl = match script {
        Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
        None => RTL_LANGUAGES.contains(&primary.as_str()),
    };
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_removed_from_every_string() {
        let article = Article::parse(
            r#"{"id": "a", "url": "/news/a", "headline": "x\u0000y\u001b[31mz",
                "section": "World", "language": "en", "published": "2022-01-11T09:30:00Z",
                "authors": [{"name": "Desk\u0085"}], "tags": ["t\u009bag"],
                "body": [
                    {"type": "paragraph", "content": [{"text": "line\nnext\ttab\u007f"}]},
                    {"type": "list", "items": [[{"text": "it\u0007em"}]]},
                    {"type": "heading\u0000", "level": 2, "text": "type cleaned too"},
                    {"type": "quote", "text": "not a control: \\u0000"}
                ]}"#,
        )
        .unwrap();
        assert_eq!(article.headline, "xy[31mz");
        assert_eq!(article.authors[0].name, "Desk");
        assert_eq!(article.tags, ["tag"]);
        let texts: Vec<_> = article.body.iter().filter_map(Block::text).collect();
        assert_eq!(
            texts,
            [
                "line\nnext\ttab",
                "item",
                "type cleaned too",
                "not a control: \\u0000"
            ]
        );
        let feed = Feed::parse(
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"raw\u{9b}C1\",
              \"items\": [{\"id\": \"i\\u0000d\", \"summary\": \"s\\u001fum\"}]}",
        )
        .unwrap();
        assert_eq!(feed.title, "rawC1");
        assert_eq!(feed.items[0].id, "id");
        assert_eq!(feed.items[0].summary.as_deref(), Some("sum"));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_absent_and_the_json_after_it_still_read() {
        let read = |json: &str| serde_json::from_str::<Maybe<Vec<u32>>>(json).unwrap().0;
        assert_eq!(
            read(r#"[1, -1, 2.5, "3", 4294967296, null, true, [5], {"6": 6}, 7]"#),
            Some(vec![1, 7])
        );
        assert_eq!(read(r#"{"list": [1]}"#), None);
        assert_eq!(read("\"[1]\""), None);
        assert!(
            serde_json::from_str::<Maybe<Vec<u32>>>("[1, ]").is_err(),
            "not JSON"
        );
    }

    #[test]
    fn direction_follows_language_and_script() {
        for rtl in ["ar", "AR-eg", "he", "fa-IR", "ur", "az-Arab", "pa-Arab-PK"] {
            assert_eq!(text_direction(rtl), "rtl", "{rtl}");
        }
        for ltr in ["en", "en-GB", "ru", "", "ar-Latn", "zh-Hant-TW", "arn"] {
            assert_eq!(text_direction(ltr), "ltr", "{ltr}");
        }
    }
}
