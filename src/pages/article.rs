use crate::api::{self, ArticleSource, FetchError};
use crate::components::{ArticleSkeleton, ArticleView, BackToAllNews, LoadError, NotFoundNotice};
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
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    let cancel_in_flight = move || {
        in_flight.try_with_value(|c| c.as_ref().map(web_sys::AbortController::abort));
    };
    on_cleanup(cancel_in_flight);
    let article = LocalResource::new(move || {
        cancel_in_flight();
        let controller = web_sys::AbortController::new().ok();
        let cancel = controller.as_ref().map(web_sys::AbortController::signal);
        in_flight.set_value(controller);
        load_article(id.clone(), store.clone(), cancel)
    });
    view! {
        <Suspense fallback=ArticleSkeleton>
            {move || Suspend::new(async move {
                let article_or_error = article.await;
                // Whatever the answer, the app now has this page to show in place of the
                // pre-rendered one, if there is one.
                browser::take_over_prerendered_page();
                match article_or_error {
                    Ok(article) => {
                        // The head follows the article: the tags the pre-render writes.
                        browser::set_page_head(&seo::article_head(&article, &browser::page_origin()));
                        view! { <ArticleView article/> }.into_any()
                    }
                    Err(FetchError::NotFound) => {
                        browser::set_page_title(strings::NOT_FOUND_TITLE);
                        view! { <NotFoundNotice message=strings::ARTICLE_NOT_FOUND_TEXT/> }.into_any()
                    }
                    Err(error) => {
                        browser::set_page_title(strings::ERROR_TITLE);
                        view! {
                        <LoadError
                            message=error.message()
                            detail=error.detail()
                            on_retry=move || article.refetch()
                            page_heading=true
                        />
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
        <BackToAllNews/>
    }
}

/// Broadsheet's own stories come from their article documents; another publisher's item, which
/// has none, is built from the feed item itself.
async fn load_article(
    id: String,
    store: FeedStore,
    cancel: Option<web_sys::AbortSignal>,
) -> Result<Article, FetchError> {
    let known = store.loaded_item(&id);
    let document = known
        .as_ref()
        .and_then(|i| i.broadsheet.as_ref()?.article.clone());
    let source = match (&known, &document) {
        (_, Some(url)) => ArticleSource::Document(url),
        (Some(item), None) => return Ok(item.to_article()),
        (None, None) => ArticleSource::Id(&id),
    };
    match api::fetch_article(source, cancel).await {
        Err(FetchError::NotFound) => match store.find_item(&id).await {
            Some(item) if !item.has_article_document() => Ok(item.to_article()),
            _ => Err(FetchError::NotFound),
        },
        found => found,
    }
}
