use super::{ContextBox, Figure, InlineRuns, MediaCard, Quote, RelatedLinks};
use crate::model::{Block, HeadingLevel};
use leptos::prelude::*;

/// One block of the article body, in the element that says what it is.
#[component]
pub fn BodyBlock(
    block: Block,
    /// The block's position in the body, for ids that must be unique on the page.
    index: usize,
) -> impl IntoView {
    let id = format!("block-{index}");
    match block {
        Block::Paragraph { content } => view! { <p><InlineRuns runs=content/></p> }.into_any(),
        Block::Heading {
            level: HeadingLevel::H2,
            text,
        } => view! { <h2>{text}</h2> }.into_any(),
        Block::Heading {
            level: HeadingLevel::H3,
            text,
        } => view! { <h3>{text}</h3> }.into_any(),
        Block::Heading {
            level: HeadingLevel::H4,
            text,
        } => view! { <h4>{text}</h4> }.into_any(),
        Block::Image(image) => view! { <Figure image/> }.into_any(),
        Block::Quote {
            text,
            attribution,
            cite_url,
            kind,
        } => view! { <Quote text attribution cite_url kind/> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|runs| view! { <li><InlineRuns runs/></li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Context {
            title,
            content,
            links,
        } => view! { <ContextBox title content links id/> }.into_any(),
        Block::Related { title, links } => view! { <RelatedLinks title links id/> }.into_any(),
        Block::Media {
            provider,
            url,
            title,
        } => view! { <MediaCard provider url title/> }.into_any(),
        Block::Divider => view! { <hr/> }.into_any(),
    }
}
