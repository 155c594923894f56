//! Every word the interface says to the reader, in one place: the content's own words come
//! from the data, these are ours.

/// The language of these strings, marked on them where they sit inside an article in another
/// language, so that screen readers pronounce each in its own.
pub const UI_LANGUAGE: &str = "en";

pub const SITE_NAME: &str = "Broadsheet";
pub const ALL_NEWS: &str = "All News";
pub const SITE_DESCRIPTION: &str = "Broadsheet: the news, clearly set. Every story, newest first.";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const PRIMARY_NAV: &str = "Primary";
pub const THEME: &str = "Theme";
pub const THEME_AUTO: &str = "Auto";
pub const THEME_LIGHT: &str = "Light";
pub const THEME_DARK: &str = "Dark";
pub const TEXT_SIZE: &str = "Text size";
pub const TEXT_SIZE_DEFAULT: &str = "Default";
pub const TEXT_SIZE_LARGE: &str = "Large";
pub const TEXT_SIZE_LARGER: &str = "Larger";
pub const TEXT_SIZE_LARGEST: &str = "Largest";
pub const SHARE: &str = "Share";
pub const SHARED: &str = "Shared.";
pub const LINK_COPIED: &str = "Link copied to the clipboard.";
pub const SHARE_FAILED: &str = "Copy this link:";

pub const SECTIONS: &str = "Sections";
pub const ALL_SECTIONS: &str = "All";
pub const EMPTY_SECTION: &str = "No stories in this section yet.";
pub const EMPTY_TAG: &str = "No stories with this tag yet.";
pub const TODAY: &str = "Today";
pub const YESTERDAY: &str = "Yesterday";
pub const UNDATED: &str = "Undated";
pub const LOAD_MORE: &str = "Load more";

/// The prompt that offers stories published since the feed was loaded.
pub fn new_stories(count: usize) -> String {
    match count {
        1 => "1 new story".to_owned(),
        n => format!("{n} new stories"),
    }
}
pub const LOADING_MORE: &str = "Loading more stories…";
pub const END_OF_FEED: &str = "You have reached the end of All News.";
pub const EMPTY_FEED: &str = "There are no stories yet.";
pub const LOADING_FEED: &str = "Loading the latest stories…";
pub const LOADING_ARTICLE: &str = "Loading the article…";

pub const BY: &str = "By";
pub const PUBLISHED: &str = "Published";
pub const UPDATED: &str = "Updated";
pub const MIN_READ: &str = "min read";
pub const CONTEXT_TITLE: &str = "Context";
pub const RELATED_TITLE: &str = "Related";
pub const TOPICS: &str = "Topics";
pub const ORIGINAL_STORY: &str = "Read the original";
pub const EMBED_OPENS: &str = "Opens on";

pub const OFFLINE: &str = "You are offline. What you have loaded stays here; new stories will come when you are back online.";
pub const RETRY: &str = "Retry";
pub const ERROR_TITLE: &str = "We couldn't load this";
pub const ERROR_NETWORK: &str =
    "We could not reach the news service. Check your connection and try again.";
pub const ERROR_TIMEOUT: &str = "The news service took too long to answer, so we stopped waiting.";
pub const ERROR_SERVER: &str = "The news service had a problem answering.";
pub const ERROR_CANCELLED: &str = "The request was cancelled.";
pub const ERROR_PARSE: &str = "The news service sent something we could not read.";

/// The page the service worker (public/sw.js) answers with, offline, for a page this device
/// does not have. public/offline.js lists the stories it has under it.
pub const OFFLINE_PAGE_TITLE: &str = "You are offline";
pub const OFFLINE_PAGE_TEXT: &str =
    "This page is not saved on this device. These stories are, and open without a connection:";
pub const SAVE_FOR_LATER: &str = "Save for later";
pub const SAVED: &str = "Saved";
pub const SAVED_TITLE: &str = "Saved for later";
pub const SAVED_TEXT: &str =
    "The stories you saved, newest first. They stay on this device and open without a connection.";
pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str =
    "We couldn't find that page. It may have moved, or the address may be mistyped.";
pub const ARTICLE_NOT_FOUND_TEXT: &str =
    "We couldn't find that story. It may have been removed, or the address may be mistyped.";
pub const BACK_TO_ALL_NEWS: &str = "Back to All News";
pub const ARTICLE_REMOVED_TITLE: &str = "Story removed";
pub const ARTICLE_REMOVED_TEXT: &str = "This story has been removed since this page was published.";
/// Before the reason (`ERROR_*`), when a page shown could not be brought up to date.
pub const REFRESH_FAILED: &str = "We couldn't check for newer news.";

/// Partner embeds: the iframe's own words. A link in an embed opens Broadsheet in a new tab,
/// and says so to screen readers.
pub const EMBED_LATEST: &str = "Latest news";
pub const EMBED_MORE: &str = "More on Broadsheet";
pub const EMBED_READ_STORY: &str = "Read the story";
pub const OPENS_IN_NEW_TAB: &str = "(opens in a new tab)";
pub const EMBED_EMPTY: &str = "No stories to show yet.";
pub const EMBED_NOT_FOUND: &str = "This embed points at nothing we publish.";

/// The title of a feed embed: the section it shows, or the latest news.
pub fn embed_feed_title(section: Option<&str>) -> String {
    match section {
        Some(section) => format!("{section}: {EMBED_LATEST}"),
        None => EMBED_LATEST.to_owned(),
    }
}
