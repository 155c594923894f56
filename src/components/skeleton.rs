use crate::strings;
use leptos::prelude::*;

/// The shape of an article while it loads, so the page does not jump when it arrives. The
/// bars are decoration; assistive technology hears only that the article is loading.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" role="status">
            <span class="visually-hidden">{strings::LOADING_ARTICLE}</span>
            <div aria-hidden="true">
                <div class="skeleton__bar skeleton__bar--kicker"></div>
                <div class="skeleton__bar skeleton__bar--headline"></div>
                <div class="skeleton__bar skeleton__bar--headline-short"></div>
                <div class="skeleton__block skeleton__block--hero"></div>
                <div class="skeleton__bar"></div>
                <div class="skeleton__bar"></div>
                <div class="skeleton__bar skeleton__bar--short"></div>
            </div>
        </div>
    }
}

/// The shape of the feed while it loads.
#[component]
pub fn FeedSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" role="status">
            <span class="visually-hidden">{strings::LOADING_FEED}</span>
            <div aria-hidden="true">
                <div class="skeleton__bar skeleton__bar--kicker"></div>
                {(0..5).map(|_| view! {
                    <div class="skeleton__item">
                        <div class="skeleton__bar skeleton__bar--headline-short"></div>
                        <div class="skeleton__bar"></div>
                    </div>
                }).collect_view()}
            </div>
        </div>
    }
}
