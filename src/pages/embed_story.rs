use super::load::Load;
use crate::api::{self, FetchError};
use crate::browser;
use crate::components::{ArticleSkeleton, LoadError, PartnerNotFound, PartnerStory};
use leptos::prelude::*;

/// One story as a card for a partner's iframe.
#[component]
pub fn EmbedStoryPage(id: String) -> impl IntoView {
    let article = Load::new(move || {
        let id = id.clone();
        async move { api::fetch_story_card(&id).await }
    });
    move || match article.answer() {
        None => ArticleSkeleton().into_any(),
        Some(Ok(card)) => {
            browser::set_page_title(&card.headline);
            view! { <PartnerStory card/> }.into_any()
        }
        Some(Err(FetchError::NotFound)) => PartnerNotFound().into_any(),
        Some(Err(error)) => view! {
            <LoadError
                message=error.message()
                detail=error.detail()
                on_retry=move || article.ask()
                page_heading=true
                in_embed=true
            />
        }
        .into_any(),
    }
}
