//! The pages the build prerenders: an article for one audience, and the catalog, drawn
//! by the very components the widget runs, in their first state. The widget takes the
//! HTML over in place (see `crate::mount`); until then its controls are inert, but for
//! the audience question.

use std::rc::Rc;

use yew::prelude::*;

use super::article::ArticlePage;
use super::catalog::CatalogList;
use super::frame::Frame;
use crate::components::article_link::Links;
use crate::components::printed::Printed;
use crate::components::rendering::Rendering;
use crate::config::{Placement, WidgetConfig};
use crate::model::{Article, Audience, Catalog, CatalogEntry, Date};
use crate::preferences::{Preferences, TextSize};

#[derive(Properties, PartialEq)]
pub struct PrerenderedArticleProps {
    /// `None` draws nothing: the build reports an article it could not read back.
    pub article: Option<Rc<Article>>,
    pub audience: Audience,
    /// The widget's configuration on the page it is written for: the publisher's own
    /// page (with its relative site root) or a partner's (with the canonical base).
    pub config: WidgetConfig,
    /// The day of the build, for an overdue review.
    pub today: Date,
    /// The page's own address, for a printed copy: the publisher's pages know theirs;
    /// a partner's fragment leaves it to the widget, which reads the partner's page's.
    pub address: Option<AttrValue>,
}

#[function_component]
pub fn PrerenderedArticle(props: &PrerenderedArticleProps) -> Html {
    let config = &props.config;
    let Some(article) = &props.article else {
        return Html::default();
    };
    let publisher = &article.publisher;
    let language = config.language(Some(&publisher.language));
    html! {
        <Frame text_size={TextSize::default()} theme={config.theme.unwrap_or_default()} links={links(config)} {language}>
            <ArticlePage
                article={article.clone()}
                audience={props.audience}
                preferences={Preferences::default()}
                rendering={Rendering::Prerendered}
                follow_up={config.follow_up(publisher)}
                editorial_policy_url={config.publisher_link(&publisher.editorial_policy_url).map(|url| AttrValue::from(url.into_string()))}
                corrections_url={config.publisher_link(&publisher.corrections_url).map(|url| AttrValue::from(url.into_string()))}
                today={Some(props.today)}
                canonical_url={config.canonical_url(&article.slug).map(|url| AttrValue::from(url.into_string()))}
                printed={Printed { address: props.address.clone(), date: None }}
            />
        </Frame>
    }
}

#[derive(Properties, PartialEq)]
pub struct PrerenderedCatalogProps {
    /// `None` draws nothing, as for an article.
    pub catalog: Option<Rc<Catalog>>,
    pub config: WidgetConfig,
    /// The page drawn, from 1, and its entries when it is not the first (the first's
    /// are the catalog's own).
    #[prop_or(1)]
    pub page: usize,
    #[prop_or_default]
    pub page_entries: Option<Rc<[CatalogEntry]>>,
}

#[function_component]
pub fn PrerenderedCatalog(props: &PrerenderedCatalogProps) -> Html {
    let Some(catalog) = &props.catalog else {
        return Html::default();
    };
    let language = props.config.language(Some(&catalog.publisher.language));
    html! {
        <Frame text_size={TextSize::default()} theme={props.config.theme.unwrap_or_default()} links={links(&props.config)} {language}>
            <CatalogList catalog={catalog.clone()} rendering={Rendering::Prerendered}
                first_page={props.page} first_page_entries={props.page_entries.clone()} />
        </Frame>
    }
}

fn links(config: &WidgetConfig) -> Links {
    Links {
        root: AttrValue::from(config.links_root().to_owned()),
        in_frame: config.placement == Placement::Frame,
        ..Links::default()
    }
}
