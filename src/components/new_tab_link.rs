use crate::strings;
use leptos::prelude::*;

/// A link out of a partner's embed to the full page on Broadsheet. It opens in a new tab, so
/// the partner's page stays where the reader left it; `noopener` keeps the new tab from
/// reaching back into the embed. Screen readers hear that a tab will open.
#[component]
pub fn NewTabLink(
    href: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <a href=href class=class target="_blank" rel="noopener">
            {children()}
            <span class="visually-hidden">" " {strings::OPENS_IN_NEW_TAB}</span>
        </a>
    }
}
