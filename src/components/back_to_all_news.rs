use crate::{routes, strings};
use leptos::prelude::*;

/// The way back to All News at the foot of an article, there whether the article loaded or not.
#[component]
pub fn BackToAllNews() -> impl IntoView {
    view! {
        <p class="back-to-all-news">
            <a href=routes::ALL_NEWS>{strings::ALL_NEWS}</a>
        </p>
    }
}
