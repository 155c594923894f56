use super::load::Load;
use crate::api;
use crate::components::{FeedSkeleton, LoadError, PartnerFeed};
use crate::embed::{EmbedOptions, MAX_PAGES};
use crate::model::FeedItem;
use crate::{browser, strings};
use leptos::prelude::*;

/// The latest stories for a partner's iframe, optionally from one section.
#[component]
pub fn EmbedFeedPage(options: EmbedOptions) -> impl IntoView {
    let EmbedOptions { limit, section, .. } = options;
    let title = strings::embed_feed_title(section.as_deref());
    let wanted = section.clone();
    let items = Load::new(move || {
        let wanted = wanted.clone();
        async move {
            let in_section =
                |item: &FeedItem| wanted.as_deref().is_none_or(|s| item.section() == Some(s));
            let found = api::fetch_feed_items(limit, MAX_PAGES, in_section, None).await?;
            Ok(found.items)
        }
    });
    browser::set_page_title(&title);
    move || match items.answer() {
        None => FeedSkeleton().into_any(),
        Some(Ok(items)) => view! { <PartnerFeed items title=title.clone()/> }.into_any(),
        Some(Err(error)) => view! {
            <LoadError
                message=error.message()
                detail=error.detail()
                on_retry=move || items.ask()
                page_heading=true
                in_embed=true
            />
        }
        .into_any(),
    }
}
