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
