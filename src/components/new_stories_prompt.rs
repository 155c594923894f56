use crate::strings;
use leptos::prelude::*;

/// Offers the stories published since the reader loaded the feed, instead of moving the list
/// under them. The count is announced politely; the stories come only when asked for.
#[component]
pub fn NewStoriesPrompt(count: Signal<usize>, on_show: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="new-stories" role="status">
            <button
                type="button"
                class="button new-stories__button"
                hidden=move || count.get() == 0
                on:click=move |_| on_show()
            >
                {move || strings::new_stories(count.get())}
            </button>
        </div>
    }
}
