use crate::model::SafeUrl;
use crate::strings;
use leptos::prelude::*;

/// Third-party media (a video, a post) as a plain link card: nothing is loaded from the third
/// party, and nothing tracks the reader, until the reader chooses to follow it.
#[component]
pub fn EmbedCard(provider: String, url: SafeUrl, title: String) -> impl IntoView {
    view! {
        <aside class="embed-card">
            <a class="embed-card__link" href=url.to_string() rel="noopener noreferrer" target="_blank">
                <span class="embed-card__provider">{provider.clone()}</span>
                <span class="embed-card__title">{title}</span>
                <span class="embed-card__note">{format!("{} {provider} ↗", strings::EMBED_OPENS)}</span>
            </a>
        </aside>
    }
}
