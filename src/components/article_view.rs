use super::{ArticleHeader, Attachments, BodyBlock, Figure};
use crate::model::{text_direction, Article, Block, HeadingLevel};
use crate::{routes, strings};
use leptos::prelude::*;

/// A whole article: header, hero and body, in the article's own language and direction.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let dir = text_direction(&article.language);
    let lang = article.language.clone();
    let hero = article.hero.clone();
    let tags = article.tags.clone();
    let (attachments, item_title) = (article.attachments.clone(), article.headline.clone());
    // A link post is about another page: the reader is told whose before they follow it.
    let external = article.external_url.clone().map(|url| {
        let host = url.host().map_or_else(|| url.to_string(), str::to_owned);
        view! {
            <p class="article__external">
                <a href=url.to_string() rel="noopener noreferrer">
                    <span lang=strings::UI_LANGUAGE>{strings::READ_AT}</span>" "<bdi>{host}</bdi>
                </a>
            </p>
        }
    });
    let body = close_heading_gaps(article.body.clone());
    view! {
        <article class="article" lang=lang dir=dir>
            <ArticleHeader article/>
            {hero.map(|image| view! { <Figure image hero=true/> })}
            {external}
            {(!attachments.is_empty()).then(|| view! { <Attachments attachments item_title/> })}
            <div class="article__body">
                {body.into_iter().enumerate()
                    .map(|(index, block)| view! { <BodyBlock block index/> })
                    .collect_view()}
            </div>
            {(!tags.is_empty()).then(|| view! {
                <footer class="article__footer">
                    <h2 class="visually-hidden">{strings::TOPICS}</h2>
                    <ul class="tags">
                        {tags.into_iter().map(|t| view! {
                            <li><a href=routes::tag(&t)>{t.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                </footer>
            })}
        </article>
    }
}

/// Heading levels never skip: a screen reader's outline with an `h3` straight under the headline
/// suggests a missing section. Each heading is at most one level below the one before it; the
/// context and related boxes are headed `h2`. Other publishers' HTML often starts at `h3`.
fn close_heading_gaps(body: Vec<Block>) -> Vec<Block> {
    use HeadingLevel::{H2, H3, H4};
    let mut deepest = H2;
    body.into_iter()
        .map(|block| match block {
            Block::Heading { level, text } => {
                let level = match (level, deepest) {
                    (H2, _) | (_, H2) => H2,
                    (H3, _) | (_, H3) => H3,
                    (H4, H4) => H4,
                };
                deepest = if level == H2 { H3 } else { H4 };
                Block::Heading { level, text }
            }
            Block::Context { .. } | Block::Related { .. } => {
                deepest = H3;
                block
            }
            other => other,
        })
        .collect()
}
