use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::article_page::ArticlePage;
use super::catalog_list::CatalogList;
use super::unavailable::Unavailable;
use crate::browser::{self, storage, LoadError, ReadingPlace};
use crate::config::WidgetConfig;
use crate::model::{Article, Catalog};
use crate::preferences::PreferencesAction;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: WidgetConfig,
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
        use_effect_with((props.config.clone(), *attempt), move |_| {
            state.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match &config.article {
                    Some(slug) => browser::fetch_json::<Article>(&config.article_url(slug))
                        .await
                        .map(|article| Content::Article(Rc::new(article))),
                    None => browser::fetch_json::<Catalog>(&config.catalog_url())
                        .await
                        .map(|catalog| Content::Catalog(Rc::new(catalog))),
                };
                match loaded {
                    Ok(content) => state.set(LoadState::Loaded(content)),
                    Err(error) => {
                        browser::log_error(&error.to_string());
                        state.set(LoadState::Failed(error));
                    }
                }
            });
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

    let onclick = Callback::from(|event: MouseEvent| {
        browser::follow_fragment_link(&event);
    });
    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    let content = match &*state {
        LoadState::Loading => html! {
            <p class="loading" role="status">{ "Loading article…" }</p>
        },
        LoadState::Failed(error) => html! {
            <Unavailable message={reader_message(error)} {onretry} />
        },
        LoadState::Loaded(Content::Catalog(catalog)) => html! {
            <CatalogList catalog={(**catalog).clone()} />
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
            />
        },
    };
    let class = classes!(
        "article-widget",
        format!("text-{}", preferences.text_size.as_str()),
        format!("theme-{}", preferences.theme.as_str()),
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
