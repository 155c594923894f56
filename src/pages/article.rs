use super::load::Load;
use crate::api::{self, ArticleSource, FetchError};
use crate::components::{
    ArticleSkeleton, ArticleView, BackToAllNews, LoadError, NotFoundNotice, RefreshNotice,
    ShareButton,
};
use crate::model::Article;
use crate::pages::FeedStore;
use crate::seo;
use crate::{browser, strings};
use leptos::prelude::*;

/// One article, fetched by the id in the address.
#[component]
pub fn ArticlePage(id: String) -> impl IntoView {
    let store = expect_context::<FeedStore>();
    // The request in flight, cancelled when the reader moves to another article or page.
    let in_flight = StoredValue::new_local(None::<browser::Cancel>);
    let cancel_in_flight = move || {
        in_flight.try_with_value(|c| c.as_ref().map(browser::Cancel::cancel));
    };
    on_cleanup(cancel_in_flight);
    let article = Load::new(move || {
        cancel_in_flight();
        let cancel = browser::Cancel::new();
        in_flight.set_value(cancel.clone());
        let (id, known) = (id.clone(), store.loaded_item(&id));
        async move { api::fetch_article_by_id(&id, known, cancel).await }
    });
    view! {
        {move || match article.answer() {
            None => ArticleSkeleton().into_any(),
            Some(Ok((article, publication))) => {
                // The head follows the article: the tags the pre-render writes.
                browser::set_page_head(&seo::article_head(&article, &browser::page_origin()));
                super::show_publication(publication);
                view! { <ArticleView article/> }.into_any()
            }
            Some(Err(FetchError::NotFound)) => {
                browser::set_page_title(strings::NOT_FOUND_TITLE);
                view! { <NotFoundNotice message=strings::ARTICLE_NOT_FOUND_TEXT/> }.into_any()
            }
            Some(Err(error)) => {
                browser::set_page_title(strings::ERROR_TITLE);
                view! {
                    <LoadError
                        message=error.message()
                        detail=error.detail()
                        on_retry=move || article.ask()
                        page_heading=true
                    />
                }
                .into_any()
            }
        }}
        <BackToAllNews/>
    }
}

/// An article as the pre-render drew it, taken over where it stands: its Share button works,
/// its times are the reader's, and at the reader's first action the app asks whether the
/// story has changed since the page was made. A newer version takes the article's place; a
/// story removed since says so; a request that fails leaves the article as it is, with a quiet
/// notice and Retry.
#[component]
pub fn AdoptedArticlePage(id: String, article: Article, document: String) -> impl IntoView {
    let share = view! { <ShareButton title=article.headline.clone() url=article.url.to_string()/> };
    browser::replace_with_view("#main .share", share);
    browser::relabel_times_in_main();
    let error = RwSignal::new(None::<FetchError>);
    let owner = Owner::current().unwrap_or_default();
    // The document as the page shows it: an answer with the same text has nothing new.
    let shown = StoredValue::new(document);
    // The reader may have left the page by the time the answer comes (their first action can
    // be the click that leaves): then the answer is for nobody.
    let check = move || {
        let (id, owner) = (id.clone(), owner.clone());
        let _ = error.try_set(None);
        leptos::task::spawn_local(async move {
            let latest = api::fetch_article_document(ArticleSource::Id(&id), None).await;
            let Some(shown_now) = shown.try_get_value() else {
                return;
            };
            let latest = match latest {
                Ok(text) if text == shown_now => return,
                Ok(text) => api::parse_article(&text).map(|article| (article, text)),
                Err(failure) => Err(failure),
            };
            owner.with(|| match latest {
                Ok((article, text)) => {
                    shown.set_value(text);
                    browser::replace_with_view(
                        "#main article.article",
                        view! { <ArticleView article/> },
                    );
                    browser::relabel_times_in_main();
                }
                Err(FetchError::NotFound) => browser::replace_with_view(
                    "#main article.article",
                    view! {
                        <NotFoundNotice
                            title=strings::ARTICLE_REMOVED_TITLE
                            message=strings::ARTICLE_REMOVED_TEXT
                        />
                    },
                ),
                Err(failure) => {
                    let _ = error.try_set(Some(failure));
                }
            });
        });
    };
    let retry = check.clone();
    browser::prepend_to_main(move || {
        error.get().map(|e| {
            let retry = retry.clone();
            view! { <RefreshNotice message=e.message() detail=e.detail() on_retry=move || retry()/> }
        })
    });
    browser::on_first_action(check);
}
