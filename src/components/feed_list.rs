use super::FeedItemCard;
use crate::browser;
use crate::model::{feed::group_by_day, CivilDate, FeedItem};
use crate::{config, strings};
use leptos::prelude::*;

/// The feed's items under a heading for each day of the newsroom's calendar. Drawn once: later
/// pages and new stories are drawn apart and merged into the page by day
/// (`browser::merge_days_into`), so what is shown already, and the reader's focus and images
/// in it, stay as they are.
///
/// `dated_headings`: every heading a date, never "Today" or "Yesterday", for a page rendered
/// ahead of time, which must read true on whatever day it is read.
#[component]
pub fn FeedList(items: Vec<FeedItem>, #[prop(optional)] dated_headings: bool) -> impl IntoView {
    // The newsroom's days, not the reader's: the pre-rendered page and the app group alike.
    let offset = config::NEWSROOM_UTC_OFFSET_MINUTES;
    let today = (!dated_headings).then(|| browser::now().civil_date(offset));
    group_by_day(&items, offset)
        .into_iter()
        .map(|group| {
            let items: Vec<FeedItem> = group.items.into_iter().cloned().collect();
            view! { <DaySection date=group.date today items/> }
        })
        .collect_view()
}

#[component]
fn DaySection(
    date: Option<CivilDate>,
    today: Option<CivilDate>,
    items: Vec<FeedItem>,
) -> impl IntoView {
    let heading_id = match date {
        Some(d) => format!("day-{:04}-{:02}-{:02}", d.year, d.month, d.day),
        None => "day-undated".to_owned(),
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="day" aria-labelledby=labelled_by>
            <h2 class="day__heading" id=heading_id>{day_label(date, today)}</h2>
            {items.into_iter().map(|item| view! { <FeedItemCard item/> }).collect_view()}
        </section>
    }
}

fn day_label(date: Option<CivilDate>, today: Option<CivilDate>) -> String {
    match (date, today) {
        (None, _) => strings::UNDATED.to_owned(),
        (Some(d), Some(today)) if d == today => strings::TODAY.to_owned(),
        (Some(d), Some(today)) if d.day_number() + 1 == today.day_number() => {
            strings::YESTERDAY.to_owned()
        }
        (Some(d), _) => browser::format_day(d),
    }
}
