use std::rc::Rc;

use yew::prelude::*;

use super::article_page::ArticlePage;
use super::catalog_list::CatalogList;
use super::unavailable::Unavailable;
use crate::browser::{self, LoadError};
use crate::config::WidgetConfig;
use crate::model::{Article, Audience, Catalog};

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

/// One widget: loads the catalog or an article and shows it, or says why it cannot.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_state(|| LoadState::Loading);
    // Each retry bumps the attempt, which runs the loading effect again.
    let attempt = use_state(|| 0_u32);
    let chosen_audience = use_state(|| props.config.audience);

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

    let onclick = Callback::from(|event: MouseEvent| {
        browser::follow_fragment_link(&event);
    });
    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let onaudiencechange = {
        let chosen_audience = chosen_audience.clone();
        Callback::from(move |audience: Audience| chosen_audience.set(Some(audience)))
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
                audience={chosen_audience.unwrap_or(article.default_audience)}
                {onaudiencechange}
                followup_url={props.config.followup_url.clone().map(AttrValue::from)}
                editorial_policy_url={props.config.editorial_policy_url.clone()}
            />
        },
    };
    html! {
        <div class="article-widget" {onclick}>{ content }</div>
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
