use super::LinkList;
use crate::model::Link;
use crate::strings;
use leptos::prelude::*;

/// "Related" stories: a navigation landmark of its own, named by its heading.
#[component]
pub fn RelatedLinks(title: Option<String>, links: Vec<Link>, id: String) -> impl IntoView {
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    view! {
        <nav class="related-links" aria-labelledby=labelled_by>
            <h2 id=heading_id class="related-links__title">
                {title.unwrap_or_else(|| strings::RELATED_TITLE.to_owned())}
            </h2>
            <LinkList links/>
        </nav>
    }
}
