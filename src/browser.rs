//! The thin layer of calls that need a browser. Each has a native counterpart with the same
//! signature, so components render to HTML in `cargo test` and at build time.

use crate::model::{CivilDate, Timestamp};
use crate::seo::PageHead;

/// Where the JSON API lives: `<meta name="broadsheet:api" content="...">` in the page, so a
/// deployment can point Broadsheet at another backend without recompiling.
pub const API_META_NAME: &str = "broadsheet:api";
pub const DEFAULT_API_BASE: &str = "/api/";
/// The feed's first page, relative to the API base (DESIGN.md: `GET {api}/feed.json`): what the
/// app reads first, and the feed every pre-rendered page links for feed readers.
pub const FEED_DOCUMENT: &str = "feed.json";

/// A page pre-rendered at build time (`src/bin/prerender.rs`) carries the document it shows
/// (the article, or the feed's first page) in a `<script type="application/json">` with this
/// id, so the app adopts the page without asking for it again; the app shell has none.
pub const PAGE_DATA_ID: &str = "page-data";
/// Set on `<html>` once the app runs: the style sheet shows the controls that need it.
pub const APP_STARTED_ATTRIBUTE: &str = "data-app";
/// Marks the head tags that belong to one page (description, canonical, Open Graph, JSON-LD):
/// the pre-render writes them with this mark, and the app replaces every marked tag when it
/// shows another page.
pub const PAGE_HEAD_MARK: &str = "data-page-head";

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

    pub fn api_base() -> String {
        let selector = format!("meta[name=\"{API_META_NAME}\"]");
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|el| el.get_attribute("content"))
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_API_BASE.to_owned())
    }

    pub fn now() -> Timestamp {
        Timestamp::from_unix_millis(js_sys::Date::now() as i64)
    }

    /// The three ways we show a moment. Each `Intl.DateTimeFormat` is made once and kept:
    /// making one costs more than formatting with it, and a feed formats hundreds of times.
    #[derive(Clone, Copy)]
    enum Style {
        DateTime,
        Time,
        Day,
    }

    impl Style {
        fn options(self) -> &'static [(&'static str, &'static str)] {
            match self {
                Style::DateTime => &[("dateStyle", "long"), ("timeStyle", "short")],
                Style::Time => &[("timeStyle", "short")],
                // Noon UTC of the day, formatted in UTC, names the same calendar day everywhere.
                Style::Day => &[
                    ("weekday", "long"),
                    ("day", "numeric"),
                    ("month", "long"),
                    ("year", "numeric"),
                    ("timeZone", "UTC"),
                ],
            }
        }
    }

    thread_local! {
        static FORMATTERS: std::cell::RefCell<[Option<js_sys::Intl::DateTimeFormat>; 3]> =
            const { std::cell::RefCell::new([None, None, None]) };
    }

    fn format(millis: f64, style: Style) -> String {
        let formatter = FORMATTERS.with(|cache| {
            cache.borrow_mut()[style as usize]
                .get_or_insert_with(|| {
                    let opts = js_sys::Object::new();
                    for (k, v) in style.options() {
                        let _ = js_sys::Reflect::set(
                            &opts,
                            &JsValue::from_str(k),
                            &JsValue::from_str(v),
                        );
                    }
                    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts)
                })
                .clone()
        });
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        formatter
            .format()
            .call1(&formatter, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    pub fn format_date_time(at: Timestamp) -> String {
        format(at.unix_millis() as f64, Style::DateTime)
    }

    /// How far down the page the reader has scrolled, in CSS pixels.
    pub fn scroll_y() -> f64 {
        web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0)
    }

    /// What the browser believes about the network: false means certainly offline.
    pub fn is_online() -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }

    /// Calls `f` with the new state whenever the browser goes offline or comes back.
    pub fn on_connectivity_change(f: impl Fn(bool) + Clone + 'static) {
        let back = f.clone();
        let _ = leptos::prelude::window_event_listener(leptos::ev::online, move |_| back(true));
        let _ = leptos::prelude::window_event_listener(leptos::ev::offline, move |_| f(false));
    }

    /// False while the tab is in the background: no point fetching what nobody sees.
    pub fn page_visible() -> bool {
        web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| !d.hidden())
    }

    /// The path of the address the page is at now.
    pub fn current_path() -> String {
        web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default()
    }

    /// The origin the page was loaded from (`https://host`), against which the app makes its
    /// addresses absolute for link previews.
    pub fn page_origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    /// The query of the address the page is at now, with its leading `?`.
    pub fn current_query() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }

    /// Scrolls to `y` once the next frame has laid out what was just rendered.
    pub fn scroll_to_after_layout(y: f64) {
        leptos::prelude::request_animation_frame(move || {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, y);
            }
        });
    }

    /// Focuses `element` where it is, without scrolling: the page keeps the position the app
    /// gave it (the feed's restored place on Back).
    fn focus_in_place(element: &web_sys::Element) {
        use wasm_bindgen::JsCast;
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("preventScroll"),
            &JsValue::TRUE,
        );
        if let Ok(focus) = js_sys::Reflect::get(element, &JsValue::from_str("focus"))
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = focus.call1(element, &options);
        }
    }

    /// After the app has drawn a new page, puts focus on its heading, where a page load would
    /// have started the reader, and hands `announce` the new document title. A page whose heading
    /// comes with its content (an article) has the main landmark focused meanwhile, and its
    /// heading once it arrives, unless the reader has moved on: `is_current` says whether this
    /// page is still the one shown. Gives up after about 20 s, longer than any fetch may take.
    pub fn focus_page_heading(
        is_current: impl Fn() -> bool + 'static,
        announce: impl FnOnce(String) + 'static,
    ) {
        fn attempt<C, A>(frames_left: u32, is_current: C, announce: A)
        where
            C: Fn() -> bool + 'static,
            A: FnOnce(String) + 'static,
        {
            leptos::prelude::request_animation_frame(move || {
                let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                    return;
                };
                if !is_current() {
                    return;
                }
                let main = document.get_element_by_id("main");
                let first_try = frames_left == HEADING_WAIT_FRAMES;
                let focus_untouched = || first_try || document.active_element() == main;
                match document.query_selector("#main h1").ok().flatten() {
                    Some(heading) => {
                        if focus_untouched() {
                            focus_in_place(&heading);
                        }
                        // The title follows the page's content; give it the frame it takes.
                        leptos::prelude::request_animation_frame(move || {
                            announce(document.title())
                        });
                    }
                    None if frames_left > 0 => {
                        if let Some(main) = main.filter(|_| first_try) {
                            focus_in_place(&main);
                        }
                        attempt(frames_left - 1, is_current, announce);
                    }
                    None => {}
                }
            });
        }
        attempt(HEADING_WAIT_FRAMES, is_current, announce);
    }

    const HEADING_WAIT_FRAMES: u32 = 1200;

    /// Once the next frame is laid out, focuses the first element that matches one of
    /// `selectors`, in their order; leaves focus alone if none does.
    pub fn focus_first_after_layout(selectors: Vec<String>) {
        leptos::prelude::request_animation_frame(move || {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let found = selectors
                .iter()
                .find_map(|selector| document.query_selector(selector).ok().flatten());
            if let Some(element) = found {
                focus_in_place(&element);
            }
        });
    }

    /// Where the element that had focus has gone from the page (a notice replaced by what it
    /// was waiting for), focus falls to nowhere and a keyboard reader starts again from the
    /// top. This puts it on the page's heading instead, or its main landmark.
    pub fn recover_lost_focus() {
        leptos::prelude::request_animation_frame(|| {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let lost = document
                .active_element()
                .is_none_or(|active| Some(active) == document.body().map(Into::into));
            if !lost {
                return;
            }
            let target = document
                .query_selector("#main h1")
                .ok()
                .flatten()
                .or_else(|| document.get_element_by_id("main"));
            if let Some(target) = target {
                focus_in_place(&target);
            }
        });
    }

    /// Calls `f` whenever the reader moves through history (Back, Forward). The app restores
    /// scroll positions itself: the browser would try before the page has been rendered again.
    pub fn on_history_move(f: impl Fn() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = js_sys::Reflect::set(
                &history,
                &JsValue::from_str("scrollRestoration"),
                &JsValue::from_str("manual"),
            );
        }
        // Dropping the handle keeps the listener: it lives as long as the page, like the app.
        let _ = leptos::prelude::window_event_listener(leptos::ev::popstate, move |_| f());
    }

    /// Tells the page that frames this embed how tall the element at `selector` is, now and
    /// whenever it changes size, so the partner's iframe fits its content with no inner
    /// scrollbar. The message goes to the parent alone (to its origin, where the browser
    /// reveals it) and carries nothing but the height and the embed's id. Nothing the parent
    /// sends back is listened to.
    pub fn report_height_to_parent(selector: &str, embed_id: String) {
        use std::cell::Cell;
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;

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
        // An opaque parent origin ("null") cannot be named as a target; the height is no secret.
        let target =
            js_sys::Reflect::get(&window.location(), &JsValue::from_str("ancestorOrigins"))
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

    /// A display setting the page was started with: `public/theme.js` has already applied the
    /// reader's stored choice to `<html>` as this attribute.
    pub fn root_setting(attribute: &str) -> Option<String> {
        web_sys::window()?
            .document()?
            .document_element()?
            .get_attribute(attribute)
    }

    /// `url` as the address bar would show it, resolved against the page.
    pub fn absolute_link(url: &str) -> String {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        web_sys::Url::new_with_base(url, &href)
            .map(|u| u.href())
            .unwrap_or_else(|_| url.to_owned())
    }

    /// Shares a link with the system share sheet where the browser has one, else copies it.
    pub async fn share(title: String, url: String) -> ShareOutcome {
        use wasm_bindgen_futures::JsFuture;
        let Some(window) = web_sys::window() else {
            return ShareOutcome::Failed;
        };
        let url = absolute_link(&url);
        let navigator = window.navigator();
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
        // Plain-http origins and older browsers have no `navigator.clipboard`: calling it
        // there would throw out of the wasm, not answer.
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

    /// Once the next frame is laid out, focuses the text field `selector` finds and selects
    /// its text, so the reader has only to copy it.
    pub fn select_field_after_layout(selector: String) {
        use wasm_bindgen::JsCast;
        leptos::prelude::request_animation_frame(move || {
            let Some(field) = document().and_then(|d| d.query_selector(&selector).ok().flatten())
            else {
                return;
            };
            focus_in_place(&field);
            if let Ok(select) = js_sys::Reflect::get(&field, &JsValue::from_str("select"))
                .and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = select.call0(&field);
            }
        });
    }

    /// The document the pre-render put in the page, if this page was pre-rendered.
    pub fn page_data() -> Option<String> {
        document()?.get_element_by_id(PAGE_DATA_ID)?.text_content()
    }

    pub fn mark_app_started() {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute(APP_STARTED_ATTRIBUTE, "");
        }
    }

    /// Shows every `<time datetime>` of the page in the reader's locale and zone: the
    /// pre-render wrote them in UTC, which is true for everyone but nobody's own clock.
    pub fn relabel_times_in_main() {
        use wasm_bindgen::JsCast;
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
        use wasm_bindgen::JsCast;
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
        view: impl leptos::prelude::IntoView + 'static,
    ) {
        use leptos::prelude::StoredValue;
        use leptos::tachys::view::{Mountable, Render};
        let mut state = view.into_view().build();
        state.mount(parent, before);
        let _ = StoredValue::new_local(state);
    }

    /// Puts a live view in place of the first element `selector` finds (a pre-rendered
    /// page's stand-in for a control that needs the app).
    pub fn replace_with_view(selector: &str, view: impl leptos::prelude::IntoView + 'static) {
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
    pub fn replace_children_with_view(
        selector: &str,
        view: impl leptos::prelude::IntoView + 'static,
    ) {
        if let Some(parent) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
            parent.set_text_content(None);
            place_view(&parent, None, view);
        }
    }

    pub fn main_element() -> Option<web_sys::HtmlElement> {
        wasm_bindgen::JsCast::dyn_into(document()?.get_element_by_id("main")?).ok()
    }

    pub fn child_nodes(parent: &web_sys::Element) -> Vec<web_sys::Node> {
        let children = parent.child_nodes();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .collect()
    }

    pub fn remove_children(parent: &web_sys::Element) {
        parent.set_text_content(None);
    }

    pub fn remove_nodes(nodes: Vec<web_sys::Node>) {
        for node in nodes {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }

    /// Puts a live view at the top of the main landmark, above the page.
    pub fn prepend_to_main(view: impl leptos::prelude::IntoView + 'static) {
        if let Some(main) = document().and_then(|d| d.get_element_by_id("main")) {
            place_view(&main, main.first_child().as_ref(), view);
        }
    }

    /// Adds day sections (`section.day`, labelled by their heading's id) drawn apart from the
    /// page to the list with id `list_id`: the stories of a day the list has already join it,
    /// at its top or its end; a new day is added whole. Nothing on the page is drawn again.
    pub fn merge_days_into(
        list_id: &str,
        at_top: bool,
        days: impl leptos::prelude::IntoView + 'static,
    ) {
        use wasm_bindgen::JsCast;
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
        let Ok(new_days) = scratch.query_selector_all(":scope > section.day") else {
            return;
        };
        let new_days: Vec<web_sys::Element> = (0..new_days.length())
            .filter_map(|i| new_days.item(i)?.dyn_into().ok())
            .collect();
        // Newer days go above the list's first, in their order; older ones at its end.
        let top = list.first_element_child();
        for day in new_days {
            let label = day.get_attribute("aria-labelledby").unwrap_or_default();
            let shown = list
                .query_selector(&format!(
                    ":scope > section.day[aria-labelledby=\"{label}\"]"
                ))
                .ok()
                .flatten();
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
        if let Some(empty) = document.query_selector(".feed__empty").ok().flatten() {
            empty.remove();
        }
    }

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

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
        use crate::seo::MetaKey;
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

    /// Lets the app show the pages it knows without loading a document: a plain click on a
    /// link to this origin (no modifier key, no `target`, no `download`) whose page `show`
    /// accepts, given the link's path and query, goes into the history as the browser would
    /// have put it. Links within the page (`#main`), and any `show` declines, stay the
    /// browser's.
    pub fn follow_links_in_app(show: impl Fn(&str, &str) -> bool + 'static) {
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else {
            return;
        };
        let follow = move |event: web_sys::MouseEvent| {
            if event.default_prevented()
                || event.button() != 0
                || event.meta_key()
                || event.ctrl_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            let Some(link) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[href]").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            else {
                return;
            };
            let location = window.location();
            let (path, query) = (link.pathname(), link.search());
            let same_document = location.pathname().is_ok_and(|p| p == path)
                && location.search().is_ok_and(|q| q == query);
            if !link.target().is_empty()
                || link.has_attribute("download")
                || location.origin().is_ok_and(|o| o != link.origin())
                || (same_document && !link.hash().is_empty())
            {
                return;
            }
            if !show(&path, &query) {
                return;
            }
            event.prevent_default();
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&link.href()));
            }
        };
        let _ = leptos::prelude::window_event_listener(leptos::ev::click, follow);
    }

    /// A new page starts at its top, as a loaded document would.
    pub fn scroll_to_top() {
        scroll_to_after_layout(0.0);
    }

    pub fn format_time(at: Timestamp) -> String {
        format(at.unix_millis() as f64, Style::Time)
    }

    pub fn format_day(date: CivilDate) -> String {
        format(
            date.day_number() as f64 * 86_400_000.0 + 43_200_000.0,
            Style::Day,
        )
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    //! Native rendering has no reader: it uses UTC and English, which is what a page
    //! rendered ahead of time shows until the browser takes over.
    use super::*;

    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const WEEKDAYS: [&str; 7] = [
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
    ];

    pub fn api_base() -> String {
        DEFAULT_API_BASE.to_owned()
    }

    pub fn now() -> Timestamp {
        let since_epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Timestamp::from_unix_millis(since_epoch.as_millis() as i64)
    }

    fn long_date(date: CivilDate) -> String {
        format!(
            "{} {} {}",
            date.day,
            MONTHS[(date.month - 1) as usize],
            date.year
        )
    }

    pub fn format_date_time(at: Timestamp) -> String {
        format!("{}, {} UTC", long_date(at.civil_date(0)), format_time(at))
    }

    pub fn root_setting(_attribute: &str) -> Option<String> {
        None
    }

    pub fn scroll_y() -> f64 {
        0.0
    }

    pub fn current_path() -> String {
        String::new()
    }

    pub fn current_query() -> String {
        String::new()
    }

    pub fn page_origin() -> String {
        String::new()
    }

    pub fn page_visible() -> bool {
        false
    }

    pub fn is_online() -> bool {
        true
    }

    pub fn on_connectivity_change(_: impl Fn(bool) + Clone + 'static) {}

    pub fn scroll_to_after_layout(_: f64) {}

    pub fn focus_page_heading(_: impl Fn() -> bool + 'static, _: impl FnOnce(String) + 'static) {}

    pub fn focus_first_after_layout(_: Vec<String>) {}

    pub fn recover_lost_focus() {}

    pub fn report_height_to_parent(_: &str, _: String) {}

    pub fn on_history_move(_: impl Fn() + 'static) {}

    pub fn set_page_head(_: &PageHead) {}

    pub fn set_page_title(_: &str) {}

    pub fn follow_links_in_app(_: impl Fn(&str, &str) -> bool + 'static) {}

    pub fn scroll_to_top() {}

    pub fn select_field_after_layout(_: String) {}

    pub fn absolute_link(url: &str) -> String {
        url.to_owned()
    }

    pub async fn share(_: String, _: String) -> ShareOutcome {
        ShareOutcome::Failed
    }

    pub fn format_time(at: Timestamp) -> String {
        let (h, m) = at.clock(0);
        format!("{h:02}:{m:02}")
    }

    pub fn format_day(date: CivilDate) -> String {
        let weekday = WEEKDAYS[date.day_number().rem_euclid(7) as usize];
        format!("{weekday} {}", long_date(date))
    }
}

pub use imp::{
    absolute_link, api_base, current_path, current_query, focus_first_after_layout,
    focus_page_heading, follow_links_in_app, format_date_time, format_day, format_time, is_online,
    now, on_connectivity_change, on_history_move, page_origin, page_visible, recover_lost_focus,
    report_height_to_parent, root_setting, scroll_to_after_layout, scroll_to_top, scroll_y,
    select_field_after_layout, set_page_head, set_page_title, share,
};

#[cfg(target_arch = "wasm32")]
pub use imp::{
    child_nodes, main_element, mark_app_started, merge_days_into, on_first_action, page_data,
    prepend_to_main, relabel_times_in_main, remove_children, remove_nodes,
    replace_children_with_view, replace_with_view,
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn native_formats_name_the_day_and_zone() {
        let t = Timestamp::parse("2022-01-10T21:05:00Z").unwrap();
        assert_eq!(format_date_time(t), "10 January 2022, 21:05 UTC");
        assert_eq!(format_day(t.civil_date(0)), "Monday 10 January 2022");
    }
}
