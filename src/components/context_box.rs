use super::{InlineRuns, LinkList};
use crate::model::{Inline, Link};
use crate::strings;
use leptos::prelude::*;

/// The background a reader needs to place the story ("Context."), with the stories that
/// follow it up. A complementary landmark, named by its own heading.
#[component]
pub fn ContextBox(
    title: Option<String>,
    content: Vec<Inline>,
    links: Vec<Link>,
    /// Unique within the page, to tie the landmark to its heading.
    id: String,
) -> impl IntoView {
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    view! {
        <aside class="context-box" aria-labelledby=labelled_by>
            <h2 id=heading_id class="context-box__title">
                {title.unwrap_or_else(|| strings::CONTEXT_TITLE.to_owned())}
            </h2>
            {(!content.is_empty()).then(|| view! { <p><InlineRuns runs=content/></p> })}
            {(!links.is_empty()).then(|| view! { <LinkList links/> })}
        </aside>
    }
}
