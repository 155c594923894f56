use super::FeedItemCard;
use crate::browser;
use crate::model::{feed::group_by_day, CivilDate, FeedItem};
use crate::{config, strings};
use leptos::prelude::*;

/// The feed's items under a heading for each day of the reader's calendar. Keyed by day and by
/// item, so a further page adds only its own items to the page: what is shown already, and
/// the reader's focus and images in it, stay as they are.
///
/// `dated_headings`: every heading a date, never "Today" or "Yesterday", for a page rendered
/// ahead of time, which must read true on whatever day it is read.
#[component]
pub fn FeedList(
    #[prop(into)] items: Signal<Vec<FeedItem>>,
    #[prop(optional)] dated_headings: bool,
) -> impl IntoView {
    // The newsroom's days, not the reader's: the pre-rendered page and the app group alike.
    let offset = config::NEWSROOM_UTC_OFFSET_MINUTES;
    let today = (!dated_headings).then(|| browser::now().civil_date(offset));
    let groups = Memo::new(move |_| {
        items.with(|items| {
            group_by_day(items, offset)
                .into_iter()
                .map(|group| {
                    (
                        group.date,
                        group.items.into_iter().cloned().collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <For
            each=move || groups.with(|groups| groups.iter().map(|(date, _)| *date).collect::<Vec<_>>())
            key=|date| *date
            children=move |date| {
                let items = Signal::derive(move || {
                    groups.with(|groups| {
                        groups.iter().find(|(d, _)| *d == date).map(|(_, items)| items.clone()).unwrap_or_default()
                    })
                });
                view! { <DaySection date today items/> }
            }
        />
    }
}

#[component]
fn DaySection(
    date: Option<CivilDate>,
    today: Option<CivilDate>,
    items: Signal<Vec<FeedItem>>,
) -> impl IntoView {
    let heading_id = match date {
        Some(d) => format!("day-{:04}-{:02}-{:02}", d.year, d.month, d.day),
        None => "day-undated".to_owned(),
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="day" aria-labelledby=labelled_by>
            <h2 class="day__heading" id=heading_id>{day_label(date, today)}</h2>
            <For
                each=move || items.get()
                key=|item| item.id.clone()
                children=|item| view! { <FeedItemCard item/> }
            />
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
