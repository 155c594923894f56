use crate::model::Publication;
use crate::routes;
use crate::strings;
use leptos::prelude::*;

/// The masthead's name: ours, linking to All News; or, when the feed is another publisher's,
/// theirs, with their icon, linking to their home page (All News stays in the masthead's
/// navigation). The icon is decoration beside the name, sized so the masthead does not move.
/// One view for both, as each view type costs the app's download its own code.
#[component]
pub fn MastheadName(#[prop(default = None)] publication: Option<Publication>) -> impl IntoView {
    let (name, href, icon) = match publication {
        Some(p) => (p.title, p.home_page_url.map(|u| u.to_string()), p.icon),
        None => (strings::SITE_NAME.to_owned(), None, None),
    };
    view! {
        <a class="masthead__name" href=href.unwrap_or_else(|| routes::ALL_NEWS.to_owned())>
            {icon.map(|src| view! {
                <img class="masthead__icon" src=src.to_string() alt="" width="32" height="32"
                    decoding="async"/>
            })}
            <bdi>{name}</bdi>
        </a>
    }
}
