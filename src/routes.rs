//! The app's paths, in one place (the route table of the shared DESIGN.md). Components build
//! links with these; the router in `app.rs` matches the same shapes.

pub const ALL_NEWS: &str = "/";

/// The query parameter that narrows All News to one section.
pub const SECTION_PARAM: &str = "section";

/// Partner embeds live under this prefix: chrome-less pages made to sit in another site's iframe.
pub const EMBED_PREFIX: &str = "/embed/";
/// The latest stories, for a partner's iframe (`?limit=`, `?section=`, `?theme=`, `?accent=`).
pub const EMBED_FEED: &str = "/embed/feed";

/// Article cards for partners' iframes live under this prefix, one percent-encoded id after it
/// (`public/embed.js` builds these addresses).
pub const EMBED_ARTICLE_PREFIX: &str = "/embed/news/";

/// Whether a path belongs to the embed app rather than the full site.
pub fn is_embed(path: &str) -> bool {
    path.starts_with(EMBED_PREFIX)
}

/// The path of an article. The id is percent-encoded so that any id, even a hostile one,
/// stays one path segment.
pub fn article(id: &str) -> String {
    format!("/news/{}", percent_encode(id))
}

/// All News narrowed to one section.
pub fn section(name: &str) -> String {
    format!("/?{SECTION_PARAM}={}", percent_encode(name))
}

/// Everything but RFC 3986's unreserved characters is escaped.
fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
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
    fn embed_paths_are_told_apart_from_the_site() {
        assert!(super::is_embed(super::EMBED_FEED));
        assert!(super::is_embed(super::EMBED_ARTICLE_PREFIX));
        assert!(!super::is_embed("/news/embed"));
        assert!(!super::is_embed("/embedded"));
        assert!(!super::is_embed(super::ALL_NEWS));
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
