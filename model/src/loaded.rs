//! The stories All News has loaded besides its first page, each once. Kept apart from the page
//! so that it is plain data: adding a page costs that page's stories, however many are loaded,
//! and nothing is copied or compared on a timer.

use super::FeedItem;
use std::collections::HashSet;

#[derive(Default)]
pub struct Loaded {
    /// New stories the reader chose to show, above the first page, newest first.
    pub newer: Vec<FeedItem>,
    /// Stories of the pages after the first, not on an earlier page.
    pub more: Vec<FeedItem>,
    /// The id of every story shown or kept aside to show: a story comes in once, found in one
    /// look however many are loaded.
    ids: HashSet<String>,
}

impl Loaded {
    /// Notes stories shown without passing through here (the first page).
    pub fn know(&mut self, items: &[FeedItem]) {
        self.ids.extend(items.iter().map(|i| i.id.clone()));
    }

    /// The stories of `items` not seen before, each once, in their order; noted as seen, so a
    /// new story kept aside is not offered again, nor added by a later page.
    pub fn unseen(&mut self, mut items: Vec<FeedItem>) -> Vec<FeedItem> {
        items.retain(|i| self.ids.insert(i.id.clone()));
        items
    }

    /// Keeps a later page's new stories after the others; returns them, to be drawn.
    pub fn add_page(&mut self, items: Vec<FeedItem>) -> Vec<FeedItem> {
        let added = self.unseen(items);
        self.more.extend_from_slice(&added);
        added
    }

    /// Shows the new stories kept aside (from [`Loaded::unseen`]) above the others.
    pub fn show_new(&mut self, new: &[FeedItem]) {
        self.newer.splice(0..0, new.iter().cloned());
    }

    /// Every story shown, newest first: the new stories the reader asked for, the first page,
    /// then the pages after it.
    pub fn all(&self, first: &[FeedItem]) -> Vec<FeedItem> {
        [self.newer.as_slice(), first, &self.more].concat()
    }

    /// The loaded story with this id, if any.
    pub fn find(&self, id: &str) -> Option<&FeedItem> {
        self.more.iter().chain(&self.newer).find(|i| i.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Feed;
    use serde_json::json;

    fn stories(ids: &[&str]) -> Vec<FeedItem> {
        let items: Vec<_> = ids
            .iter()
            .map(|id| json!({"id": id, "content_text": id}))
            .collect();
        let feed = json!({"version": "https://jsonfeed.org/version/1.1", "items": items});
        Feed::parse(&feed.to_string()).unwrap().items
    }

    fn ids(items: &[FeedItem]) -> Vec<&str> {
        items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn a_later_page_adds_each_story_once_after_the_others() {
        let mut loaded = Loaded::default();
        loaded.know(&stories(&["a", "b"]));
        let added = loaded.add_page(stories(&["b", "c", "c", "d", "a"]));
        assert_eq!(ids(&added), ["c", "d"]);
        assert_eq!(ids(&loaded.add_page(stories(&["d", "e"]))), ["e"]);
        assert_eq!(ids(&loaded.more), ["c", "d", "e"]);
    }

    #[test]
    fn a_new_story_kept_aside_is_offered_once_and_not_added_again_by_a_later_page() {
        let mut loaded = Loaded::default();
        loaded.know(&stories(&["a", "b"]));
        let new = loaded.unseen(stories(&["n", "a"]));
        assert_eq!(ids(&new), ["n"]);
        assert!(loaded.unseen(stories(&["n", "a"])).is_empty());
        assert_eq!(ids(&loaded.add_page(stories(&["n", "c"]))), ["c"]);
        loaded.show_new(&new);
        assert_eq!(
            ids(&loaded.all(&stories(&["a", "b"]))),
            ["n", "a", "b", "c"]
        );
    }

    #[test]
    fn every_story_shown_comes_newest_first_and_can_be_found() {
        let mut loaded = Loaded::default();
        let first = stories(&["c", "d"]);
        loaded.know(&first);
        loaded.add_page(stories(&["e"]));
        loaded.show_new(&stories(&["b"]));
        loaded.show_new(&stories(&["a"]));
        assert_eq!(ids(&loaded.all(&first)), ["a", "b", "c", "d", "e"]);
        assert_eq!(loaded.find("e").map(|i| i.id.as_str()), Some("e"));
        assert_eq!(loaded.find("zz"), None);
    }
}
