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
/// A display setting's choices, each its value (`public/theme.js` knows the same) and its name
/// in the menu; the empty value is the default, which sets nothing.
pub const THEME_OPTIONS: [(&str, &str); 3] = [("", "Auto"), ("light", "Light"), ("dark", "Dark")];
pub const TEXT_SIZE: &str = "Text size";
pub const TEXT_SIZE_OPTIONS: [(&str, &str); 4] = [
    ("", "Default"),
    ("large", "Large"),
    ("larger", "Larger"),
    ("largest", "Largest"),
];
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
pub const MEDIA_OPENS: &str = "Opens on";
/// A link post's way to the page it points to, before that page's host name.
pub const READ_AT: &str = "Read at";
/// A feed item's podcast episode, video or file: the link to the file itself.
pub const DOWNLOAD: &str = "Download";
/// All News, when its publisher has ended the feed (JSON Feed `expired`).
pub const FEED_EXPIRED: &str =
    "This feed is no longer updated: its publisher has ended it. The stories below stay.";

/// How long an episode or a video runs: "45 s", "30 min", "1 h 5 min", to the nearest minute
/// from a minute on.
pub fn duration(seconds: u32) -> String {
    let minutes = seconds.saturating_add(30) / 60;
    match (minutes / 60, minutes % 60) {
        _ if seconds < 60 => format!("{seconds} s"),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A file's size in decimal units, as operating systems show downloads: "850 kB", "24 MB",
/// "1.3 GB"; whole numbers below a gigabyte, where a tenth is no help.
pub fn file_size(bytes: u32) -> String {
    let rounded = |unit: u32| (bytes / (unit / 2)).div_ceil(2);
    let (value, unit) = match bytes {
        0..1_000 => (bytes, "B"),
        1_000..999_500 => (rounded(1_000), "kB"),
        999_500..999_500_000 => (rounded(1_000_000), "MB"),
        _ => {
            let tenths = rounded(100_000_000);
            return format!("{}.{} GB", tenths / 10, tenths % 10);
        }
    };
    format!("{value} {unit}")
}

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
/// The link inside a story card's placeholder, for a partner's reader without scripts: the
/// snippet public/partners/partners.js hands out says the same.
pub const EMBED_STORY_FALLBACK: &str = "Read this story on Broadsheet";

/// The title of a feed embed: the section it shows, or the latest news.
pub fn embed_feed_title(section: Option<&str>) -> String {
    match section {
        Some(section) => format!("{section}: {EMBED_LATEST}"),
        None => EMBED_LATEST.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_a_reader_says_them() {
        let said: Vec<_> = [0, 45, 59, 60, 1800, 1829, 3599, 3600, 3900, 7260, u32::MAX]
            .into_iter()
            .map(duration)
            .collect();
        assert_eq!(
            said,
            [
                "0 s",
                "45 s",
                "59 s",
                "1 min",
                "30 min",
                "30 min",
                "1 h",
                "1 h",
                "1 h 5 min",
                "2 h 1 min",
                "1193046 h 28 min"
            ]
        );
    }

    #[test]
    fn sizes_read_in_decimal_units() {
        let said: Vec<_> = [
            0,
            999,
            1_000,
            850_000,
            999_499,
            999_600,
            24_000_000,
            1_250_000_000,
            u32::MAX,
        ]
        .into_iter()
        .map(file_size)
        .collect();
        assert_eq!(
            said,
            ["0 B", "999 B", "1 kB", "850 kB", "999 kB", "1 MB", "24 MB", "1.3 GB", "4.3 GB"]
        );
    }
}
