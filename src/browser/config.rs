//! Settings a deployment makes in its page rather than at build time.

use crate::browser::document;

/// Where the JSON API lives: `<meta name="broadsheet:api" content="...">` in the page, so a
/// deployment can point Broadsheet at another backend without recompiling.
pub const API_META_NAME: &str = "broadsheet:api";
pub const DEFAULT_API_BASE: &str = "/api/";

pub fn api_base() -> String {
    let selector = format!("meta[name=\"{API_META_NAME}\"]");
    document()
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|el| el.get_attribute("content"))
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_API_BASE.to_owned())
}
