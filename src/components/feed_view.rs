use super::{FeedList, SectionNav};
use crate::model::FeedItem;
use crate::strings;
use leptos::prelude::*;

/// The id of the element that holds All News's day sections: the app adds later pages' and
/// new stories to it (`pages::feed`).
pub const FEED_LIST_ID: &str = "feed-list";

/// All News, or one section or tag of it: the heading, and under it the stories or what stands
/// in for them while they load. The pre-render and the app draw it alike.
#[component]
pub fn FeedView(
    section: Option<String>,
    /// A publisher's tag, of any language and direction: its heading finds its own.
    tag: Option<String>,
    children: Children,
) -> impl IntoView {
    let dir = tag.is_some().then_some("auto");
    let title = tag
        .or(section)
        .unwrap_or_else(|| strings::ALL_NEWS.to_owned());
    view! {
        <div class="feed">
            <h1 class="feed__title" tabindex="-1" dir=dir>{title}</h1>
            {children()}
        </div>
    }
}

/// The stories by day, with the sections to narrow them to. `new_stories` and `more` are the
/// places of the live controls (the new-stories prompt, the feed's foot): the app's own, or on
/// a pre-rendered page stand-ins that the app puts its own in place of when it adopts it.
#[component]
pub fn FeedContent(
    items: Vec<FeedItem>,
    sections: Vec<String>,
    section: Option<String>,
    tag: Option<String>,
    new_stories: AnyView,
    more: AnyView,
    /// Every heading a date (never "Today"), for a page read on another day than it was made.
    #[prop(optional)]
    dated_headings: bool,
    /// The publisher has ended the feed: the reader is told that nothing new will come.
    #[prop(optional)]
    expired: bool,
) -> impl IntoView {
    let tagged = tag.is_some();
    let empty = items.is_empty().then_some(match (&section, tagged) {
        (_, true) => strings::EMPTY_TAG,
        (Some(_), false) => strings::EMPTY_SECTION,
        (None, false) => strings::EMPTY_FEED,
    });
    view! {
        <div class="feed__pages">
            {new_stories}
            {expired.then(|| view! {
                <p class="notice feed__expired" role="status">{strings::FEED_EXPIRED}</p>
            })}
            <SectionNav sections current=section tagged/>
            <div id=FEED_LIST_ID>
                <FeedList items dated_headings/>
            </div>
            {empty.map(|text| view! { <p class="notice feed__empty">{text}</p> })}
            {more}
        </div>
    }
}
