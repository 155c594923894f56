use crate::model::Publication;
use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// The masthead's name: ours, linking to All News; or, when the feed is another publisher's,
/// theirs, with their icon, linking to their home page (All News stays in the masthead's
/// navigation). The icon is decoration beside the name, sized so the masthead does not move.
#[component]
pub fn MastheadName(#[prop(default = None)] publication: Option<Publication>) -> impl IntoView {
    let Some(Publication {
        title,
        home_page_url,
        icon,
    }) = publication
    else {
        return view! { <a class="masthead__name" href=routes::ALL_NEWS>{strings::SITE_NAME}</a> }
            .into_any();
    };
    let href = home_page_url.map_or_else(|| routes::ALL_NEWS.to_owned(), |u| u.to_string());
    view! {
        <a class="masthead__name masthead__name--publication" href=href>
            {icon.map(|src| view! {
                <img class="masthead__icon" src=src.to_string() alt="" width="32" height="32"
                    decoding="async"/>
            })}
            <bdi>{title}</bdi>
        </a>
    }
    .into_any()
}
