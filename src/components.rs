//! Views: each takes typed content and returns markup, with no fetching and no browser calls
//! of its own, so each renders natively too (that is how their markup is tested).

mod article_header;
mod article_view;
mod body_block;
mod byline;
mod context_box;
mod embed_card;
mod feed_item_card;
mod feed_list;
mod figure;
mod inline_runs;
mod link_list;
mod load_error;
mod new_stories_prompt;
mod not_found_notice;
mod quote;
mod related_links;
mod section_nav;
mod share_button;
mod site_header;
mod skeleton;
mod theme_switch;
mod time_tag;

pub use article_header::ArticleHeader;
pub use article_view::ArticleView;
pub use body_block::BodyBlock;
pub use byline::Byline;
pub use context_box::ContextBox;
pub use embed_card::EmbedCard;
pub use feed_item_card::FeedItemCard;
pub use feed_list::FeedList;
pub use figure::Figure;
pub use inline_runs::InlineRuns;
pub use link_list::LinkList;
pub use load_error::LoadError;
pub use new_stories_prompt::NewStoriesPrompt;
pub use not_found_notice::NotFoundNotice;
pub use quote::Quote;
pub use related_links::RelatedLinks;
pub use section_nav::SectionNav;
pub use share_button::ShareButton;
pub use site_header::SiteHeader;
pub use skeleton::{ArticleSkeleton, FeedSkeleton};
pub use theme_switch::ThemeSwitch;
pub use time_tag::TimeTag;
