use super::{NewTabLink, TimeTag};
use crate::model::{text_direction, FeedItem};
use crate::{routes, strings};
use leptos::prelude::*;

/// The latest stories, compact enough for a partner's sidebar: kicker, headline, time, and a
/// thumbnail where the frame is wide enough for one (the stylesheet decides).
#[component]
pub fn PartnerFeed(items: Vec<FeedItem>, title: String) -> impl IntoView {
    let list = if items.is_empty() {
        view! { <p class="embed__empty">{strings::EMBED_EMPTY}</p> }.into_any()
    } else {
        view! {
            <ol class="embed-feed">
                {items.into_iter().map(|item| view! { <PartnerFeedItem item/> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <h1 class="embed__title">{title}</h1>
        {list}
    }
}

#[component]
fn PartnerFeedItem(item: FeedItem) -> impl IntoView {
    let href = routes::article(&item.id);
    let title = item.display_title();
    let section = item.section().map(str::to_owned);
    let picture = item.hero();
    let dir = item.language.as_deref().map(text_direction);
    // As on the site's cards: a story of no stated language finds its headline's direction.
    let text_dir = dir.is_none().then_some("auto");
    let FeedItem {
        published,
        language,
        ..
    } = item;
    view! {
        <li class="embed-feed__item" lang=language dir=dir>
            <div class="embed-feed__text">
                {section.map(|s| view! { <p class="kicker">{s}</p> })}
                <h2 class="embed-feed__headline" dir=text_dir>
                    <NewTabLink href>{title}</NewTabLink>
                </h2>
                {published.map(|at| view! { <p class="embed-feed__time"><TimeTag at/></p> })}
            </div>
            // 96 px wide where it shows (`.embed-feed__image`): a 160 px variant at 1x.
            {picture.map(|image| {
                let srcset = image.srcset_attribute();
                let sizes = srcset.is_some().then_some("96px");
                view! {
                    <img class="embed-feed__image" src=image.src.to_string() srcset=srcset
                        sizes=sizes alt=image.alt width="160" height="90" loading="lazy"
                        decoding="async"/>
                }
            })}
        </li>
    }
}
