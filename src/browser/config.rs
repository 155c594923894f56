//! Settings a deployment makes in its page rather than at build time. The names are shared
//! with the pre-render, which writes them into the pages it makes.

/// Where the JSON API lives: `<meta name="broadsheet:api" content="...">` in the page, so a
/// deployment can point Broadsheet at another backend without recompiling.
pub const API_META_NAME: &str = "broadsheet:api";
pub const DEFAULT_API_BASE: &str = "/api/";
/// The feed's first page, relative to the API base (DESIGN.md: `GET {api}/feed.json`): what the
/// app reads first, and the feed every pre-rendered page links for feed readers.
pub const FEED_DOCUMENT: &str = "feed.json";

#[cfg(target_arch = "wasm32")]
pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::browser::document;

    pub fn api_base() -> String {
        let selector = format!("meta[name=\"{API_META_NAME}\"]");
        document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|el| el.get_attribute("content"))
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_API_BASE.to_owned())
    }
}
