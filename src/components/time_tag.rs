use crate::browser;
use crate::model::Timestamp;
use leptos::prelude::*;

/// A moment, machine-readable in `datetime` and shown in the reader's locale and zone.
#[component]
pub fn TimeTag(at: Timestamp, #[prop(optional)] time_only: bool) -> impl IntoView {
    let shown = if time_only {
        browser::format_time(at)
    } else {
        browser::format_date_time(at)
    };
    view! { <time datetime=at.to_string()>{shown}</time> }
}
