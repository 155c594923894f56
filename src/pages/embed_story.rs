use super::load::Load;
use crate::api::{self, ArticleSource, FetchError};
use crate::browser;
use crate::components::{ArticleSkeleton, LoadError, PartnerNotFound, PartnerStory};
use crate::embed::MAX_PAGES;
use crate::model::StoryCard;
use leptos::prelude::*;

/// One story as a card for a partner's iframe.
#[component]
pub fn EmbedStoryPage(id: String) -> impl IntoView {
    let article = Load::new(move || load_story(id.clone()));
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

/// A story of ours has an article document; another publisher's item is found in the feed and
/// shown from the item itself, as the article page does.
async fn load_story(id: String) -> Result<StoryCard, FetchError> {
    match api::fetch_story_card(ArticleSource::Id(&id)).await {
        Err(FetchError::NotFound) => {
            let found = api::fetch_feed_items(1, MAX_PAGES, |item| item.id == id).await?;
            let Some(item) = found.into_iter().next() else {
                return Err(FetchError::NotFound);
            };
            match item.broadsheet.as_ref().and_then(|b| b.article.as_ref()) {
                Some(document) => api::fetch_story_card(ArticleSource::Document(document)).await,
                None => Ok(item.to_card()),
            }
        }
        found => found,
    }
}
