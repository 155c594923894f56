use crate::model::Link;
use leptos::prelude::*;

/// Links to further stories, each with its optional kicker, shared by the context box and the
/// related-links block.
#[component]
pub fn LinkList(links: Vec<Link>) -> impl IntoView {
    view! {
        <ul class="link-list">
            {links.into_iter().map(|Link { title, url, kicker }| view! {
                <li>
                    <a href=url.to_string()>
                        {kicker.map(|k| view! { <span class="kicker">{k}</span> " " })}
                        <span class="link-list__title">{title}</span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
}
