//! The page's address: where the page is, links resolved against it, and its query read the
//! way the browser reads it.

pub use imp::*;

/// The first value of `name` in a query string (`?a=b&c=d`, form-encoded as `URLSearchParams`
/// writes it). A value with an escape that is not UTF-8 counts as absent: the reading puts
/// U+FFFD for it, which no name, section or id of ours contains.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    // A string pattern, not a char: the app has its searcher already.
    imp::first_query_value(query, name).filter(|value| !value.contains("\u{FFFD}"))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsValue;

    /// The path of the address the page is at now.
    pub fn current_path() -> String {
        part_of_address(web_sys::Location::pathname)
    }

    /// The query of the address the page is at now, with its leading `?`.
    pub fn current_query() -> String {
        part_of_address(web_sys::Location::search)
    }

    /// The origin the page was loaded from (`https://host`), against which the app makes its
    /// addresses absolute for link previews.
    pub fn page_origin() -> String {
        part_of_address(web_sys::Location::origin)
    }

    /// The whole address of the page.
    pub fn page_href() -> String {
        part_of_address(web_sys::Location::href)
    }

    /// One part of the page's address; empty if the page has none (no window).
    fn part_of_address(part: fn(&web_sys::Location) -> Result<String, JsValue>) -> String {
        web_sys::window()
            .and_then(|w| part(&w.location()).ok())
            .unwrap_or_default()
    }

    /// Resolves `url` the way a browser resolves a link found in the document at `base`.
    pub fn resolve(url: &str, base: &str) -> Option<String> {
        web_sys::Url::new_with_base(url, base)
            .ok()
            .map(|u| u.href())
    }

    /// `url` as the address bar would show it, resolved against the page.
    pub fn absolute_link(url: &str) -> String {
        resolve(url, &page_href()).unwrap_or_else(|| url.to_owned())
    }

    pub(super) fn first_query_value(query: &str, name: &str) -> Option<String> {
        web_sys::UrlSearchParams::new_with_str(query)
            .ok()?
            .get(name)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// Rendered ahead of time, a page has no address of its own: its links stay as written.
    pub fn absolute_link(url: &str) -> String {
        url.to_owned()
    }

    /// The WHATWG reading `URLSearchParams` does: a leading `?` dropped, `+` a space, escapes
    /// decoded, what is not UTF-8 replaced.
    pub(super) fn first_query_value(query: &str, name: &str) -> Option<String> {
        let query = query.strip_prefix('?').unwrap_or(query);
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::query_value;

    /// The same table as `tests/browser.rs` reads with the browser's `URLSearchParams`: the
    /// native half must read a query as the browser does.
    #[test]
    fn queries_are_read_as_the_browser_reads_them() {
        let query = "?limit=3&section=Arts+%26+Culture&section=World&bad=%E0%A4&raw=%zz&empty=";
        assert_eq!(query_value(query, "limit").as_deref(), Some("3"));
        assert_eq!(
            query_value(query, "section").as_deref(),
            Some("Arts & Culture")
        );
        assert_eq!(query_value(query, "bad"), None, "not UTF-8: absent");
        assert_eq!(query_value(query, "raw").as_deref(), Some("%zz"));
        assert_eq!(query_value(query, "empty").as_deref(), Some(""));
        assert_eq!(query_value(query, "missing"), None);
        assert_eq!(query_value("limit=4", "limit").as_deref(), Some("4"));
    }
}
