//! A document a page asks for, as a signal: nothing yet, then the answer. It is all a page that
//! loads one document needs, and much lighter than a resource under `<Suspense>`, whose async
//! machinery (async-derived signals, transitions, suspense boundaries) every reader would
//! download. Pages match on [`Load::answer`]: `None` draws the skeleton.

use crate::api::FetchError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

type Fetch<T> = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, FetchError>>>>>;

pub struct Load<T: Send + Sync + 'static> {
    answer: RwSignal<Option<Result<T, FetchError>>>,
    /// How many times it was asked: an answer to an older request than the latest is dropped.
    asked: StoredValue<u32>,
    fetch: StoredValue<Fetch<T>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// Asks `fetch` now; [`Load::ask`] asks again (Retry).
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, FetchError>> + 'static,
    {
        let load = Self::waiting(fetch);
        load.ask();
        load
    }

    /// Not asked yet: [`Load::ask`] fetches it, or [`Load::adopt`] gives it an answer.
    pub fn waiting<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, FetchError>> + 'static,
    {
        let fetch: Fetch<T> = Box::new(move || Box::pin(fetch()));
        Load {
            answer: RwSignal::new(None),
            asked: StoredValue::new(0),
            fetch: StoredValue::new_local(fetch),
        }
    }

    /// Asks for the document (again): the answer is `None` until it comes.
    pub fn ask(&self) {
        let (answer, asked) = (self.answer, self.asked);
        asked.update_value(|n| *n += 1);
        let this_time = asked.get_value();
        answer.set(None);
        let Some(future) = self.fetch.try_with_value(|fetch| fetch()) else {
            return;
        };
        spawn_local(async move {
            let got = future.await;
            if asked.try_get_value() == Some(this_time) {
                let _ = answer.try_set(Some(got));
            }
        });
    }

    /// Takes an answer that came another way (a document the page carried).
    pub fn adopt(&self, value: T) {
        self.answer.set(Some(Ok(value)));
    }

    /// The answer, tracked: `None` while it is on its way.
    pub fn answer(&self) -> Option<Result<T, FetchError>> {
        self.answer.get()
    }

    /// Reads the answer without tracking it.
    pub fn with_answer<R>(&self, f: impl FnOnce(&Option<Result<T, FetchError>>) -> R) -> R {
        self.answer.with_untracked(f)
    }
}
