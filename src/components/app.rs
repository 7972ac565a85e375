use std::cell::Cell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::article_page::ArticlePage;
use super::catalog_list::CatalogList;
use super::unavailable::Unavailable;
use crate::browser::{self, storage, LoadError, ReadingPlace};
use crate::config::WidgetConfig;
use crate::model::{Article, Audience, Catalog};
use crate::preferences::{PreferencesAction, Theme};
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
}

/// What the widget has to show.
#[derive(Clone, PartialEq)]
pub enum Content {
    Catalog(Rc<Catalog>),
    Article(Rc<Article>),
}

#[derive(Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Loaded(Content),
    Failed(LoadError),
}

const STORAGE_NOTICE: &str =
    "This browser does not let us save your choices, so they will last only until you leave this page.";

/// One widget: loads the catalog or an article and shows it, or says why it cannot.
/// It holds the reader's preferences, stores them, and follows the other widgets and
/// tabs that change them.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_state(|| LoadState::Loading);
    // Each retry bumps the attempt, which runs the loading effect again.
    let attempt = use_state(|| 0_u32);
    let preferences = use_reducer(storage::load);
    let storage_notice = use_state(|| None::<AttrValue>);
    let root = use_node_ref();
    // Where the reader was before the audience changed, to keep their place after.
    let reading_place = use_mut_ref(|| None::<ReadingPlace>);

    {
        let state = state.clone();
        let config = props.config.clone();
        let parked = props.host.is_none();
        use_effect_with(
            (props.config.clone(), *attempt, props.mount, parked),
            move |_| {
                state.set(LoadState::Loading);
                // A load that the next mount, retry or configuration overtakes must not
                // land: its cleanup below marks it stale.
                let stale = Rc::new(Cell::new(false));
                let cleanup = {
                    let stale = stale.clone();
                    move || stale.set(true)
                };
                if parked {
                    return cleanup;
                }
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match &config.article {
                        Some(slug) => browser::fetch_json::<Article>(&config.article_url(slug))
                            .await
                            .map(|article| Content::Article(Rc::new(article))),
                        None => browser::fetch_json::<Catalog>(&config.catalog_url())
                            .await
                            .map(|catalog| Content::Catalog(Rc::new(catalog))),
                    };
                    if stale.get() {
                        return;
                    }
                    match loaded {
                        Ok(content) => state.set(LoadState::Loaded(content)),
                        Err(error) => {
                            browser::log_error(&error.to_string());
                            state.set(LoadState::Failed(error));
                        }
                    }
                });
                cleanup
            },
        );
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
        LoadState::Loaded(Content::Article(article)) => {
            Some(preferences.effective_audience(props.config.audience, article.default_audience))
        }
        _ => None,
    };
    {
        let host = props.host.clone();
        let article = props.config.article.clone();
        use_effect_with(state.clone(), move |state| {
            let Some(host) = host else {
                return;
            };
            let article = article.map_or(JsValue::NULL, |slug| JsValue::from_str(&slug));
            match &**state {
                LoadState::Loaded(_) => {
                    // The closure is made in the render that loaded, so this is the
                    // audience shown then (none for the catalog).
                    let audience = shown_audience.map_or(JsValue::NULL, |audience| {
                        JsValue::from_str(audience.as_str())
                    });
                    browser::emit(
                        &host,
                        "ready",
                        &[("article", article), ("audience", audience)],
                    );
                }
                LoadState::Failed(error) => {
                    let status = match error {
                        LoadError::Status(status) => JsValue::from(*status),
                        _ => JsValue::NULL,
                    };
                    browser::emit(
                        &host,
                        "error",
                        &[
                            ("article", article),
                            ("message", JsValue::from_str(&reader_message(error))),
                            ("reason", JsValue::from_str(&error.to_string())),
                            ("status", status),
                        ],
                    );
                }
                LoadState::Loading => {}
            }
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
        LoadState::Loaded(Content::Catalog(catalog)) => html! {
            <CatalogList
                catalog={(**catalog).clone()}
                canonical_base={props.config.canonical_base.clone().map(AttrValue::from)}
            />
        },
        LoadState::Loaded(Content::Article(article)) => html! {
            <ArticlePage
                article={article.clone()}
                audience={preferences.effective_audience(props.config.audience, article.default_audience)}
                preferences={*preferences}
                {onaction}
                storage_notice={(*storage_notice).clone()}
                followup_url={props.config.followup_url.clone().map(AttrValue::from)}
                editorial_policy_url={props.config.editorial_policy_url.clone()}
                canonical_url={props.config.canonical_url(&article.slug).map(AttrValue::from)}
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
    html! {
        <div ref={root} {class} {onclick}>{ content }</div>
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
        LoadError::Network(_) => {
            "We could not reach the article server. Check your connection and try again.".into()
        }
        LoadError::Decode(_) => "The article arrived damaged. Please try again.".into(),
    }
}
