use crate::model::{text_direction, SafeUrl};
use crate::strings;
use leptos::prelude::*;

/// Third-party media (a video, a post) as a plain link card: nothing is loaded from the third
/// party, and nothing tracks the reader, until the reader chooses to follow it. The provider and
/// title are the third party's words, of either direction whatever the article's; the note is
/// the interface's.
#[component]
pub fn MediaCard(provider: String, url: SafeUrl, title: String) -> impl IntoView {
    view! {
        <aside class="media-card">
            <a class="media-card__link" href=url.to_string() rel="noopener noreferrer" target="_blank">
                <span class="media-card__provider" dir="auto">{provider.clone()}</span>
                <span class="media-card__title" dir="auto">{title}</span>
                <span class="media-card__note" lang=strings::UI_LANGUAGE dir=text_direction(strings::UI_LANGUAGE)>
                    {strings::MEDIA_OPENS}" "<bdi>{provider}</bdi>" ↗"
                </span>
            </a>
        </aside>
    }
}
