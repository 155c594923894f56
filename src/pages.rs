//! One module per route: each takes its parameters from the router, asks `api` for content and
//! hands it to the components.

mod article;
mod embed_feed;
mod embed_story;
mod feed;
mod load;
mod not_found;

pub use article::{AdoptedArticlePage, ArticlePage};
pub use embed_feed::EmbedFeedPage;
pub use embed_story::EmbedStoryPage;
pub use feed::{AdoptedAllNewsPage, AllNewsPage, FeedStore};
pub use not_found::NotFoundPage;

use crate::browser;
use crate::components::{MastheadName, MastheadNameProps};
use crate::model::Publication;
use leptos::prelude::IntoAny;

/// Puts another publisher's name in the masthead in place of ours, when the feed is theirs.
fn show_publication(publication: Option<Publication>) {
    if let Some(publication) = publication {
        let name = MastheadName(MastheadNameProps {
            publication: Some(publication),
        });
        browser::replace_with_view(".masthead__name", name.into_any());
    }
}
