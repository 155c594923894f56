//! The reader's display settings (theme, text size), which `public/theme.js` stores and
//! applies before the app starts; the app only reads them.

pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use crate::browser::document;
    /// A display setting the page was started with: `public/theme.js` has already applied the
    /// reader's stored choice to `<html>` as this attribute.
    pub fn root_setting(attribute: &str) -> Option<String> {
        document()?.document_element()?.get_attribute(attribute)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn root_setting(_attribute: &str) -> Option<String> {
        None
    }
}
