use crate::{routes, strings};
use leptos::prelude::*;

/// The sections found in the feed, to narrow All News to one; the current one is marked for
/// assistive technology as well as by its look. In a tag view none of them is the current page.
#[component]
pub fn SectionNav(
    sections: Vec<String>,
    current: Option<String>,
    #[prop(optional)] tagged: bool,
) -> impl IntoView {
    let is_all = current.is_none() && !tagged;
    view! {
        <nav class="section-nav" aria-label=strings::SECTIONS>
            <ul>
                <li>
                    <a href=routes::ALL_NEWS aria-current=is_all.then_some("page")>
                        {strings::ALL_SECTIONS}
                    </a>
                </li>
                {sections.into_iter().map(|name| {
                    let here = current.as_deref() == Some(name.as_str());
                    let href = routes::section(&name);
                    view! {
                        <li>
                            <a href=href aria-current=here.then_some("page")>{name}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
