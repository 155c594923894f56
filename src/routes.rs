//! The app's paths, in one place (the route table of the shared DESIGN.md). Components build
//! links with these; the router in `app.rs` matches the same shapes.

use crate::browser;

pub const ALL_NEWS: &str = "/";

/// The stories the reader saved for later: a page of its own (`saved/index.html`, pre-rendered),
/// which public/offline.js fills from the device.
pub const SAVED: &str = "/saved";

/// The query parameter that narrows All News to one section.
pub const SECTION_PARAM: &str = "section";
/// The query parameter that narrows All News to one JSON Feed tag.
pub const TAG_PARAM: &str = "tag";

/// Partner embeds live under this prefix: chrome-less pages made to sit in another site's iframe.
pub const EMBED_PREFIX: &str = "/embed/";
/// The latest stories, for a partner's iframe (`?limit=`, `?section=`, `?theme=`, `?accent=`).
pub const EMBED_FEED: &str = "/embed/feed";

/// Article cards for partners' iframes live under this prefix, one percent-encoded id after it
/// (`public/embed.js` builds these addresses).
pub const EMBED_ARTICLE_PREFIX: &str = "/embed/news/";

/// The oEmbed documents the pre-render writes, one per pre-rendered article
/// (`oembed/<id>.json`): partners' CMSs discover them from the article's page.
pub const OEMBED_PREFIX: &str = "/oembed/";

/// The oEmbed document of an article, its id percent-encoded as in [`article`].
pub fn oembed(id: &str) -> String {
    format!("{OEMBED_PREFIX}{}.json", percent_encode(id, PATH_SEGMENT))
}

/// The script partners paste beside an embed's placeholder (`public/embed.js`).
pub const EMBED_SCRIPT: &str = "/embed.js";

/// A page of the site, as its address names it. The app's router and the pre-render read
/// addresses with this one function, so both show the same page for the same address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`, optionally narrowed to one section (`/?section=World`) or one tag (`/?tag=NATO`).
    AllNews {
        section: Option<String>,
        tag: Option<String>,
    },
    /// `/news/:id`, with the id decoded.
    Article(String),
    NotFound,
}

impl Route {
    /// Reads a path and its query (`?a=b`, form-encoded as `URLSearchParams` writes it).
    pub fn from_address(path: &str, query: &str) -> Self {
        if path == ALL_NEWS {
            let value = |name| browser::query_value(query, name).filter(|v| !v.is_empty());
            return Self::AllNews {
                section: value(SECTION_PARAM),
                tag: value(TAG_PARAM),
            };
        }
        match path
            .strip_prefix(ARTICLE_PREFIX)
            .filter(|segment| !segment.is_empty() && !segment.contains('/'))
            .and_then(percent_decode)
        {
            Some(id) if !id.trim().is_empty() => Self::Article(id),
            _ => Self::NotFound,
        }
    }
}

const ARTICLE_PREFIX: &str = "/news/";

/// Which bytes of a part of an address are escaped as `%XX`: every byte but ASCII letters and
/// digits and the ones a set keeps (so every non-ASCII byte).
pub struct EscapeSet {
    /// Bit `b % 64` of word `b / 64` is set for each ASCII byte `b` kept as it is (two words
    /// rather than a `u128`, whose shifts wasm32 has to call a helper for).
    kept: [u64; 2],
}

impl EscapeSet {
    const fn keeping(also: &[u8]) -> EscapeSet {
        let mut kept = [0; 2];
        let mut byte = 0;
        while byte < 128 {
            if (byte as u8).is_ascii_alphanumeric() {
                kept[byte / 64] |= 1 << (byte % 64);
            }
            byte += 1;
        }
        let mut i = 0;
        while i < also.len() {
            let byte = also[i] as usize;
            kept[byte / 64] |= 1 << (byte % 64);
            i += 1;
        }
        EscapeSet { kept }
    }

    fn escapes(&self, byte: u8) -> bool {
        let byte = usize::from(byte);
        byte >= 128 || self.kept[byte / 64] >> (byte % 64) & 1 == 0
    }
}

/// RFC 3986's unreserved characters stay as they are; everything else is escaped, so a
/// segment can carry any text and still be one segment.
pub const PATH_SEGMENT: &EscapeSet = &EscapeSet::keeping(b"-_.~");

/// The same set as a path segment's: a section's page is its query value used as a directory
/// name (the pre-render writes `section/<value>/`, nginx maps `?section=<value>` to it), so
/// the value must be escaped as a segment is.
pub const QUERY_VALUE: &EscapeSet = PATH_SEGMENT;

/// `text` with every byte that `set` escapes written as `%XX`. The one encoder of addresses:
/// the `percent-encoding` crate would do it with a 768-byte table of every escape, about
/// 400 B gzip in each wasm binary (measured), for what this loop does.
pub fn percent_encode(text: &str, set: &EscapeSet) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if set.escapes(byte) {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0xF)]));
        } else {
            encoded.push(char::from(byte));
        }
    }
    encoded
}

/// Decodes `%XX` escapes; None if they are malformed or the result is not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

/// The path of an article. The id is percent-encoded so that any id, even a hostile one,
/// stays one path segment.
pub fn article(id: &str) -> String {
    format!("{ARTICLE_PREFIX}{}", percent_encode(id, PATH_SEGMENT))
}

/// All News narrowed to one section.
pub fn section(name: &str) -> String {
    format!("/?{SECTION_PARAM}={}", percent_encode(name, QUERY_VALUE))
}

/// All News narrowed to one tag.
pub fn tag(name: &str) -> String {
    format!("/?{TAG_PARAM}={}", percent_encode(name, QUERY_VALUE))
}

#[cfg(test)]
mod tests {
    #[test]
    fn article_ids_stay_one_segment() {
        assert_eq!(
            super::article("eight-hour-us-russia-talks"),
            "/news/eight-hour-us-russia-talks"
        );
        assert_eq!(
            super::article("../admin?x=<y>"),
            "/news/..%2Fadmin%3Fx%3D%3Cy%3E"
        );
        assert_eq!(super::article("é"), "/news/%C3%A9");
    }

    #[test]
    fn addresses_name_their_pages() {
        use super::Route;
        let all = |section: Option<&str>| Route::AllNews {
            section: section.map(str::to_owned),
            tag: None,
        };
        assert_eq!(Route::from_address("/", ""), all(None));
        assert_eq!(Route::from_address("/", "?section="), all(None));
        assert_eq!(
            Route::from_address("/", "?section=World"),
            all(Some("World"))
        );
        assert_eq!(
            Route::from_address("/", "?x=1&section=Arts+%26+Culture&section=World"),
            all(Some("Arts & Culture")),
            "the first value counts, form-decoded"
        );
        assert_eq!(
            Route::from_address("/news/..%2Fadmin%3Fx%3D%3Cy%3E", ""),
            Route::Article("../admin?x=<y>".into())
        );
        for id in ["eight-hour-us-russia-talks", "é", "a b?c"] {
            assert_eq!(
                Route::from_address(&super::article(id), ""),
                Route::Article(id.into()),
                "{id} survives the round trip"
            );
        }
        for other in [
            "/news/",
            "/news/a/b",
            "/news/%zz",
            "/news/%20",
            "/nope",
            "/embed/feed",
            "",
        ] {
            assert_eq!(Route::from_address(other, ""), Route::NotFound, "{other}");
        }
    }

    #[test]
    fn one_escape_set_for_segments_and_query_values() {
        use super::{percent_encode, PATH_SEGMENT, QUERY_VALUE};
        // encodeURIComponent would keep !*'(), which the article document's path once did.
        assert_eq!(
            percent_encode("a-_.~!*'() é/?#%+&=", PATH_SEGMENT),
            "a-_.~%21%2A%27%28%29%20%C3%A9%2F%3F%23%25%2B%26%3D"
        );
        assert_eq!(
            percent_encode("Arts & Culture", QUERY_VALUE),
            "Arts%20%26%20Culture"
        );
    }

    #[test]
    fn tags_round_trip_through_their_address() {
        use super::Route;
        for name in ["NATO", "Arts & Culture", "فنون", "a=b?c#d"] {
            let address = super::tag(name);
            let (path, query) = address.split_once('?').unwrap();
            assert_eq!(
                Route::from_address(path, query),
                Route::AllNews {
                    section: None,
                    tag: Some(name.into())
                },
                "{name}"
            );
        }
        assert_eq!(super::tag("Arts & Culture"), "/?tag=Arts%20%26%20Culture");
        assert_eq!(
            Route::from_address("/", "?tag="),
            Route::AllNews {
                section: None,
                tag: None
            }
        );
    }

    #[test]
    fn section_names_stay_one_query_value() {
        assert_eq!(super::section("World"), "/?section=World");
        assert_eq!(
            super::section("Arts & Culture"),
            "/?section=Arts%20%26%20Culture"
        );
    }
}
