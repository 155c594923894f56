//! The app taking over a page the pre-render drew (ADR 5): reading the document it carries,
//! and putting live views where the page's stand-ins are, without drawing the rest again.

// The pre-render writes what these name; only the apps read it.
#[cfg(target_arch = "wasm32")]
pub use imp::*;

/// A page pre-rendered at build time (`src/bin/prerender/`) carries the document it shows
/// (the article, or the feed's first page) in a `<script type="application/json">` with this
/// id, so the app adopts the page without asking for it again; the app shell has none.
pub const PAGE_DATA_ID: &str = "page-data";
/// Set on `<html>` once the app runs: the style sheet shows the controls that need it.
pub const APP_STARTED_ATTRIBUTE: &str = "data-app";

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::browser::{document, format_date_time, format_time};
    use crate::model::Timestamp;
    use leptos::prelude::IntoView;
    use wasm_bindgen::JsCast;

    /// The document the pre-render put in the page, if this page was pre-rendered.
    pub fn page_data() -> Option<String> {
        document()?.get_element_by_id(PAGE_DATA_ID)?.text_content()
    }

    pub fn mark_app_started() {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute(APP_STARTED_ATTRIBUTE, "");
        }
    }

    fn main_element() -> Option<web_sys::HtmlElement> {
        document()?.get_element_by_id("main")?.dyn_into().ok()
    }

    /// Whether the page has its main landmark yet: the app shell has none until the app
    /// draws the site's frame.
    pub fn has_main_landmark() -> bool {
        main_element().is_some()
    }

    /// What the pre-render drew in the main landmark: the app leaves it where it stands until
    /// the reader leaves the page.
    pub struct Drawn(Vec<web_sys::Node>);

    impl Drawn {
        pub fn remove(&mut self) {
            for node in std::mem::take(&mut self.0) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }

    /// Mounts the app in the main landmark, for the life of the page. With `adopt`, what the
    /// landmark shows stays and `app` is handed it; without, the landmark is emptied first.
    pub fn mount_in_main<V: IntoView + 'static>(
        adopt: bool,
        app: impl FnOnce(Drawn) -> V + 'static,
    ) {
        let Some(main) = main_element() else {
            return;
        };
        let drawn = if adopt {
            let children = main.child_nodes();
            (0..children.length())
                .filter_map(|i| children.item(i))
                .collect()
        } else {
            main.set_text_content(None);
            Vec::new()
        };
        leptos::mount::mount_to(main, move || app(Drawn(drawn))).forget();
    }

    /// Shows every `<time datetime>` of the page in the reader's locale and zone: the
    /// pre-render wrote them in UTC, which is true for everyone but nobody's own clock.
    pub fn relabel_times_in_main() {
        let Some(times) =
            document().and_then(|d| d.query_selector_all("#main time[datetime]").ok())
        else {
            return;
        };
        for i in 0..times.length() {
            let Some(time) = times
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let Some(at) = time
                .get_attribute("datetime")
                .and_then(|d| Timestamp::parse(&d))
            else {
                continue;
            };
            let label = if time.has_attribute(crate::components::TIME_ONLY_ATTRIBUTE) {
                format_time(at)
            } else {
                format_date_time(at)
            };
            time.set_text_content(Some(&label));
        }
    }

    /// Calls `f` once, at the reader's first action on the page: a key, a pointer, a scroll,
    /// or coming back to the tab.
    pub fn on_first_action(f: impl FnOnce() + 'static) {
        use std::cell::Cell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;
        let Some(window) = web_sys::window() else {
            return;
        };
        let once = Rc::new(Cell::new(Some(f)));
        let callback = Closure::<dyn Fn()>::new(move || {
            if let Some(f) = once.take() {
                f();
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(true);
        for event in [
            "pointerdown",
            "keydown",
            "wheel",
            "touchstart",
            "scroll",
            "visibilitychange",
        ] {
            let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                event,
                callback.as_ref().unchecked_ref(),
                &options,
            );
        }
        // Listens for the life of the page; after the first action it does nothing.
        callback.forget();
    }

    /// Builds a live view and puts it into `parent`, before `before` or at the end. The view
    /// belongs to the reactive owner this runs under and works as long as that owner lives:
    /// for a page the app adopted, until the reader leaves it.
    fn place_view(
        parent: &web_sys::Element,
        before: Option<&web_sys::Node>,
        view: impl IntoView + 'static,
    ) {
        use leptos::prelude::StoredValue;
        use leptos::tachys::view::{Mountable, Render};
        let mut state = view.into_view().build();
        state.mount(parent, before);
        let _ = StoredValue::new_local(state);
    }

    /// Puts a live view in place of the first element `selector` finds (a pre-rendered
    /// page's stand-in for a control that needs the app).
    pub fn replace_with_view(selector: &str, view: impl IntoView + 'static) {
        let Some(stand_in) = document().and_then(|d| d.query_selector(selector).ok().flatten())
        else {
            return;
        };
        let Some(parent) = stand_in.parent_element() else {
            return;
        };
        place_view(&parent, Some(&stand_in), view);
        stand_in.remove();
    }

    /// Puts a live view in the element `selector` finds, in place of what it holds.
    pub fn replace_children_with_view(selector: &str, view: impl IntoView + 'static) {
        if let Some(parent) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
            parent.set_text_content(None);
            place_view(&parent, None, view);
        }
    }

    /// Puts a live view at the top of the main landmark, above the page.
    pub fn prepend_to_main(view: impl IntoView + 'static) {
        if let Some(main) = document().and_then(|d| d.get_element_by_id("main")) {
            place_view(&main, main.first_child().as_ref(), view);
        }
    }

    /// Adds day sections (`section.day`, labelled by their heading's id) drawn apart from the
    /// page to the list with id `list_id`: the stories of a day the list has already join it,
    /// at its top or its end; a new day is added whole. Nothing on the page is drawn again.
    /// With `focus_first`, the first added story's headline link takes focus once it is shown.
    pub fn merge_days_into(
        list_id: &str,
        at_top: bool,
        focus_first: bool,
        days: impl IntoView + 'static,
    ) {
        let Some(document) = document() else {
            return;
        };
        let (Some(list), Ok(scratch)) = (
            document.get_element_by_id(list_id),
            document.create_element("div"),
        ) else {
            return;
        };
        place_view(&scratch, None, days);
        // Looked for among the new stories alone: the page may hold thousands.
        let first_link = focus_first
            .then(|| scratch.query_selector(".feed-item__title a").ok().flatten())
            .flatten();
        let Ok(new_days) = scratch.query_selector_all(":scope > section.day") else {
            return;
        };
        let new_days: Vec<web_sys::Element> = (0..new_days.length())
            .filter_map(|i| new_days.item(i)?.dyn_into().ok())
            .collect();
        // Newer days go above the list's first, in their order; older ones at its end.
        let top = list.first_element_child();
        for day in new_days {
            // A day shown already is found by its heading's id, in one step: a selector would
            // walk every story on the page, thousands of them once the reader has loaded many.
            let label = day.get_attribute("aria-labelledby").unwrap_or_default();
            let shown = document
                .get_element_by_id(&label)
                .and_then(|heading| heading.parent_element())
                .filter(|shown| shown.parent_element().as_ref() == Some(&list));
            match shown {
                Some(shown) => {
                    let stories = day.query_selector_all(":scope > .feed-item").ok();
                    let first_story = shown.query_selector(":scope > .feed-item").ok().flatten();
                    for i in 0..stories.as_ref().map_or(0, web_sys::NodeList::length) {
                        let Some(story) = stories.as_ref().and_then(|s| s.item(i)) else {
                            continue;
                        };
                        let _ = match (&first_story, at_top) {
                            (Some(first), true) => shown.insert_before(&story, Some(first)),
                            _ => shown.append_child(&story),
                        };
                    }
                }
                None => {
                    let _ = match (&top, at_top) {
                        (Some(top), true) => list.insert_before(&day, Some(top)),
                        _ => list.append_child(&day),
                    };
                }
            }
        }
        // Only an empty list has the notice that says so.
        if top.is_none() {
            if let Some(empty) = document.query_selector(".feed__empty").ok().flatten() {
                empty.remove();
            }
        }
        if let Some(link) = first_link {
            crate::browser::focus::focus_after_frame(link);
        }
    }
}
