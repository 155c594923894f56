use super::TimeTag;
use crate::model::{text_direction, FeedItem};
use crate::{routes, strings};
use leptos::prelude::*;

/// The thumbnail's width as the style sheet lays it out (`.feed-item__image`): the whole column
/// on a narrow screen, else 160 px. The browser picks the smallest variant that covers it.
const THUMBNAIL_SIZES: &str = "(max-width: 30rem) 100vw, 160px";

/// One story in the feed: kicker, linked title, summary, tags, time, and a thumbnail if it has
/// one.
/// A story that names its language takes that language's direction; one that does not (many
/// feeds never say) has its title and summary each find their own.
#[component]
pub fn FeedItemCard(item: FeedItem) -> impl IntoView {
    // Every item opens in Broadsheet: from its article document, or built from the item.
    let href = routes::article(&item.id);
    let title = item.display_title();
    let picture = item.hero();
    let section = item.section().map(str::to_owned);
    let dir = item.language.as_deref().map(text_direction);
    let text_dir = dir.is_none().then_some("auto");
    let FeedItem {
        summary,
        published,
        language,
        tags,
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
                {(!tags.is_empty()).then(|| view! {
                    <ul class="feed-item__tags" aria-label=strings::TOPICS>
                        {tags.into_iter().map(|t| view! {
                            <li><a href=routes::tag(&t) dir=text_dir>{t.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                })}
                {published.map(|at| view! {
                    <p class="feed-item__time"><TimeTag at time_only=true/></p>
                })}
            </div>
            {picture.map(|image| {
                let srcset = image.srcset_attribute();
                let sizes = srcset.is_some().then_some(THUMBNAIL_SIZES);
                view! {
                    <img class="feed-item__image" src=image.src.to_string() srcset=srcset
                        sizes=sizes alt=image.alt width="160" height="90" loading="lazy"
                        decoding="async"/>
                }
            })}
        </article>
    }
}
