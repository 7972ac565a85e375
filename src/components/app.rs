use std::cell::Cell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::article_page::ArticlePage;
use super::catalog_list::CatalogList;
use super::unavailable::Unavailable;
use crate::browser::network::HandedOver;
use crate::browser::{self, storage, LoadError, ReadingPlace};
use crate::browser::{network, offline};
use crate::config::WidgetConfig;
use crate::model::{Article, Audience, Catalog, Date};
use crate::preferences::{PreferencesAction, Theme};
use futures::future::{select, Either};
use wasm_bindgen::JsValue;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: WidgetConfig,
    /// The element the widget is mounted on, which receives its events. `None` parks
    /// the widget: it renders nothing and loads nothing until mounted again.
    #[prop_or_default]
    pub host: Option<Element>,
    /// Counts the mounts of this app, so that a remount with the same configuration
    /// still loads afresh and announces itself.
    #[prop_or_default]
    pub mount: u64,
    /// The configured article's data, fetched by `embed.js` while the Wasm was loading.
    /// A new app shows it in its first render: no loading state, no second request.
    #[prop_or_default]
    pub handed_over: Option<Rc<HandedOver>>,
}

/// What the widget has to show.
#[derive(Clone, PartialEq)]
pub enum Content {
    Catalog(Rc<Catalog>),
    Article(Rc<Article>),
}

/// Where the shown content came from.
#[derive(Clone, Copy, PartialEq)]
pub enum Freshness {
    /// From the network, or a saved copy being checked against it.
    Live,
    /// A saved copy, because the network failed: `offline` when nothing answered.
    Saved {
        saved_on: Option<Date>,
        offline: bool,
    },
}

#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Loaded(Content, Freshness),
    /// Offline, with no saved copy: it loads by itself once the reader is back online.
    Offline,
    Failed(LoadError),
}

const OFFLINE_MESSAGE: &str =
    "This article has not been saved on this device yet. It will open by itself when you are back online.";

const STORAGE_NOTICE: &str =
    "This browser does not let us save your choices, so they will last only until you leave this page.";

/// One widget: loads the catalog or an article and shows it, or says why it cannot.
/// It holds the reader's preferences, stores them, and follows the other widgets and
/// tabs that change them.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    // Decoded once, here; the loading effect's first run takes it to save it offline.
    let handed_over = use_mut_ref(|| {
        let data = props.handed_over.clone()?;
        let content = decode_article(&data.text).ok()?;
        Some((data, content))
    });
    let state = use_state(|| match &*handed_over.borrow() {
        Some((_, content)) => LoadState::Loaded(content.clone(), Freshness::Live),
        None => LoadState::Loading,
    });
    // Each retry bumps the attempt, which runs the loading effect again.
    let attempt = use_state(|| 0_u32);
    let preferences = use_reducer(storage::load);
    // `_eq`: every change of preferences sets it, nearly always to what it was; an
    // unchanged notice must not render the whole widget a second time.
    let storage_notice = use_state_eq(|| None::<AttrValue>);
    let root = use_node_ref();
    // Where the reader was before the audience changed, to keep their place after.
    let reading_place = use_mut_ref(|| None::<ReadingPlace>);
    // The article shown: the configured one at first, then where the reader browses
    // inside the widget. On the publisher's own page browsing follows the browser's
    // history; embedded, the widget keeps its own trail, with a Back button, and the
    // partner's URL is never touched. A trail belongs to the mount it was made in: a
    // parked app mounted again on another host starts from that host's configuration.
    let trail = use_state(|| None::<(u64, Vec<Option<String>>)>);
    let trail_here: &[Option<String>] = match &*trail {
        Some((mount, pages)) if *mount == props.mount => pages,
        _ => &[],
    };
    let article = match trail_here.last() {
        Some(slug) => slug.clone(),
        None => props.config.article.clone(),
    };
    let uses_history = props.config.canonical_base.is_none();
    let can_go_back = !uses_history && !trail_here.is_empty();
    // Set by a navigation, until the new page has focused its heading.
    let navigated = use_mut_ref(|| false);
    let onopen = {
        let trail = trail.clone();
        let navigated = navigated.clone();
        let mount = props.mount;
        let pages = trail_here.to_vec();
        Callback::from(move |slug: Option<String>| {
            // The browser's history does the going back on the publisher's page.
            let mut pages = if uses_history {
                browser::push_article_url(slug.as_deref());
                Vec::new()
            } else {
                pages.clone()
            };
            pages.push(slug);
            *navigated.borrow_mut() = true;
            trail.set(Some((mount, pages)));
        })
    };
    let onback = {
        let trail = trail.clone();
        let navigated = navigated.clone();
        let mount = props.mount;
        let pages = trail_here.to_vec();
        Callback::from(move |_: MouseEvent| {
            let mut pages = pages.clone();
            pages.pop();
            *navigated.borrow_mut() = true;
            trail.set(Some((mount, pages)));
        })
    };
    {
        let trail = trail.clone();
        let navigated = navigated.clone();
        let mount = props.mount;
        let follows_history = uses_history && props.host.is_some();
        use_effect_with((follows_history, mount), move |(follows_history, mount)| {
            let mount = *mount;
            let listener = follows_history
                .then(web_sys::window)
                .flatten()
                .map(|window| {
                    gloo::events::EventListener::new(&window, "popstate", move |_| {
                        *navigated.borrow_mut() = true;
                        trail.set(Some((mount, vec![browser::article_in_url()])));
                    })
                });
            move || drop(listener)
        });
    }
    {
        let root = root.clone();
        let navigated = navigated.clone();
        use_effect_with((*state).clone(), move |state| {
            // After an in-page navigation, focus goes to the new page's heading.
            if matches!(state, LoadState::Loaded(..)) && navigated.replace(false) {
                if let Some(root) = root.cast::<Element>() {
                    browser::focus_heading(&root);
                }
            }
        });
    }

    {
        let state = state.clone();
        let mut config = props.config.clone();
        config.article = article;
        let parked = props.host.is_none();
        let handed_over = handed_over.clone();
        use_effect_with((config.clone(), *attempt, props.mount, parked), move |_| {
            // A load that the next mount, retry or configuration overtakes must not
            // land: its cleanup below marks it stale.
            let stale = Rc::new(Cell::new(false));
            let cleanup = {
                let stale = stale.clone();
                move || stale.set(true)
            };
            // The first render showed the data `embed.js` handed over: it only remains
            // to save it, as a load does once it has shown the network's copy.
            if let Some((data, _)) = handed_over.borrow_mut().take() {
                if !parked {
                    wasm_bindgen_futures::spawn_local(async move {
                        offline::save(&data.url, &data.text).await;
                    });
                    return cleanup;
                }
            }
            state.set(LoadState::Loading);
            if parked {
                return cleanup;
            }
            let show = {
                let stale = stale.clone();
                move |next: LoadState| {
                    if !stale.get() {
                        state.set(next);
                    }
                }
            };
            wasm_bindgen_futures::spawn_local(async move {
                load(&config, &show).await;
            });
            cleanup
        });
    }

    // Every change of preferences, by this reader here or arriving from elsewhere,
    // goes through here. A change from another widget or tab may come while the reader
    // is deep in the body: note their place first. (A change made here comes from the
    // picker, which is in view above the body; reading the place would force a layout.)
    let onaction = {
        let dispatcher = preferences.dispatcher();
        let root = root.clone();
        let reading_place = reading_place.clone();
        Callback::from(move |action: PreferencesAction| {
            if matches!(action, PreferencesAction::Sync(_)) {
                *reading_place.borrow_mut() = root
                    .cast::<Element>()
                    .and_then(|root| browser::reading_place(&root));
            }
            dispatcher.dispatch(action);
        })
    };

    // This widget's link to the store, made once it is mounted.
    let subscription = use_mut_ref(|| None::<storage::Subscription>);
    {
        let onaction = onaction.clone();
        let subscription = subscription.clone();
        use_effect_with((), move |_| {
            *subscription.borrow_mut() =
                Some(storage::subscribe(onaction.reform(PreferencesAction::Sync)));
            move || drop(subscription.borrow_mut().take())
        });
    }
    {
        let storage_notice = storage_notice.clone();
        let subscription = subscription.clone();
        use_effect_with(*preferences, move |preferences| {
            let saved = subscription
                .borrow()
                .as_ref()
                .map(|link| link.save(preferences));
            let notice = matches!(saved, Some(Err(_))).then(|| AttrValue::from(STORAGE_NOTICE));
            storage_notice.set(notice);
        });
    }
    {
        let root = root.clone();
        let reading_place = reading_place.clone();
        use_effect_with(preferences.audience, move |_| {
            let place = reading_place.borrow_mut().take();
            if let (Some(place), Some(root)) = (place, root.cast::<Element>()) {
                browser::restore_reading_place(&root, &place);
            }
        });
    }

    // The host page hears of the widget through events on its host element.
    let shown_audience = match &*state {
        LoadState::Loaded(Content::Article(article), _) => {
            Some(preferences.effective_audience(props.config.audience, article.default_audience))
        }
        _ => None,
    };
    {
        let host = props.host.clone();
        let article = props.config.article.clone();
        // `ready` once per load, though a saved copy may show before the network's.
        let ready_sent = use_mut_ref(|| false);
        use_effect_with(state.clone(), move |state| {
            // Parking sets `Loading` too, so a remount announces itself again.
            if **state == LoadState::Loading {
                *ready_sent.borrow_mut() = false;
            }
            let Some(host) = host else {
                return;
            };
            let article = article.map_or(JsValue::NULL, |slug| JsValue::from_str(&slug));
            let error = |status: JsValue, message: String, reason: String| {
                browser::emit(
                    &host,
                    "error",
                    &[
                        ("article", article.clone()),
                        ("message", JsValue::from_str(&message)),
                        ("reason", JsValue::from_str(&reason)),
                        ("status", status),
                    ],
                );
            };
            match &**state {
                LoadState::Loading => {}
                LoadState::Loaded(..) if !*ready_sent.borrow() => {
                    *ready_sent.borrow_mut() = true;
                    // The closure is made in the render that loaded, so this is the
                    // audience shown then (none for the catalog).
                    let audience = shown_audience.map_or(JsValue::NULL, |audience| {
                        JsValue::from_str(audience.as_str())
                    });
                    browser::emit(
                        &host,
                        "ready",
                        &[("article", article.clone()), ("audience", audience)],
                    );
                }
                LoadState::Loaded(..) => {}
                LoadState::Offline => {
                    error(JsValue::NULL, OFFLINE_MESSAGE.into(), "offline".into())
                }
                LoadState::Failed(failure) => {
                    let status = match failure {
                        LoadError::Status(status) => JsValue::from(*status),
                        _ => JsValue::NULL,
                    };
                    error(status, reader_message(failure), failure.to_string());
                }
            }
        });
    }
    // Offline with nothing saved: load as soon as the browser is back online.
    {
        let attempt = attempt.clone();
        let is_offline = *state == LoadState::Offline;
        use_effect_with(is_offline, move |is_offline| {
            let listener = is_offline.then(web_sys::window).flatten().map(|window| {
                gloo::events::EventListener::once(&window, "online", move |_| {
                    attempt.set(*attempt + 1);
                })
            });
            move || drop(listener)
        });
    }
    {
        let host = props.host.clone();
        let previous = use_mut_ref(|| None::<Audience>);
        use_effect_with(shown_audience, move |shown| {
            let before = previous.replace(*shown);
            if let (Some(host), Some(before), Some(now)) = (host, before, *shown) {
                if before != now {
                    browser::emit(
                        &host,
                        "audience-change",
                        &[
                            ("audience", JsValue::from_str(now.as_str())),
                            ("previous", JsValue::from_str(before.as_str())),
                        ],
                    );
                }
            }
        });
    }

    let onclick = Callback::from(|event: MouseEvent| {
        browser::follow_fragment_link(&event);
    });
    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    if props.host.is_none() {
        return Html::default();
    }
    let content = match &*state {
        LoadState::Loading => html! {
            <p class="loading" role="status">{ "Loading article…" }</p>
        },
        LoadState::Failed(error) => html! {
            <Unavailable message={reader_message(error)} {onretry} />
        },
        LoadState::Offline => html! {
            <div class="panel offline" role="status">
                <h2>{ "You're offline" }</h2>
                <p>{ OFFLINE_MESSAGE }</p>
            </div>
        },
        LoadState::Loaded(Content::Catalog(catalog), _) => html! {
            <CatalogList
                catalog={(**catalog).clone()}
                canonical_base={props.config.canonical_base.clone().map(AttrValue::from)}
                onopen={onopen.clone()}
            />
        },
        LoadState::Loaded(Content::Article(article), _) => html! {
            <ArticlePage
                article={article.clone()}
                audience={preferences.effective_audience(props.config.audience, article.default_audience)}
                preferences={*preferences}
                {onaction}
                storage_notice={(*storage_notice).clone()}
                followup_url={props.config.followup_url.clone().map(AttrValue::from)}
                editorial_policy_url={props.config.editorial_policy_url.clone()}
                canonical_url={props.config.canonical_url(&article.slug).map(AttrValue::from)}
                canonical_base={props.config.canonical_base.clone().map(AttrValue::from)}
                onopen={onopen.clone()}
            />
        },
    };
    // The reader's theme, else the host page's, else the system's.
    let theme = match (preferences.theme, props.config.theme) {
        (Theme::Auto, Some(host_theme)) => host_theme,
        (theme, _) => theme,
    };
    let class = classes!(
        "article-widget",
        format!("text-{}", preferences.text_size.as_str()),
        format!("theme-{}", theme.as_str()),
    );
    let saved_banner = match &*state {
        LoadState::Loaded(_, Freshness::Saved { saved_on, offline }) => {
            let when = saved_on.map_or_else(
                || "earlier".to_owned(),
                |date| format!("on {}", date.long()),
            );
            let why = if *offline {
                "You're offline."
            } else {
                "The article server is not answering."
            };
            Some(format!("{why} Showing the copy saved {when}."))
        }
        _ => None,
    };
    html! {
        <div ref={root} {class} {onclick}>
            if let Some(banner) = saved_banner {
                <p class="note offline-banner" role="status">{ banner }</p>
            }
            if can_go_back {
                <button type="button" class="back" part="back" onclick={onback}>{ "Back" }</button>
            }
            { content }
        </div>
    }
}

/// Turns fetched or saved text into content.
type Decoder = fn(&str) -> Result<Content, LoadError>;

fn decode_article(text: &str) -> Result<Content, LoadError> {
    serde_json::from_str::<Article>(text)
        .map(|article| Content::Article(Rc::new(article)))
        .map_err(|error| LoadError::Decode(error.to_string()))
}

/// Loads the configured article or the catalog: a saved copy shows at once, then the
/// network's copy replaces it if it differs. When the network fails the saved copy
/// stays, marked as such; with no saved copy the reader is told they are offline or
/// what went wrong. A 404 means the article was withdrawn, and its copy is dropped.
/// Only data that decoded is ever saved.
async fn load(config: &WidgetConfig, show: &dyn Fn(LoadState)) {
    let (url, decode): (String, Decoder) = match &config.article {
        Some(slug) => (config.article_url(slug), decode_article),
        None => (config.catalog_url(), |text| {
            serde_json::from_str::<Catalog>(text)
                .map(|catalog| Content::Catalog(Rc::new(catalog)))
                .map_err(|error| LoadError::Decode(error.to_string()))
        }),
    };
    // The network and the saved copy are asked at once; whichever answers first shows
    // first. The saved copy only matters if it comes first or the network fails.
    let decode_saved = |copy: Option<offline::SavedCopy>| {
        copy.and_then(|copy| decode(&copy.text).ok().map(|content| (copy, content)))
    };
    let fetch = Box::pin(async {
        network::fetch_text(&url)
            .await
            .and_then(|fetched| decode(&fetched.text).map(|content| (fetched, content)))
    });
    let lookup = Box::pin(offline::load(&url));
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
            if let Some((_, content)) = &saved {
                show(LoadState::Loaded(content.clone(), Freshness::Live));
            }
            (fetch.await, saved)
        }
    };
    match (fetched, saved) {
        // Offline on the publisher's page, the service worker answers with its copy.
        (Ok((fetched, content)), _) if fetched.saved_on.is_some() && !browser::is_online() => {
            let freshness = Freshness::Saved {
                saved_on: fetched.saved_on,
                offline: true,
            };
            show(LoadState::Loaded(content, freshness));
        }
        (Ok((fetched, content)), saved) => {
            let unchanged = saved
                .as_ref()
                .is_some_and(|(copy, _)| copy.text == fetched.text);
            if !unchanged {
                show(LoadState::Loaded(content, Freshness::Live));
            }
            // After showing it: saving is off the reader's path.
            offline::save(&url, &fetched.text).await;
        }
        (Err(LoadError::Status(404)), _) => {
            browser::log_error(&format!("{url}: {}", LoadError::Status(404)));
            offline::forget(&url).await;
            show(LoadState::Failed(LoadError::Status(404)));
        }
        (Err(error), Some((copy, content))) => {
            browser::log_error(&format!("{url}: {error}; showing the saved copy"));
            let freshness = Freshness::Saved {
                saved_on: copy.saved_on,
                offline: error.is_offline(),
            };
            show(LoadState::Loaded(content, freshness));
        }
        (Err(error), None) => {
            browser::log_error(&format!("{url}: {error}"));
            show(if error.is_offline() {
                LoadState::Offline
            } else {
                LoadState::Failed(error)
            });
        }
    }
}

/// What a reader is told about a load failure; the technical reason goes to the console.
pub fn reader_message(error: &LoadError) -> String {
    match error {
        LoadError::Status(404) => {
            "We could not find this article. It may have been withdrawn, or the link may be wrong."
                .into()
        }
        LoadError::Status(_) => {
            "The article server had a problem. Please try again in a moment.".into()
        }
        LoadError::Network(_) | LoadError::Timeout => {
            "We could not reach the article server. Check your connection and try again.".into()
        }
        LoadError::Decode(_) => "The article arrived damaged. Please try again.".into(),
    }
}
