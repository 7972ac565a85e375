//! The hook that loads the page shown: the network and this device's saved copy are
//! asked at once, and [`settle`] decides what the reader sees.

use std::rc::Rc;

use futures::future::{select, AbortHandle, Either};
use gloo::timers::future::TimeoutFuture;
use yew::prelude::*;

use super::host::Host;
#[cfg(shows_catalog)]
use super::load::decode_catalog;
use super::load::{decode_article, early, settle, Answer, Content, Freshness, Keeping, LoadState};
use crate::browser::console::log_error;
use crate::browser::network::{self, HandedOver};
use crate::browser::{offline, page, LoadError};
use crate::config::{Page, WidgetConfig};

/// What loading gives the app.
pub struct ArticleLoad {
    pub state: LoadState,
    /// Loads the page again ("Try again").
    pub onretry: Callback<()>,
}

/// Loads `page` whenever it, the configuration or the mount changes, or the reader asks
/// again. The data `embed.js` handed over shows a task or two after the first render
/// ([`show_handed_over`]); offline with nothing saved, it loads again by itself once the
/// browser is back online.
#[hook]
pub fn use_article_load(
    config: &WidgetConfig,
    shown: &Page,
    host: &Host,
    mount: u64,
    handed_over: Option<Rc<HandedOver>>,
) -> ArticleLoad {
    // The loading effect's first run takes it, to show it and save it offline.
    let handed_over = use_mut_ref(move || handed_over);
    let state = use_state(|| LoadState::Loading);
    // Each retry bumps the attempt, which runs the loading effect again.
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        // The article-only Wasm loads no catalog: the full app will show it
        // (`use_catalog_handoff`), and this one says "Loading" meanwhile.
        let parked = *host == Host::Parked || (!cfg!(shows_catalog) && *shown == Page::Catalog);
        let url = config.data_url_of(shown);
        let decode: Decoder = match shown {
            #[cfg(shows_catalog)]
            Page::Catalog => decode_catalog,
            // Never loaded here (see `parked`): no catalog decoder in the article-only Wasm.
            #[cfg(not(shows_catalog))]
            Page::Catalog => decode_article,
            Page::Article(_) => decode_article,
        };
        use_effect_with(
            (url, *attempt, mount, parked),
            move |(url, _, _, parked)| {
                let handed_over = handed_over.borrow_mut().take();
                let running = match handed_over {
                    Some(data) if !parked => {
                        let url = url.clone();
                        Some(network::spawn_abortable(async move {
                            show_handed_over(&data, &url, decode, &move |next| state.set(next))
                                .await;
                        }))
                    }
                    _ => {
                        state.set(LoadState::Loading);
                        (!parked)
                            .then(|| spawn_load(url.clone(), decode, move |next| state.set(next)))
                    }
                };
                // A load that the next mount, retry or page overtakes, or that parking
                // ends, must not land, nor live on: it ends here, and what it holds (the
                // saved copy it showed, its share of the network's request) goes with
                // it. Else a widget mounted and unmounted faster than the network
                // answers keeps one load per mount alive until it does, and memory's
                // high-water mark follows the network's speed. Saving or forgetting
                // the copy, which it would still have done, is the next load's to do.
                move || {
                    if let Some(handle) = running {
                        handle.abort();
                    }
                }
            },
        );
    }
    // Offline with nothing saved: load as soon as the browser is back online.
    {
        let attempt = attempt.clone();
        use_effect_with(*state == LoadState::Offline, move |is_offline| {
            let listener = is_offline
                .then(|| page::when_online(move || attempt.set(*attempt + 1)))
                .flatten();
            move || drop(listener)
        });
    }
    let onretry = Callback::from(move |()| attempt.set(*attempt + 1));
    ArticleLoad {
        state: (*state).clone(),
        onretry,
    }
}

/// Turns fetched or saved text into content.
type Decoder = fn(&str) -> Result<Content, LoadError>;

/// Shows the data `embed.js` handed over, as a load shows the network's answer: decoded
/// in a task of its own and drawn in the next, so that neither lengthens the task that
/// mounts the widget (a long task on a phone), then saved for offline reading. Data
/// that does not decode is asked for again, as any load asks.
async fn show_handed_over(data: &HandedOver, url: &str, decode: Decoder, show: &dyn Fn(LoadState)) {
    TimeoutFuture::new(0).await;
    match decode(&data.text) {
        Ok(content) => {
            TimeoutFuture::new(0).await;
            show(LoadState::Loaded(content, Freshness::Live));
            offline::save(&data.url, &data.text).await;
        }
        Err(_) => load(url, decode, show).await,
    }
}

/// Runs [`load`] until it ends, or until the handle returned aborts it.
fn spawn_load(url: String, decode: Decoder, show: impl Fn(LoadState) + 'static) -> AbortHandle {
    network::spawn_abortable(async move { load(&url, decode, &show).await })
}

/// Asks the network and the saved copy at once; whichever answers first shows first.
/// The saved copy only matters if it comes first or the network fails.
async fn load(url: &str, decode: Decoder, show: &dyn Fn(LoadState)) {
    let answer = |text: String, saved_on| {
        decode(&text).map(|content| Answer {
            text,
            saved_on,
            content,
        })
    };
    let decode_saved = |copy: Option<offline::SavedCopy>| {
        copy.and_then(|copy| answer(copy.text, copy.saved_on).ok())
    };
    let fetch = Box::pin(async {
        network::fetch_text(url)
            .await
            .and_then(|fetched| answer(fetched.text, fetched.saved_on))
    });
    let lookup = Box::pin(offline::load(url));
    let (fetched, saved) = match select(fetch, lookup).await {
        Either::Left((fetched, lookup)) => {
            let saved = match fetched {
                Ok(_) => None,
                Err(_) => decode_saved(lookup.await),
            };
            (fetched, saved)
        }
        Either::Right((copy, fetch)) => {
            let saved = decode_saved(copy);
            if let Some(state) = early(saved.as_ref()) {
                show(state);
            }
            (fetch.await, saved)
        }
    };
    let settled = settle(fetched, saved, page::is_online());
    if let Some(problem) = &settled.problem {
        let fallback = match &settled.show {
            Some(LoadState::Loaded(..)) => "; showing the saved copy",
            _ => "",
        };
        log_error(&format!("{url}: {problem}{fallback}"));
    }
    // A withdrawn article's copy goes before the reader is told; saving comes after
    // showing, off the reader's path.
    if settled.keeping == Keeping::Forget {
        offline::forget(url).await;
    }
    if let Some(state) = settled.show {
        // Drawn a task after the decode, not in the same one: on a phone each is long
        // enough to delay a reader's tap.
        TimeoutFuture::new(0).await;
        show(state);
    }
    if let Keeping::Save(text) = settled.keeping {
        offline::save(url, &text).await;
    }
}
