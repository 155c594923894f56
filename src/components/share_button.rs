use crate::browser::{self, ShareOutcome};
use crate::strings;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shares the article: the system share sheet where there is one, otherwise the link is copied,
/// and the reader is told which happened.
#[component]
pub fn ShareButton(title: String, url: String) -> impl IntoView {
    let outcome = RwSignal::new(None::<ShareOutcome>);
    let link = url.clone();
    let on_click = move |_| {
        let (title, url) = (title.clone(), url.clone());
        spawn_local(async move { outcome.set(Some(browser::share(title, url).await)) });
    };
    view! {
        <div class="share needs-app" lang=strings::UI_LANGUAGE>
            <button type="button" class="button button--small" on:click=on_click>
                {strings::SHARE}
            </button>
            <span class="share__status" role="status">
                {move || match outcome.get() {
                    Some(ShareOutcome::Shared) => strings::SHARED.into_any(),
                    Some(ShareOutcome::Copied) => strings::LINK_COPIED.into_any(),
                    Some(ShareOutcome::Failed) => {
                        view! { {strings::SHARE_FAILED}" "<a href=link.clone()>{link.clone()}</a> }.into_any()
                    }
                    None => ().into_any(),
                }}
            </span>
        </div>
    }
}
