//! The app's paths, in one place (the route table of the shared DESIGN.md). Components build
//! links with these; the router in `app.rs` matches the same shapes.

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
            let value = |name| query_value(query, name).filter(|v| !v.is_empty());
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

/// The first value of `name` in a query string; a value that does not decode counts as absent.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| percent_decode(&s.replace('+', " "));
            Some((decode(key)?, decode(value)?))
        })
        .find_map(|(key, value)| (key == name).then_some(value))
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
    format!("{ARTICLE_PREFIX}{}", percent_encode(id))
}

/// All News narrowed to one section.
pub fn section(name: &str) -> String {
    format!("/?{SECTION_PARAM}={}", percent_encode(name))
}

/// All News narrowed to one tag.
pub fn tag(name: &str) -> String {
    format!("/?{TAG_PARAM}={}", percent_encode(name))
}

/// Everything but RFC 3986's unreserved characters is escaped.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    encoded
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
