//! Where keyboard focus goes when the app changes the page under the reader: a page load
//! would have started them at the top, and a removed control would drop them to nowhere.

pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use crate::browser::document;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    const PAGE_HEADING: &str = "#main h1";

    /// Focuses `element` where it is, without scrolling: the page keeps the position the app
    /// gave it (the feed's restored place on Back). Every element we focus is an HTML one.
    fn focus_in_place(element: &web_sys::Element) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element
            .unchecked_ref::<web_sys::HtmlElement>()
            .focus_with_options(&options);
    }

    /// The title follows the page's content; give it the frame it takes.
    fn announce_title(document: web_sys::Document, announce: impl FnOnce(String) + 'static) {
        leptos::prelude::request_animation_frame(move || announce(document.title()));
    }

    /// Watching for the heading: the observer, and the callback it calls, which must live as
    /// long as the observation.
    type Watch = Rc<RefCell<Option<(web_sys::MutationObserver, Closure<dyn FnMut()>)>>>;

    /// After the app has drawn a new page, puts focus on its heading, where a page load would
    /// have started the reader, and hands `announce` the new document title. A page whose
    /// heading comes with its content (an article) has the main landmark focused meanwhile,
    /// and its heading when it is added to the page, unless the reader has moved focus or
    /// moved on: `is_current` says whether this page is still the one shown.
    pub fn focus_page_heading(
        is_current: impl Fn() -> bool + 'static,
        announce: impl FnOnce(String) + 'static,
    ) {
        leptos::prelude::request_animation_frame(move || {
            let Some(document) = document().filter(|_| is_current()) else {
                return;
            };
            if let Some(heading) = document.query_selector(PAGE_HEADING).ok().flatten() {
                focus_in_place(&heading);
                return announce_title(document, announce);
            }
            let Some(main) = document.get_element_by_id("main") else {
                return;
            };
            focus_in_place(&main);
            // Each change under the main landmark is a chance the heading has come; the
            // watch ends with it, or with the next page, whose drawing is such a change.
            let announce = Cell::new(Some(announce));
            let watch: Watch = Rc::default();
            let own = watch.clone();
            let observed = main.clone();
            let callback = Closure::<dyn FnMut()>::new(move || {
                let heading = document.query_selector(PAGE_HEADING).ok().flatten();
                if is_current() && heading.is_none() {
                    return;
                }
                // The callback may not be freed while it runs: it goes at the next frame.
                let ended = own.take();
                if let Some((observer, _)) = &ended {
                    observer.disconnect();
                }
                leptos::prelude::request_animation_frame(move || drop(ended));
                let (Some(heading), Some(announce)) = (heading, announce.take()) else {
                    return;
                };
                if !is_current() {
                    return;
                }
                if document.active_element().as_ref() == Some(&main) {
                    focus_in_place(&heading);
                }
                announce_title(document.clone(), announce);
            });
            let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref())
            else {
                return;
            };
            let options = web_sys::MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            if observer.observe_with_options(&observed, &options).is_ok() {
                *watch.borrow_mut() = Some((observer, callback));
            }
        });
    }

    /// Focuses `element`, one the app has just put on the page for the reader to go on from,
    /// once the frame that shows it is drawn: focus makes the browser lay the element out
    /// there and then, so focusing within that frame would hold the stories back from the
    /// screen by as long.
    pub(in crate::browser) fn focus_after_frame(element: web_sys::Element) {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(
                move || focus_in_place(&element),
                std::time::Duration::ZERO,
            );
        });
    }

    /// Where the element that had focus has gone from the page (a notice replaced by what it
    /// was waiting for), focus falls to nowhere and a keyboard reader starts again from the
    /// top. This puts it on the page's heading instead, or its main landmark.
    pub fn recover_lost_focus() {
        leptos::prelude::request_animation_frame(|| {
            let Some(document) = document() else {
                return;
            };
            let lost = document
                .active_element()
                .is_none_or(|active| Some(active) == document.body().map(Into::into));
            if !lost {
                return;
            }
            let target = document
                .query_selector(PAGE_HEADING)
                .ok()
                .flatten()
                .or_else(|| document.get_element_by_id("main"));
            if let Some(target) = target {
                focus_in_place(&target);
            }
        });
    }

    /// Once the next frame is laid out, focuses the text field `selector` finds and selects
    /// its text, so the reader has only to copy it.
    pub fn select_field_after_layout(selector: String) {
        leptos::prelude::request_animation_frame(move || {
            let Some(field) = document().and_then(|d| d.query_selector(&selector).ok().flatten())
            else {
                return;
            };
            focus_in_place(&field);
            // `selector` names the share's own `<input>`.
            field.unchecked_ref::<web_sys::HtmlInputElement>().select();
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn focus_page_heading(_: impl Fn() -> bool + 'static, _: impl FnOnce(String) + 'static) {}

    pub fn recover_lost_focus() {}

    pub fn select_field_after_layout(_: String) {}
}
