//! Fetching article data: each request has a timeout, and what may pass (a 5xx, a
//! timeout, a dropped connection) is retried with backoff a bounded number of times.
//! A 404 is an answer, not a fault: the article was withdrawn.
//!
//! Longer than 300 lines: the fetch with its timeout, retries and redirect check, the
//! data `embed.js` hands over, and the tests of what each error means.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use futures::future::{abortable, select, AbortHandle, Either, FutureExt};

use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::console::{describe, log_warning};
use super::in_flight::{self, InFlight};
use crate::model::Date;

/// How long one request may take, body included.
pub const TIMEOUT_MS: u32 = 6_000;
/// The waits before the second and third attempts.
const BACKOFF_MS: [u32; 2] = [500, 1_500];

/// Why article data could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No response at all: offline, DNS, CORS, a dropped connection.
    Network(String),
    /// No complete response within [`TIMEOUT_MS`].
    Timeout,
    /// The server answered with an error status.
    Status(u16),
    /// The response was not the JSON we expect: truncated, or another shape.
    Decode(String),
    /// The data is in a newer layout than this widget reads (`json::FORMAT`): a newer
    /// build published it, and reloading the page brings the widget that reads it.
    Newer(u64),
    /// The answer came from another origin than the one asked (a redirect): it is not
    /// used, whatever it holds.
    Redirected(String),
}

impl LoadError {
    /// Whether trying again may help: server errors, timeouts, dropped connections.
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Network(_) | LoadError::Timeout => true,
            LoadError::Status(status) => *status >= 500,
            LoadError::Decode(_) | LoadError::Newer(_) | LoadError::Redirected(_) => false,
        }
    }

    /// Whether the reader is, as far as we can tell, offline.
    pub fn is_offline(&self) -> bool {
        matches!(self, LoadError::Network(_) | LoadError::Timeout)
    }

    /// Whether the server says the data is gone (HTTP 404): an article withdrawn, a
    /// catalog page the catalog no longer has. A copy saved of it goes too, so that it is
    /// never shown again.
    pub fn is_withdrawn(&self) -> bool {
        *self == LoadError::Status(404)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(reason) => write!(f, "network error: {reason}"),
            LoadError::Timeout => write!(f, "no response within {} s", TIMEOUT_MS / 1000),
            LoadError::Status(404) => f.write_str("not found (HTTP 404)"),
            LoadError::Status(status) => write!(f, "the server answered HTTP {status}"),
            LoadError::Decode(reason) => write!(f, "invalid article data: {reason}"),
            LoadError::Redirected(origin) => {
                write!(f, "redirected to another origin ({origin}); not used")
            }
            LoadError::Newer(format) => write!(
                f,
                "data in layout {format}, newer than this widget's {}: reload to update the widget",
                crate::json::FORMAT
            ),
        }
    }
}

/// A response's body, and when it was saved if it is a saved copy: on the publisher's
/// page the service worker answers from its cache and marks its copies so.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    pub text: String,
    pub saved_on: Option<Date>,
}

thread_local! {
    /// The requests under way, by URL: twenty widgets of one page showing eight
    /// articles make eight requests, not twenty.
    static IN_FLIGHT: RefCell<InFlight<Result<Fetched, LoadError>>> =
        RefCell::new(InFlight::default());
}

/// Runs `load` on the page's event loop until it ends, or until the handle returned
/// aborts it. A load that the next page, mount or retry overtakes is aborted so that it
/// neither lands nor lives on: what it holds, its share of the network's request among
/// them, goes with it.
pub fn spawn_abortable(load: impl std::future::Future<Output = ()> + 'static) -> AbortHandle {
    let (running, handle) = abortable(load);
    wasm_bindgen_futures::spawn_local(async move {
        // An aborted load has nothing left to do.
        let _ = running.await;
    });
    handle
}

/// The body of `url` as text, retrying transient failures with backoff. Callers asking
/// for a URL already being fetched share that request and its outcome. A request that
/// no caller waits for any more, all of them dropped (their loads overtaken), stops.
pub async fn fetch_text(url: &str) -> Result<Fetched, LoadError> {
    in_flight::wait_for(&IN_FLIGHT, url, || {
        let url = url.to_owned();
        async move { fetch_with_retries(&url).await }.boxed_local()
    })
    .answer()
    .await
}

/// An article's data that `embed.js` fetched while the Wasm was loading, handed over
/// with the mount: the widget shows it without asking the network again.
#[derive(Debug, PartialEq, Eq)]
pub struct HandedOver {
    pub url: String,
    pub text: String,
}

/// What `embed.js` passes beside a widget's options: `{ url, data }`, where `data` is
/// the body it fetched (a string) or its request still under way (a promise of the body,
/// or of `null` when the response was not OK). A body is returned; a request under way
/// becomes the request for `url` that the widget's own [`fetch_text`] joins, so there is
/// one request either way. Anything for another URL than `expected_url` is ignored.
pub fn take_handover(value: &JsValue, expected_url: &str) -> Option<HandedOver> {
    let url = js_sys::Reflect::get(value, &JsValue::from_str("url"))
        .ok()?
        .as_string()?;
    if url != expected_url {
        return None;
    }
    let data = js_sys::Reflect::get(value, &JsValue::from_str("data")).ok()?;
    if let Some(text) = data.as_string() {
        return Some(HandedOver { url, text });
    }
    let pending = data.dyn_into::<js_sys::Promise>().ok()?;
    join(url, pending);
    None
}

/// Makes `pending`, a request for `url` made by `embed.js`, the one in flight for it.
/// Should it end without a body (an error status, a network fault) or take longer than
/// [`TIMEOUT_MS`], the widget's own request runs, with its retries and its reasons.
fn join(url: String, pending: js_sys::Promise) {
    // Not awaited here: the widget's own `fetch_text` for `url` joins it.
    let key = url.clone();
    drop(in_flight::request(&IN_FLIGHT, &key, move || {
        async move {
            let body = JsFuture::from(pending);
            let timeout = TimeoutFuture::new(TIMEOUT_MS);
            let text = match select(body, timeout).await {
                Either::Left((body, _)) => body.ok().and_then(|body| body.as_string()),
                Either::Right(_) => None,
            };
            match text {
                Some(text) => Ok(Fetched {
                    text,
                    saved_on: None,
                }),
                None => fetch_with_retries(&url).await,
            }
        }
        .boxed_local()
    }));
}

/// Makes `handed_over` the answer of the next request for its URL.
pub fn answer_with(handed_over: HandedOver) {
    let HandedOver { url, text } = handed_over;
    // Not awaited here: the widget's own `fetch_text` for the URL takes it.
    drop(in_flight::request(&IN_FLIGHT, &url, move || {
        futures::future::ready(Ok(Fetched {
            text,
            saved_on: None,
        }))
        .boxed_local()
    }));
}

async fn fetch_with_retries(url: &str) -> Result<Fetched, LoadError> {
    let mut attempt = 0;
    loop {
        let result = fetch_text_once(url).await;
        match result {
            Err(error) if error.is_transient() && attempt < BACKOFF_MS.len() => {
                log_warning(&format!("{url}: {error}; trying again"));
                TimeoutFuture::new(BACKOFF_MS[attempt]).await;
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// One GET of `url`, aborted after [`TIMEOUT_MS`].
async fn fetch_text_once(url: &str) -> Result<Fetched, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    let controller =
        web_sys::AbortController::new().map_err(|error| LoadError::Network(describe(&error)))?;
    let timed_out = Rc::new(Cell::new(false));
    // Dropping the timeout cancels it: it only fires while this request is running.
    let _timeout = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    // Dropped before its end, the request stops in the browser too: no caller waits for
    // it any more (see `fetch_text`). Once the body is read, aborting does nothing.
    let _abort_when_abandoned = AbortOnDrop(controller.clone());
    let fail = |error: wasm_bindgen::JsValue| {
        if timed_out.get() {
            LoadError::Timeout
        } else {
            LoadError::Network(describe(&error))
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(fail)?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| LoadError::Network("fetch returned no response".into()))?;
    if let Some(foreign) = foreign_origin(url, &response.url()) {
        return Err(LoadError::Redirected(foreign));
    }
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let saved_on = super::offline::saved_on(&response);
    let body = JsFuture::from(response.text().map_err(fail)?)
        .await
        .map_err(fail)?;
    Ok(Fetched {
        text: body.as_string().unwrap_or_default(),
        saved_on,
    })
}

/// The origin `answered` came from when it is not that of `asked` (resolved against the
/// page): a redirect to another origin, whose answer is never used.
fn foreign_origin(asked: &str, answered: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let asked = web_sys::Url::new_with_base(asked, &base).ok()?.origin();
    let answered = web_sys::Url::new(answered).ok()?.origin();
    (asked != answered).then_some(answered)
}

/// Aborts its request when dropped.
struct AbortOnDrop(web_sys::AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_failures_are_retried() {
        assert!(LoadError::Status(500).is_transient());
        assert!(LoadError::Status(503).is_transient());
        assert!(LoadError::Timeout.is_transient());
        assert!(LoadError::Network("reset".into()).is_transient());
        assert!(!LoadError::Status(404).is_transient());
        assert!(!LoadError::Status(403).is_transient());
        assert!(!LoadError::Decode("EOF".into()).is_transient());
    }

    #[test]
    fn only_not_found_means_withdrawn() {
        assert!(LoadError::Status(404).is_withdrawn());
        assert!(!LoadError::Status(410).is_withdrawn());
        assert!(!LoadError::Status(500).is_withdrawn());
        assert!(!LoadError::Network("offline".into()).is_withdrawn());
        assert!(!LoadError::Decode("EOF".into()).is_withdrawn());
    }

    #[test]
    fn offline_means_no_answer_at_all() {
        assert!(LoadError::Timeout.is_offline());
        assert!(LoadError::Network("offline".into()).is_offline());
        assert!(!LoadError::Status(500).is_offline());
    }
}
