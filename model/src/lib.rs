//! The content model: plain Rust types and serde, no browser code. Everything that comes over
//! the network becomes one of these types at the boundary, or an error the reader can read.
//!
//! Documents are decoded in one pass straight from the JSON text into these types, with no
//! `serde_json::Value` or buffered enum in between: each of those costs the wasm download a
//! deserializer of its own, and the reader a second walk over every document.

pub mod article;
pub mod feed;
pub mod html;
mod lenient;
pub mod loaded;
pub mod time;
pub mod url;

pub use article::{
    Article, Attachment, Author, Block, HeadingLevel, Image, ImageSource, Inline, Link, QuoteKind,
    StoryCard,
};
pub use feed::{append_new_items, group_by_day, sections, DayGroup, Feed, FeedItem, Publication};
pub use loaded::Loaded;
pub use time::{CivilDate, Timestamp};
pub use url::SafeUrl;

#[cfg(test)]
pub(crate) use lenient::Maybe;
pub(crate) use lenient::{
    deserialize_document, is_stray_control, Elements, Entries, Fields, Lenient, Record,
};

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

        impl $crate::Fields for $name {
            fn read(&mut self, key: &str, entries: &mut dyn $crate::Entries) {
                match key {
                    $($key => self.$field = entries.value::<$ty>(),)*
                    _ => entries.skip_value(),
                }
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
