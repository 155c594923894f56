use crate::model::Inline;
use leptos::prelude::*;

/// A paragraph's runs of text, each with its emphasis and link. Links are already checked
/// (`SafeUrl`), and text is always set as text.
#[component]
pub fn InlineRuns(runs: Vec<Inline>) -> impl IntoView {
    runs.into_iter()
        .map(|run| view! { <InlineRun run/> })
        .collect_view()
}

#[component]
fn InlineRun(run: Inline) -> impl IntoView {
    let Inline {
        text,
        bold,
        italic,
        link,
    } = run;
    let text = match (bold, italic) {
        (true, true) => view! { <strong><em>{text}</em></strong> }.into_any(),
        (true, false) => view! { <strong>{text}</strong> }.into_any(),
        (false, true) => view! { <em>{text}</em> }.into_any(),
        (false, false) => text.into_any(),
    };
    match link {
        Some(url) if url.is_internal() => view! { <a href=url.to_string()>{text}</a> }.into_any(),
        Some(url) => {
            view! { <a href=url.to_string() rel="noopener noreferrer">{text}</a> }.into_any()
        }
        None => text,
    }
}
