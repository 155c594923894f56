use super::TimeTag;
use crate::model::{text_direction, Author, Timestamp};
use crate::strings;
use leptos::prelude::*;

/// Who wrote it, when it was published and last updated, and how long it takes to read. Names
/// are set apart (`bdi`), as a name may run in either direction; the interface's sentences keep
/// the interface's direction inside an article of the other, each on its own line.
#[component]
pub fn Byline(
    authors: Vec<Author>,
    published: Option<Timestamp>,
    modified: Option<Timestamp>,
    reading_minutes: usize,
) -> impl IntoView {
    let count = authors.len();
    let names = authors
        .into_iter()
        .enumerate()
        .map(|(i, Author { name, url, avatar })| {
            let separator = match (i, count - i) {
                (0, _) => "",
                (_, 1) => " and ",
                _ => ", ",
            };
            let name = match url {
                Some(url) => view! { <a rel="author" href=url.to_string()>{name}</a> }.into_any(),
                None => name.into_any(),
            };
            // Decoration: the name beside it says who it is. Its size is set, so the byline
            // does not move when it arrives.
            let avatar = avatar.map(|src| {
                view! {
                    <img class="byline__avatar" src=src.to_string() alt="" width="24" height="24"
                        loading="lazy" decoding="async"/>
                }
            });
            view! { {separator}<bdi class="byline__author">{avatar}{name}</bdi> }
        })
        .collect_view();
    let modified = modified.filter(|m| published.is_none_or(|p| *m > p));
    let dir = text_direction(strings::UI_LANGUAGE);
    view! {
        <div class="byline">
            {(count > 0).then(|| view! {
                <p class="byline__authors"><span lang=strings::UI_LANGUAGE>{strings::BY}</span>" "{names}</p>
            })}
            <p class="byline__dates" lang=strings::UI_LANGUAGE>
                {published.map(|at| view! { <span dir=dir>{strings::PUBLISHED}" "<TimeTag at/></span> })}
                {modified.map(|m| view! { <span dir=dir>{strings::UPDATED}" "<TimeTag at=m/></span> })}
                <span class="byline__reading-time" dir=dir>{format!("{reading_minutes} {}", strings::MIN_READ)}</span>
            </p>
        </div>
    }
}
