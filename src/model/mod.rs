//! The content model: plain Rust types and serde, no browser code. Everything that comes over
//! the network becomes one of these types at the boundary, or an error the reader can read.

pub mod article;
pub mod feed;
pub mod html;
pub mod time;
pub mod url;

pub use article::{
    Article, Author, Block, HeadingLevel, Image, ImageSource, Inline, Link, QuoteKind,
};
pub use feed::{append_new_items, group_by_day, sections, DayGroup, Feed, FeedItem};
pub use time::{CivilDate, Timestamp};
pub use url::SafeUrl;

use serde::{Deserialize, Deserializer};

/// Parses a document after removing control characters from every string in it: they have no
/// business in news text, and some (NUL, escape, C1 controls) confuse or spoof what a reader
/// sees. Newlines and tabs stay.
fn parse_clean<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, serde_json::Error> {
    let mut value: serde_json::Value = serde_json::from_str(json)?;
    strip_controls(&mut value);
    serde_json::from_value(value)
}

fn strip_controls(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) if s.chars().any(is_stray_control) => s.retain(|c| !is_stray_control(c)),
        Value::Array(items) => items.iter_mut().for_each(strip_controls),
        Value::Object(fields) => fields.values_mut().for_each(strip_controls),
        _ => {}
    }
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Deserialises a list one element at a time, dropping the elements that do not parse: an
/// unknown block type, a broken link or a feed item without an id costs that element, never
/// the document around it.
fn skip_invalid<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let values = Option::<Vec<serde_json::Value>>::deserialize(deserializer)?.unwrap_or_default();
    Ok(values
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect())
}

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
    use super::text_direction;

    #[test]
    fn control_characters_are_removed_from_every_string() {
        let doc: serde_json::Value = super::parse_clean(
            r#"{"a": ["x\u0000y\u001b[31mz"], "b": {"c": "line\nnext\ttab\u0085"}}"#,
        )
        .unwrap();
        assert_eq!(doc["a"][0], "xy[31mz");
        assert_eq!(doc["b"]["c"], "line\nnext\ttab");
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
