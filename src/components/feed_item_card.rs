use super::TimeTag;
use crate::model::{text_direction, FeedItem};
use crate::routes;
use leptos::prelude::*;

/// One story in the feed: kicker, linked title, summary, time, and a thumbnail if it has one.
/// A story that names its language takes that language's direction; one that does not (many
/// feeds never say) has its title and summary each find their own.
#[component]
pub fn FeedItemCard(item: FeedItem) -> impl IntoView {
    // Every item opens in Broadsheet: from its article document, or built from the item.
    let href = routes::article(&item.id);
    let title = item.display_title();
    let alt = item.image_alt();
    let section = item.section().map(str::to_owned);
    let dir = item.language.as_deref().map(text_direction);
    let text_dir = dir.is_none().then_some("auto");
    let FeedItem {
        summary,
        image,
        published,
        language,
        ..
    } = item;
    view! {
        <article class="feed-item" lang=language dir=dir>
            <div class="feed-item__text">
                {section.map(|s| view! {
                    <p class="kicker"><a href=routes::section(&s)>{s.clone()}</a></p>
                })}
                <h3 class="feed-item__title" dir=text_dir><a href=href>{title}</a></h3>
                {summary.map(|s| view! { <p class="feed-item__summary" dir=text_dir>{s}</p> })}
                {published.map(|at| view! {
                    <p class="feed-item__time"><TimeTag at time_only=true/></p>
                })}
            </div>
            {image.map(|src| view! {
                <img class="feed-item__image" src=src.to_string() alt=alt
                    width="160" height="90" loading="lazy" decoding="async"/>
            })}
        </article>
    }
}
