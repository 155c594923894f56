//! The browser's half of fetching: one GET, with a deadline and a way to call it off. What to
//! fetch, and what an answer means to the reader, is `crate::api`'s.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// Why a request got no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// Offline, DNS, CORS, a connection reset, or a body cut off.
    Network,
    TimedOut,
    /// Called off with its [`Cancel`].
    Cancelled,
}

/// What a GET brought back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// A success (2xx): the body's text, and the URL it finally came from, after redirects
    /// (empty where the browser does not say).
    Text { text: String, url: String },
    /// Any other status. Its body is not read: an error page is of no use to us, and waiting
    /// for it could only turn a clear status into a timeout.
    Status(u16),
}

/// Calls off the requests it is given to: the reader went elsewhere before the answer came.
#[derive(Clone)]
pub struct Cancel(web_sys::AbortController);

impl Cancel {
    pub fn new() -> Option<Cancel> {
        web_sys::AbortController::new().ok().map(Cancel)
    }

    pub fn cancel(&self) {
        self.0.abort();
    }
}

/// GETs `url`, giving up after `timeout_ms` or when `cancel` is called off.
pub async fn get(url: &str, cancel: Option<&Cancel>, timeout_ms: u32) -> Result<Answer, Stopped> {
    let cancel = cancel.map(|c| c.0.signal());
    let window = web_sys::window().ok_or(Stopped::Network)?;
    let deadline = Deadline::new(&window, cancel.as_ref(), timeout_ms).ok_or(Stopped::Network)?;
    let stopped = || {
        if cancel.as_ref().is_some_and(AbortSignal::aborted) {
            Stopped::Cancelled
        } else if deadline.timeout.aborted() {
            Stopped::TimedOut
        } else {
            Stopped::Network
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&deadline.signal));
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| stopped())?
        .unchecked_into();
    let status = response.status();
    if !(200..=299).contains(&status) {
        return Ok(Answer::Status(status));
    }
    let url = response.url();
    let text = JsFuture::from(response.text().map_err(|_| stopped())?)
        .await
        .map_err(|_| stopped())?
        .as_string()
        .unwrap_or_default();
    Ok(Answer::Text { text, url })
}

/// What abandons a request: `signal` fires after the time allowed or when the reader's
/// cancel signal does, and `timeout` only when the time is up. Browsers without
/// `AbortSignal.timeout` or `AbortSignal.any` (Safari before 17.4, Firefox before 124)
/// would throw on them and never fetch; there a timer and a listener abort controllers
/// instead, and are undone on drop, so nothing fires into a request that has ended.
struct Deadline {
    signal: AbortSignal,
    timeout: AbortSignal,
    timer: Option<(i32, Closure<dyn FnMut()>)>,
    follower: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl Deadline {
    fn new(
        window: &web_sys::Window,
        cancel: Option<&AbortSignal>,
        timeout_ms: u32,
    ) -> Option<Self> {
        let mut timer = None;
        let timeout = if abort_signal_has("timeout") {
            AbortSignal::timeout_with_u32(timeout_ms)
        } else {
            let (controller, abort) = aborter()?;
            let id = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    abort.as_ref().unchecked_ref(),
                    timeout_ms as i32,
                )
                .ok()?;
            timer = Some((id, abort));
            controller.signal()
        };
        let mut follower = None;
        let signal = match cancel {
            None => timeout.clone(),
            Some(cancel) if abort_signal_has("any") => {
                AbortSignal::any(&js_sys::Array::of2(&timeout, cancel))
            }
            Some(cancel) => {
                let (controller, abort) = aborter()?;
                for source in [&timeout, cancel] {
                    let _ = source
                        .add_event_listener_with_callback("abort", abort.as_ref().unchecked_ref());
                }
                if cancel.aborted() {
                    controller.abort();
                }
                follower = Some((cancel.clone(), abort));
                controller.signal()
            }
        };
        Some(Deadline {
            signal,
            timeout,
            timer,
            follower,
        })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some((id, _)), Some(window)) = (&self.timer, web_sys::window()) {
            window.clear_timeout_with_handle(*id);
        }
        if let Some((cancel, abort)) = &self.follower {
            for source in [&self.timeout, cancel] {
                let _ = source
                    .remove_event_listener_with_callback("abort", abort.as_ref().unchecked_ref());
            }
        }
    }
}

/// A fresh controller, and a callback that aborts it.
fn aborter() -> Option<(web_sys::AbortController, Closure<dyn FnMut()>)> {
    let controller = web_sys::AbortController::new().ok()?;
    let abort = controller.clone();
    Some((controller, Closure::new(move || abort.abort())))
}

/// Whether this browser's `AbortSignal` has the static method `name`: a question of
/// presence, which web-sys cannot ask without calling it.
fn abort_signal_has(name: &str) -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("AbortSignal"))
        .and_then(|class| js_sys::Reflect::has(&class, &JsValue::from_str(name)))
        .unwrap_or(false)
}
