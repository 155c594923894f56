use super::{Byline, SaveButton, ShareButton};
use crate::model::Article;
use leptos::prelude::*;

/// Kicker, headline, standfirst and byline: what a reader scans before deciding to read on.
#[component]
pub fn ArticleHeader(article: Article) -> impl IntoView {
    let reading_minutes = article.reading_minutes();
    let Article {
        url,
        headline,
        standfirst,
        section,
        authors,
        published,
        modified,
        ..
    } = article;
    let share_title = headline.clone();
    view! {
        <header class="article__header">
            <p class="kicker">{section}</p>
            <h1 class="article__headline" tabindex="-1">{headline}</h1>
            {standfirst.map(|s| view! { <p class="article__standfirst">{s}</p> })}
            <Byline authors published modified reading_minutes/>
            <ShareButton title=share_title url=url.to_string()/>
            <SaveButton/>
        </header>
    }
}
