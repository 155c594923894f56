//! What a partner's iframe asks of an embed, read from its address. Everything here comes from
//! a page we do not control, so each value is checked and bounded; a bad one falls back to the
//! default rather than failing the embed. (`theme` and `accent` are read by `public/theme.js`,
//! which must apply them before the first paint.)
//!
//! The embed app has no router: an embed never navigates (its links open Broadsheet in a new
//! tab), and a second route tree would cost every reader's wasm its own copy of the router's
//! generic code. The address is read once, here.

use crate::{browser, routes};

/// The message an embed sends its parent when its height changes (DESIGN.md, partner embeds).
pub const RESIZE_MESSAGE_TYPE: &str = "broadsheet:resize";

pub const LIMIT_PARAM: &str = "limit";
pub const EMBED_ID_PARAM: &str = "embed_id";

pub const DEFAULT_LIMIT: usize = 5;
pub const MAX_LIMIT: usize = 20;
/// A feed embed follows `next_url` at most this often to fill its limit from one section.
pub const MAX_PAGES: usize = 5;

const MAX_EMBED_ID_LEN: usize = 64;
const MAX_SECTION_LEN: usize = 100;

/// Which embed an address names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedRoute {
    /// `/embed/feed`
    Feed,
    /// `/embed/news/:id`, with the id decoded.
    Story(String),
    NotFound,
}

impl EmbedRoute {
    pub fn from_path(path: &str) -> Self {
        let path = path.strip_suffix('/').unwrap_or(path);
        if path == routes::EMBED_FEED {
            return Self::Feed;
        }
        // One raw segment; an encoded slash inside it is part of the id.
        match path
            .strip_prefix(routes::EMBED_ARTICLE_PREFIX)
            .filter(|segment| !segment.contains('/'))
            .and_then(routes::percent_decode)
        {
            Some(id) if !id.is_empty() => Self::Story(id),
            _ => Self::NotFound,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// How many stories a feed embed shows.
    pub limit: usize,
    /// Only stories of this section, if set.
    pub section: Option<String>,
    /// The name `embed.js` gave this iframe; it goes back in every resize message so the
    /// parent can tell its embeds apart. Without one there is nobody to tell.
    pub embed_id: Option<String>,
}

impl EmbedOptions {
    /// Reads the options from a query string (`?limit=5&section=World`), form-encoded as
    /// `URLSearchParams` writes it. Of a name given twice, the first counts.
    pub fn from_query_string(query: &str) -> Self {
        Self::from_query(|name| browser::query_value(query, name))
    }

    /// Reads the options from the query's values, looked up by name.
    fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let limit = get(LIMIT_PARAM)
            .and_then(|l| l.trim().parse::<usize>().ok())
            .map_or(DEFAULT_LIMIT, |l| l.clamp(1, MAX_LIMIT));
        let section = get(routes::SECTION_PARAM)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty() && s.chars().count() <= MAX_SECTION_LEN);
        let embed_id = get(EMBED_ID_PARAM).filter(|id| {
            !id.is_empty()
                && id.len() <= MAX_EMBED_ID_LEN
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
        Self {
            limit,
            section,
            embed_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(query: &[(&'static str, &'static str)]) -> EmbedOptions {
        EmbedOptions::from_query(|name| {
            query
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn routes_are_read_from_the_path() {
        assert_eq!(EmbedRoute::from_path("/embed/feed"), EmbedRoute::Feed);
        assert_eq!(EmbedRoute::from_path("/embed/feed/"), EmbedRoute::Feed);
        assert_eq!(
            EmbedRoute::from_path("/embed/news/eight-hour-us-russia-talks"),
            EmbedRoute::Story("eight-hour-us-russia-talks".into())
        );
        assert_eq!(
            // As embed.js writes it: encodeURIComponent("a/b c?é").
            EmbedRoute::from_path("/embed/news/a%2Fb%20c%3F%C3%A9"),
            EmbedRoute::Story("a/b c?é".into()),
            "an encoded slash is part of the id"
        );
        for other in [
            "/embed/",
            "/embed/news/",
            "/embed/news/a/b",
            "/embed/news/%zz",
            "/embed/news/%ff",
            "/embed/feeds",
            "/news/x",
        ] {
            assert_eq!(
                EmbedRoute::from_path(other),
                EmbedRoute::NotFound,
                "{other}"
            );
        }
    }

    #[test]
    fn options_are_read_from_the_query_string() {
        let read = EmbedOptions::from_query_string(
            "?limit=3&section=Arts+%26+Culture&embed_id=broadsheet-1-x&limit=9",
        );
        assert_eq!(
            read,
            EmbedOptions {
                limit: 3,
                section: Some("Arts & Culture".into()),
                embed_id: Some("broadsheet-1-x".into())
            }
        );
        assert_eq!(EmbedOptions::from_query_string(""), options(&[]));
        assert_eq!(
            EmbedOptions::from_query_string("?section=%E0%A4&limit"),
            options(&[]),
            "undecodable values count as absent"
        );
    }

    #[test]
    fn defaults_when_the_partner_asks_for_nothing() {
        assert_eq!(
            options(&[]),
            EmbedOptions {
                limit: DEFAULT_LIMIT,
                section: None,
                embed_id: None
            }
        );
    }

    #[test]
    fn limit_is_bounded_and_junk_is_ignored() {
        assert_eq!(options(&[("limit", "3")]).limit, 3);
        assert_eq!(options(&[("limit", "0")]).limit, 1);
        assert_eq!(options(&[("limit", "100000")]).limit, MAX_LIMIT);
        assert_eq!(options(&[("limit", "-2")]).limit, DEFAULT_LIMIT);
        assert_eq!(options(&[("limit", "5; drop")]).limit, DEFAULT_LIMIT);
    }

    #[test]
    fn section_is_trimmed_and_bounded() {
        assert_eq!(
            options(&[("section", " World ")]).section.as_deref(),
            Some("World")
        );
        assert_eq!(options(&[("section", "  ")]).section, None);
        let long: &'static str = "x".repeat(MAX_SECTION_LEN + 1).leak();
        assert_eq!(options(&[("section", long)]).section, None);
    }

    #[test]
    fn embed_id_must_be_a_plain_token() {
        assert_eq!(
            options(&[("embed_id", "bs-embed-1_a")]).embed_id.as_deref(),
            Some("bs-embed-1_a")
        );
        for hostile in ["", "a b", "<script>", "x\"y", "é"] {
            assert_eq!(
                options(&[("embed_id", hostile)]).embed_id,
                None,
                "{hostile}"
            );
        }
        let long: &'static str = "a".repeat(MAX_EMBED_ID_LEN + 1).leak();
        assert_eq!(options(&[("embed_id", long)]).embed_id, None);
    }
}
