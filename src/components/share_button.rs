use crate::browser::{self, ShareOutcome};
use crate::model::text_direction;
use crate::strings;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the reader copies the link by hand when the browser can neither share nor copy it.
const COPY_FIELD_CLASS: &str = "share__link";

/// Shares the article: the system share sheet where there is one, otherwise the link is copied,
/// and the reader is told which happened. Where neither works, the link waits in a field,
/// selected, for the reader to copy.
#[component]
pub fn ShareButton(title: String, url: String) -> impl IntoView {
    let outcome = RwSignal::new(None::<ShareOutcome>);
    let link = url.clone();
    let on_click = move |_| {
        let (title, url) = (title.clone(), url.clone());
        spawn_local(async move {
            let shared = browser::share(title, url).await;
            outcome.set(Some(shared));
            if shared == ShareOutcome::Failed {
                browser::select_field_after_layout(format!(".{COPY_FIELD_CLASS}"));
            }
        });
    };
    view! {
        <div class="share needs-app" lang=strings::UI_LANGUAGE dir=text_direction(strings::UI_LANGUAGE)>
            <button type="button" class="button button--small" on:click=on_click>
                {strings::SHARE}
            </button>
            <span class="share__status" role="status">
                {move || match outcome.get() {
                    Some(ShareOutcome::Shared) => strings::SHARED.into_any(),
                    Some(ShareOutcome::Copied) => strings::LINK_COPIED.into_any(),
                    Some(ShareOutcome::Failed) => view! {
                        <label>
                            {strings::SHARE_FAILED}" "
                            // An address reads left to right in every script.
                            <input class=COPY_FIELD_CLASS type="text" readonly dir="ltr"
                                value=browser::absolute_link(&link)/>
                        </label>
                    }
                    .into_any(),
                    None => ().into_any(),
                }}
            </span>
        </div>
    }
}
