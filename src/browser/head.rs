//! What the document says about the page in its `<head>`: the title, and the tags for link
//! previews and search engines (`crate::seo` decides them).

pub use imp::*;

/// Marks the head tags that belong to one page (description, canonical, Open Graph, JSON-LD):
/// the pre-render writes them with this mark, and the app replaces every marked tag when it
/// shows another page.
pub const PAGE_HEAD_MARK: &str = "data-page-head";

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::PAGE_HEAD_MARK;
    use crate::browser::document;
    use crate::seo::{MetaKey, PageHead};

    /// The document title of a page: its own title, then the site's name.
    pub fn set_page_title(page: &str) {
        if let Some(document) = document() {
            document.set_title(&crate::seo::document_title(page));
        }
    }

    /// Puts a page's head tags in place of the last page's (or the pre-render's). The JSON-LD a
    /// pre-rendered page carries is for crawlers, which read the page as served: a page the app
    /// shows has none, rather than another page's.
    pub fn set_page_head(head: &PageHead) {
        let Some(document) = document() else {
            return;
        };
        set_page_title(&head.title);
        if let Ok(stale) = document.query_selector_all(&format!("head [{PAGE_HEAD_MARK}]")) {
            for i in 0..stale.length() {
                if let Some(tag) = stale.item(i) {
                    wasm_bindgen::JsCast::unchecked_ref::<web_sys::Element>(&tag).remove();
                }
            }
        }
        let Some(head_element) = document.head() else {
            return;
        };
        let add = |name: &str, attributes: &[(&str, &str)]| {
            if let Ok(tag) = document.create_element(name) {
                for (key, value) in attributes {
                    let _ = tag.set_attribute(key, value);
                }
                let _ = tag.set_attribute(PAGE_HEAD_MARK, "");
                let _ = head_element.append_child(&tag);
            }
        };
        for tag in &head.meta {
            let (attribute, key) = match tag.key {
                MetaKey::Name(key) => ("name", key),
                MetaKey::Property(key) => ("property", key),
            };
            add("meta", &[(attribute, key), ("content", &tag.content)]);
        }
        add("link", &[("rel", "canonical"), ("href", &head.canonical)]);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// The pre-render writes the whole head itself.
    pub fn set_page_title(_: &str) {}
}
