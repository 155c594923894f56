//! Sharing a link: the system share sheet, else the clipboard.

pub use imp::*;

/// What became of a request to share a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The system share sheet took it (or the reader closed it).
    Shared,
    /// There is no share sheet; the link is on the clipboard instead.
    Copied,
    /// Neither worked (or the browser has neither): the reader has to copy the link by hand.
    Failed,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    /// Shares a link with the system share sheet where the browser has one, else copies it.
    pub async fn share(title: String, url: String) -> ShareOutcome {
        let Some(window) = web_sys::window() else {
            return ShareOutcome::Failed;
        };
        let url = crate::browser::absolute_link(&url);
        let navigator = window.navigator();
        // Whether the browser has these at all is a question web-sys cannot answer: it would
        // call them, and a missing one throws out of the wasm.
        let has_share =
            js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
        if has_share {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            match JsFuture::from(navigator.share_with_data(&data)).await {
                Ok(_) => return ShareOutcome::Shared,
                // The reader closed the sheet: that is their answer, not a failure.
                Err(e)
                    if js_sys::Reflect::get(&e, &JsValue::from_str("name"))
                        .ok()
                        .and_then(|n| n.as_string())
                        .as_deref()
                        == Some("AbortError") =>
                {
                    return ShareOutcome::Shared
                }
                Err(_) => {}
            }
        }
        // Plain-http origins and older browsers have no `navigator.clipboard`.
        let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
            .is_ok_and(|c| !c.is_undefined() && !c.is_null());
        if !has_clipboard {
            return ShareOutcome::Failed;
        }
        match JsFuture::from(navigator.clipboard().write_text(&url)).await {
            Ok(_) => ShareOutcome::Copied,
            Err(_) => ShareOutcome::Failed,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub async fn share(_: String, _: String) -> ShareOutcome {
        ShareOutcome::Failed
    }
}
