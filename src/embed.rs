//! What a partner's iframe asks of an embed, read from its address. Everything here comes from
//! a page we do not control, so each value is checked and bounded; a bad one falls back to the
//! default rather than failing the embed. (`theme` and `accent` are read by `public/theme.js`,
//! which must apply them before the first paint.)

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
    /// Reads the options from the query's values, looked up by name.
    pub fn from_query<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let limit = get(LIMIT_PARAM)
            .and_then(|l| l.trim().parse::<usize>().ok())
            .map_or(DEFAULT_LIMIT, |l| l.clamp(1, MAX_LIMIT));
        let section = get(crate::routes::SECTION_PARAM)
            .map(str::trim)
            .filter(|s| !s.is_empty() && s.chars().count() <= MAX_SECTION_LEN)
            .map(str::to_owned);
        let embed_id = get(EMBED_ID_PARAM)
            .filter(|id| {
                !id.is_empty()
                    && id.len() <= MAX_EMBED_ID_LEN
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
            .map(str::to_owned);
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
        EmbedOptions::from_query(|name| query.iter().find(|(k, _)| *k == name).map(|(_, v)| *v))
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
