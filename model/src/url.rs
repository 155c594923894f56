//! URLs are checked once, where they enter the program: a [`SafeUrl`] can only hold an http,
//! https or mailto URL, or a relative one. Everything downstream may put it in an `href` or
//! `src` without thinking again.

use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SafeUrl(String);

/// Why a string was refused as a URL; shown to developers, never to readers.
#[derive(Debug, PartialEq, Eq)]
pub enum UrlError {
    Empty,
    Scheme(String),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => f.write_str("empty URL"),
            UrlError::Scheme(s) => write!(f, "URL scheme `{s}` is not allowed"),
        }
    }
}

impl std::error::Error for UrlError {}

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

impl SafeUrl {
    /// Normalises the string the way a browser's URL parser would before it looks for a scheme
    /// (leading and trailing controls and spaces trimmed, tabs and newlines removed anywhere),
    /// so that `" java\tscript:..."` is seen for what the browser would make of it.
    pub fn parse(raw: &str) -> Result<Self, UrlError> {
        let cleaned: String = raw
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if cleaned.is_empty() {
            return Err(UrlError::Empty);
        }
        if let Some(scheme) = scheme_of(&cleaned) {
            if !ALLOWED_SCHEMES
                .iter()
                .any(|s| s.eq_ignore_ascii_case(scheme))
            {
                return Err(UrlError::Scheme(scheme.to_ascii_lowercase()));
            }
        }
        Ok(SafeUrl(cleaned))
    }

    /// A path built by `crate::routes`, which only ever makes relative paths of escaped text.
    pub(crate) fn from_route(path: String) -> Self {
        debug_assert!(
            SafeUrl::parse(&path).is_ok_and(|u| u.is_internal()),
            "{path}"
        );
        SafeUrl(path)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host (and port) of an absolute web URL, for telling the reader where a link goes;
    /// `None` for a relative or mail link.
    pub fn host(&self) -> Option<&str> {
        let (scheme, rest) = self.0.split_once("://")?;
        if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
            return None;
        }
        let authority = rest.split(['/', '?', '#', '\\']).next()?;
        let host = authority.rsplit('@').next()?;
        (!host.is_empty()).then_some(host)
    }

    /// True for links that stay on this site (relative, not protocol-relative), which the
    /// router may follow without a page load.
    pub fn is_internal(&self) -> bool {
        scheme_of(&self.0).is_none() && !self.0.starts_with("//") && !self.0.starts_with("/\\")
    }
}

/// The scheme, if the string has one: letters, digits, `+`, `-`, `.` before the first `:`,
/// starting with a letter, and no `/`, `?` or `#` before that colon (which would make it a path).
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(candidate)
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A refused URL is `None`: an optional URL field is then dropped instead of failing the
/// document around it, so a hostile link costs only itself.
impl super::Lenient for SafeUrl {
    fn from_text(text: String) -> Option<Self> {
        SafeUrl::parse(&text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Maybe;

    #[test]
    fn allows_web_mail_and_relative_urls() {
        for ok in [
            "https://example.com/a?b#c",
            "HTTP://EXAMPLE.COM",
            "mailto:desk@example.com",
            "/news/abc",
            "articles/x.json",
            "../up",
            "#section",
            "?page=2",
            "/path:with-colon",
            "//cdn.example.com/x.jpg",
        ] {
            assert!(SafeUrl::parse(ok).is_ok(), "{ok} should be allowed");
        }
    }

    #[test]
    fn refuses_script_data_and_other_schemes_however_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{0001}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://example.com/x",
        ] {
            assert!(SafeUrl::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(SafeUrl::parse("   "), Err(UrlError::Empty));
    }

    #[test]
    fn the_host_is_what_a_browser_would_connect_to() {
        for (url, host) in [
            ("https://tides.example.org/r?x#y", Some("tides.example.org")),
            ("HTTP://a.example:8080", Some("a.example:8080")),
            (
                "https://user@evil.example@good.example/",
                Some("good.example"),
            ),
            ("https://good.example\\@evil.example/", Some("good.example")),
            ("/news/a", None),
            ("mailto:desk@example.com", None),
            ("https:///path", None),
        ] {
            assert_eq!(SafeUrl::parse(url).unwrap().host(), host, "{url}");
        }
    }

    #[test]
    fn internal_means_same_site_relative() {
        assert!(SafeUrl::parse("/news/x").unwrap().is_internal());
        assert!(!SafeUrl::parse("//evil.example/x").unwrap().is_internal());
        assert!(!SafeUrl::parse("https://example.com").unwrap().is_internal());
    }

    #[test]
    fn refused_urls_and_other_values_read_as_absent_not_as_errors() {
        let read = |json: &str| serde_json::from_str::<Maybe<SafeUrl>>(json).unwrap().0;
        assert_eq!(read(r#""javascript:alert(1)""#), None);
        assert_eq!(read("42"), None);
        assert_eq!(read(r#"{"href": "/news/a"}"#), None);
        assert_eq!(read(r#""/news/a""#).unwrap().as_str(), "/news/a");
    }
}
