//! The app: one widget, composed of named hooks. Each hook owns one concern and each
//! decision is a pure function tested natively: what a load shows ([`load`]), where
//! browsing goes ([`navigation`]), what the host page hears ([`host_events`]), what
//! changed since the reader last read the article ([`updates`]), which
//! language the interface speaks and which translation an article gives way to
//! ([`language`]). The composition root ([`crate::mount`]) mounts, parks and reuses
//! apps.

pub mod decoded;
pub mod host;
pub mod host_events;
pub mod language;
pub mod load;
pub mod navigation;
pub mod updates;
mod use_article_load;
mod use_first_draw;
mod use_host_events;
mod use_navigation;
mod use_printed;
mod use_reader;
mod use_update_notice;

use std::rc::Rc;

use yew::prelude::*;

pub use self::host::Host;
use self::language::{interface_language, translation_to_show};
use self::load::{reader_message, saved_notice, Content, Freshness, LoadState};
use self::use_article_load::use_article_load;
use self::use_first_draw::use_first_draw;
use self::use_host_events::use_host_events;
use self::use_navigation::{use_catalog_handoff, use_heading_focus, use_navigation};
use self::use_printed::use_printed;
use self::use_reader::{use_publisher_accent, use_reader};
use self::use_update_notice::use_update_notice;
use crate::browser::network::HandedOver;
use crate::components::article_link::Links;
use crate::config::{Page, Placement, WidgetConfig};
use crate::model::{Article, Language};
use crate::pages::article::ArticlePage;
#[cfg(shows_catalog)]
use crate::pages::catalog::CatalogList;
use crate::pages::frame::Frame;
use crate::pages::unavailable::{Offline, Unavailable};
use crate::preferences::PreferencesAction;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: WidgetConfig,
    pub host: Host,
    /// Counts the mounts of this app, so that a remount with the same configuration
    /// still loads afresh and announces itself.
    #[prop_or_default]
    pub mount: u64,
    /// The configured article's data, fetched by `embed.js` while the Wasm was loading.
    /// A new app shows it in its first render: no loading state, no second request.
    #[prop_or_default]
    pub handed_over: Option<Rc<HandedOver>>,
    /// Called once the app shows its page (an article, the catalog, or why it cannot):
    /// the composition root then lets it take over the prerendered page.
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

/// One widget: shows the catalog or an article, or says why it cannot; holds the
/// reader's preferences; tells the host page what it shows.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let root = use_node_ref();
    let navigation = use_navigation(&props.config, &props.host, props.mount);
    use_catalog_handoff(&props.config, &props.host, &navigation);
    let load = use_article_load(
        &props.config,
        &navigation.page,
        &props.host,
        props.mount,
        props.handed_over.clone(),
    );
    let reader = use_reader(&root);
    // The page's address and the reader's today, for a printed copy and an overdue
    // review: read at each render, and again as the reader prints.
    let printed = use_printed();
    let publisher = match &load.state {
        LoadState::Loaded(Content::Article(article), _) => Some(article.publisher.clone()),
        LoadState::Loaded(Content::Catalog(catalog), _) => Some(catalog.publisher.clone()),
        _ => None,
    };
    // The reader's language (see `interface_language`): the interface speaks it, and
    // an article with a translation into it gives way to that translation.
    let shown_language = match &load.state {
        LoadState::Loaded(Content::Article(article), _) => Some(article.language()),
        _ => None,
    };
    let language = interface_language(
        reader.preferences.language,
        &props.config,
        shown_language,
        publisher
            .as_ref()
            .map(|publisher| publisher.language.as_str()),
    );
    let translation = match &load.state {
        LoadState::Loaded(Content::Article(article), _) => translation_to_show(article, language),
        _ => None,
    };
    {
        let ontranslate = navigation.ontranslate.clone();
        use_effect_with(translation.clone(), move |translation| {
            if let Some(slug) = translation {
                ontranslate.emit((Page::Article(slug.clone()), false));
            }
        });
    }
    // Until its translation has loaded, an article in another language is not shown,
    // nor announced to the host page.
    let waiting = LoadState::Loading;
    let state = if translation.is_some() {
        &waiting
    } else {
        &load.state
    };
    use_heading_focus(&root, &navigation, state);
    // Until this mount has shown its first page, an article is drawn in parts, a task
    // each (`ArticlePage::in_parts`): it renders hidden beside the prerendered page
    // meanwhile, and no one task of the take-over draws the whole article. It is shown,
    // and the host page told, once drawn whole.
    let (in_parts, ondrawn) = use_first_draw(props.mount);
    let drawing = in_parts && matches!(state, LoadState::Loaded(Content::Article(_), _));
    let audience = match state {
        LoadState::Loaded(Content::Article(article), _) => Some(
            reader
                .preferences
                .effective_audience(props.config.audience, article.default_audience),
        ),
        _ => None,
    };
    // Opened at a catalog page after the first (`catalog/<n>/`), the list fetches that
    // page after the catalog: the app takes the prerendered page over once the list has
    // settled, so that the reader never sees its entries give way to "Loading".
    let list_settled = use_state_eq(|| props.config.catalog_page <= 1);
    // Before the host events: a take-over waits for the next frame, and `ready` after it.
    {
        let shown = match state {
            LoadState::Loading => false,
            LoadState::Loaded(Content::Catalog(_), _) => *list_settled,
            _ => !drawing,
        };
        let on_shown = props.on_shown.clone();
        use_effect_with((shown, on_shown), |(shown, on_shown)| {
            if *shown {
                on_shown.emit(());
            }
        });
    }

    let onresults = use_host_events(
        &props.host,
        &navigation.page,
        if drawing { &waiting } else { state },
        audience,
    );
    #[cfg(shows_catalog)]
    let onresults = {
        let list_settled = list_settled.clone();
        Callback::from(move |results| {
            list_settled.set(true);
            onresults.emit(results);
        })
    };
    // Only the catalog's list has results to tell.
    #[cfg(not(shows_catalog))]
    drop(onresults);
    let messages = language.messages();
    use_publisher_accent(&root, publisher);
    let update_notice = use_update_notice(&root, state, printed.date, language);

    if props.host == Host::Parked {
        return Html::default();
    }
    let content = match state {
        LoadState::Loading => html! {
            <p class="loading" role="status">{ messages.loading }</p>
        },
        LoadState::Failed(error) => html! {
            <Unavailable message={reader_message(error, messages)} onretry={load.onretry.clone()} />
        },
        LoadState::Offline => html! { <Offline message={messages.offline_message} /> },
        #[cfg(shows_catalog)]
        LoadState::Loaded(Content::Catalog(catalog), _) => html! {
            <CatalogList catalog={catalog.clone()} data_url={AttrValue::from(props.config.data_url.clone())} {onresults}
                first_page={props.config.catalog_page} />
        },
        #[cfg(not(shows_catalog))]
        LoadState::Loaded(Content::Catalog(_), _) => Html::default(),
        LoadState::Loaded(Content::Article(article), freshness) => html! {
            <ArticlePage
                onlanguage={onlanguage(article, &reader.onaction, &navigation.ontranslate)}
                article={article.clone()}
                audience={audience.unwrap_or(article.default_audience)}
                preferences={reader.preferences}
                onaction={reader.onaction.clone()}
                storage_notice={reader.storage_failed.then_some(AttrValue::Static(messages.storage_notice))}
                follow_up={props.config.follow_up(&article.publisher)}
                editorial_policy_url={props.config.publisher_link(&article.publisher.editorial_policy_url).map(|url| AttrValue::from(url.into_string()))}
                corrections_url={props.config.publisher_link(&article.publisher.corrections_url).map(|url| AttrValue::from(url.into_string()))}
                today={printed.date}
                saved_copy={matches!(freshness, Freshness::Saved { .. })}
                {update_notice}
                canonical_url={props.config.canonical_url(&article.slug).map(|url| AttrValue::from(url.into_string()))}
                {printed}
                {in_parts}
                {ondrawn}
            />
        },
    };
    // The reader's theme, else the host page's, else the system's.
    let theme = reader.preferences.effective_theme(props.config.theme);
    let banner = match state {
        LoadState::Loaded(_, freshness) => saved_notice(*freshness, messages, |date| {
            crate::messages::long_date(date, language)
        })
        .map(AttrValue::from),
        _ => None,
    };
    let links = Links {
        root: AttrValue::from(props.config.links_root().to_owned()),
        onopen: navigation.onopen.clone(),
        in_frame: props.config.placement == Placement::Frame,
    };
    let onback = navigation
        .can_go_back
        .then(|| navigation.onback.reform(|_: MouseEvent| ()));
    html! {
        <Frame {root} text_size={reader.preferences.text_size} {theme} {links} {language} {banner} {onback}>
            { content }
        </Frame>
    }
}

/// The reader chose to read `article` in a language: remembered with their other
/// choices, and its translation shown in its place.
fn onlanguage(
    article: &Rc<Article>,
    onaction: &Callback<PreferencesAction>,
    ontranslate: &Callback<(Page, bool)>,
) -> Callback<Language> {
    let article = article.clone();
    let onaction = onaction.clone();
    let ontranslate = ontranslate.clone();
    Callback::from(move |language| {
        onaction.emit(PreferencesAction::ChooseLanguage(language));
        if let Some(slug) = article.translations.get(&language) {
            ontranslate.emit((Page::Article(slug.clone()), true));
        }
    })
}
