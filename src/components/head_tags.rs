use crate::seo::{MetaKey, PageHead};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

/// A page's head tags, set as the app navigates: the same tags the pre-render writes.
#[component]
pub fn HeadTags(head: PageHead) -> impl IntoView {
    let meta = head
        .meta
        .into_iter()
        .map(|tag| match tag.key {
            MetaKey::Name(name) => view! { <Meta name content=tag.content/> },
            MetaKey::Property(property) => view! { <Meta property content=tag.content/> },
        })
        .collect_view();
    view! {
        <Title text=head.title/>
        <Link rel="canonical" href=head.canonical/>
        {meta}
        {head.json_ld.map(|json| view! { <Script type_="application/ld+json">{json}</Script> })}
    }
}
