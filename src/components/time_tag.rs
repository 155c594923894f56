use crate::browser;
use crate::model::Timestamp;
use leptos::prelude::*;

/// Marks a `<time>` that shows the time of day alone, so the app can write it again in the
/// reader's zone on a pre-rendered page (`browser::relabel_times_in_main`); the same name as
/// the attribute `TimeTag` writes.
pub const TIME_ONLY_ATTRIBUTE: &str = "data-time-only";

/// A moment, machine-readable in `datetime` and shown in the reader's locale and zone. That
/// locale's direction need not be the story's: `dir="auto"` sets the time apart from the text
/// around it, so "11:00 AM" in an Arabic card does not read "AM 11:00".
#[component]
pub fn TimeTag(at: Timestamp, #[prop(optional)] time_only: bool) -> impl IntoView {
    let shown = if time_only {
        browser::format_time(at)
    } else {
        browser::format_date_time(at)
    };
    view! {
        <time datetime=at.to_string() dir="auto" data-time-only=time_only.then_some("")>{shown}</time>
    }
}
