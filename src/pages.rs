//! One module per route: each takes its parameters from the router, asks `api` for content and
//! hands it to the components.

mod article;
mod feed;
mod not_found;

pub use article::ArticlePage;
pub use feed::{FeedPage, FeedStore};
pub use not_found::NotFoundPage;
