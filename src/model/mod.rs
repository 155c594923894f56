//! The content model: plain Rust types and serde, no browser code. Everything that comes over
//! the network becomes one of these types at the boundary, or an error the reader can read.

pub mod article;
pub mod feed;
pub mod time;
pub mod url;

pub use article::{Article, Author, Block, HeadingLevel, Image, ImageSource, Inline, Link, QuoteKind};
pub use feed::{append_new_items, group_by_day, DayGroup, Feed, FeedItem};
pub use time::{CivilDate, Timestamp};
pub use url::SafeUrl;

use serde::{Deserialize, Deserializer};

/// Deserialises a list one element at a time, dropping the elements that do not parse: an
/// unknown block type, a broken link or a feed item without an id costs that element, never
/// the document around it.
fn skip_invalid<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let values = Option::<Vec<serde_json::Value>>::deserialize(deserializer)?.unwrap_or_default();
    Ok(values.into_iter().filter_map(|v| serde_json::from_value(v).ok()).collect())
}

/// Writing direction for a BCP 47 language tag: right-to-left for the languages and scripts
/// written that way, left-to-right otherwise.
pub fn text_direction(language: &str) -> &'static str {
    const RTL_LANGUAGES: [&str; 12] =
        ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"];
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
    use super::text_direction;

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
