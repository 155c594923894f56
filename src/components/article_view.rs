use super::{ArticleHeader, BodyBlock, Figure};
use crate::model::{text_direction, Article};
use crate::strings;
use leptos::prelude::*;

/// A whole article: header, hero and body, in the article's own language and direction.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let dir = text_direction(&article.language);
    let lang = article.language.clone();
    let hero = article.hero.clone();
    let tags = article.tags.clone();
    let body = article.body.clone();
    view! {
        <article class="article" lang=lang dir=dir>
            <ArticleHeader article/>
            {hero.map(|image| view! { <Figure image hero=true/> })}
            <div class="article__body">
                {body.into_iter().enumerate()
                    .map(|(index, block)| view! { <BodyBlock block index/> })
                    .collect_view()}
            </div>
            {(!tags.is_empty()).then(|| view! {
                <footer class="article__footer">
                    <h2 class="visually-hidden">{strings::TOPICS}</h2>
                    <ul class="tags">
                        {tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    </ul>
                </footer>
            })}
        </article>
    }
}
