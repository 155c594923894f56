use super::{NewTabLink, TimeTag};
use crate::model::{text_direction, StoryCard};
use crate::{routes, strings};
use leptos::prelude::*;

/// One story as a card for a partner's page: section, headline, hero, standfirst, time, and
/// the way to read it in full on Broadsheet.
#[component]
pub fn PartnerStory(card: StoryCard) -> impl IntoView {
    let href = routes::article(&card.id);
    let dir = text_direction(&card.language);
    let StoryCard {
        headline,
        standfirst,
        section,
        language,
        published,
        hero,
        ..
    } = card;
    view! {
        <article class="embed-story" lang=language dir=dir>
            {hero.map(|image| {
                let srcset = image.srcset_attribute();
                // A frame whose image size is unknown keeps 16:9, as on the article page.
                let (width, height) = if image.width > 0 && image.height > 0 {
                    (image.width, image.height)
                } else {
                    (1600, 900)
                };
                view! {
                    <img class="embed-story__image" src=image.src.to_string() srcset=srcset
                        sizes="100vw" width=width height=height alt=image.alt decoding="async"/>
                }
            })}
            <div class="embed-story__text">
                <p class="kicker">{section}</p>
                <h1 class="embed-story__headline">
                    <NewTabLink href=href.clone()>{headline}</NewTabLink>
                </h1>
                {standfirst.map(|s| view! { <p class="embed-story__standfirst">{s}</p> })}
                {published.map(|at| view! { <p class="embed-story__time"><TimeTag at/></p> })}
                <p class="embed-story__more" lang=strings::UI_LANGUAGE dir=text_direction(strings::UI_LANGUAGE)>
                    <NewTabLink href class="button">{strings::EMBED_READ_STORY}</NewTabLink>
                </p>
            </div>
        </article>
    }
}
