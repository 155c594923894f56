//! The partner embed's half of the resize protocol (DESIGN.md, partner embeds): the embed
//! measures itself and tells the page that frames it; `public/embed.js` is the other half.

use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Tells the page that frames this embed how tall the element at `selector` is, now and
/// whenever it changes size, so the partner's iframe fits its content with no inner
/// scrollbar. The message goes to the parent alone (to its origin, where the browser
/// reveals it) and carries nothing but the height and the embed's id. Nothing the parent
/// sends back is listened to.
pub fn report_height_to_parent(selector: &str, embed_id: String) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let Some(element) = window
        .document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return;
    };
    // An opaque parent origin ("null") cannot be named as a target; the height is no
    // secret. web-sys has no `ancestorOrigins` (Chromium and Safari have it, Firefox not),
    // so it is read as a property, which is absent where the browser lacks it.
    let target = js_sys::Reflect::get(&window.location(), &JsValue::from_str("ancestorOrigins"))
        .ok()
        .and_then(|origins| origins.dyn_into::<web_sys::DomStringList>().ok())
        .and_then(|origins| origins.item(0))
        .filter(|origin| origin != "null")
        .unwrap_or_else(|| "*".to_owned());
    let observed = element.clone();
    let last_sent = Cell::new(-1.0);
    let send = move || {
        let height = element.get_bounding_client_rect().height().ceil();
        if height == last_sent.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        for (key, value) in [
            ("type", JsValue::from_str(crate::embed::RESIZE_MESSAGE_TYPE)),
            ("id", JsValue::from_str(&embed_id)),
            ("height", JsValue::from_f64(height)),
        ] {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
        }
        let _ = parent.post_message(&message, &target);
    };
    let callback = Closure::<dyn Fn()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        // The observation keeps the observer alive; the callback must live as long.
        observer.observe(&observed);
        callback.forget();
    }
}
