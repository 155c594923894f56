use super::FeedItemCard;
use crate::browser;
use crate::model::{feed::group_by_day, CivilDate, FeedItem};
use crate::strings;
use leptos::prelude::*;

/// The feed's items under a heading for each day of the reader's calendar.
#[component]
pub fn FeedList(items: Vec<FeedItem>) -> impl IntoView {
    let now = browser::now();
    let offset = browser::utc_offset_minutes(now);
    let today = now.civil_date(offset);
    group_by_day(&items, offset)
        .into_iter()
        .map(|group| {
            let heading = day_label(group.date, today);
            let heading_id = match group.date {
                Some(d) => format!("day-{:04}-{:02}-{:02}", d.year, d.month, d.day),
                None => "day-undated".to_owned(),
            };
            let items = group.items.into_iter().cloned().collect::<Vec<_>>();
            let labelled_by = heading_id.clone();
            view! {
                <section class="day" aria-labelledby=labelled_by>
                    <h2 class="day__heading" id=heading_id>{heading}</h2>
                    {items.into_iter().map(|item| view! { <FeedItemCard item/> }).collect_view()}
                </section>
            }
        })
        .collect_view()
}

fn day_label(date: Option<CivilDate>, today: CivilDate) -> String {
    match date {
        None => strings::UNDATED.to_owned(),
        Some(d) if d == today => strings::TODAY.to_owned(),
        Some(d) if d.day_number() + 1 == today.day_number() => strings::YESTERDAY.to_owned(),
        Some(d) => browser::format_day(d),
    }
}
