use crate::model::{QuoteKind, SafeUrl};
use leptos::prelude::*;

/// A quotation set apart from the text. The attribution sits outside the `blockquote`, in the
/// figure's caption, as the HTML standard asks: it is not part of what was said.
#[component]
pub fn Quote(
    text: String,
    attribution: Option<String>,
    cite_url: Option<SafeUrl>,
    kind: QuoteKind,
) -> impl IntoView {
    let class = match kind {
        QuoteKind::Block => "quote",
        QuoteKind::Pull => "quote quote--pull",
    };
    let cite = cite_url.map(|u| u.to_string());
    view! {
        <figure class=class>
            <blockquote cite=cite>
                <p>{text}</p>
            </blockquote>
            {attribution.map(|who| view! {
                <figcaption class="quote__attribution"><cite>{who}</cite></figcaption>
            })}
        </figure>
    }
}
