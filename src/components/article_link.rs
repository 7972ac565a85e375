use std::collections::BTreeMap;

use yew::prelude::*;

use super::language::use_messages;
use crate::browser::dom;
use crate::config::{article_link, site_link, Page};
use crate::model::{Audience, Language, Slug};

/// How links inside a widget open, provided once by the app to every [`ArticleLink`]
/// below it: where they lead, and how a plain click opens them in place.
#[derive(Clone, PartialEq)]
pub struct Links {
    /// The publisher's site, where links lead: its relative root on the publisher's own
    /// pages (`./`, `../../`), its address on a partner's page.
    pub root: AttrValue,
    /// Opens a page inside the widget.
    pub onopen: Callback<Page>,
}

#[derive(Properties, PartialEq)]
pub struct ArticleLinkProps {
    /// The page it opens.
    pub page: Page,
    #[prop_or_default]
    pub children: Html,
}

/// A link to an article or to the catalog. It stays a real link, to the publisher's
/// page for it, so that a new tab, a copied address or a reader without scripts gets
/// there, while a plain click opens the page inside the widget. Outside a widget (no
/// [`Links`]) it is a plain link from the site's root.
#[function_component]
pub fn ArticleLink(props: &ArticleLinkProps) -> Html {
    let links = use_context::<Links>();
    let root = links.as_ref().map_or("./", |links| links.root.as_str());
    let href = match &props.page {
        Page::Article(slug) => article_link(root, slug),
        Page::Catalog => site_link(root, ""),
    };
    let onclick = links.map(|links| {
        let page = props.page.clone();
        Callback::from(move |event: MouseEvent| {
            if dom::is_plain_click(&event) {
                event.prevent_default();
                links.onopen.emit(page.clone());
            }
        })
    });
    html! {
        <a {href} {onclick}>{ props.children.clone() }</a>
    }
}

#[derive(Properties, PartialEq)]
pub struct AudienceLinksProps {
    pub slug: Slug,
    /// The audience shown, marked as the current page.
    pub audience: Audience,
}

/// Each audience's version of an article as a link to its own page, for readers
/// without scripts, where the audience question cannot work: the stylesheet shows
/// these only then (`scripting: none`), and the question otherwise.
#[function_component]
pub fn AudienceLinks(props: &AudienceLinksProps) -> Html {
    let messages = use_messages();
    let links = use_context::<Links>();
    let root = links.as_ref().map_or("./", |links| links.root.as_str());
    let items = Audience::ALL.iter().map(|audience| {
        let href = site_link(root, &format!("articles/{}/{audience}/", props.slug));
        let current = (*audience == props.audience).then_some(AttrValue::Static("page"));
        html! {
            <li><a {href} aria-current={current}>{ messages.audience(*audience) }</a></li>
        }
    });
    html! {
        <div class="audience-links">
            <p class="audience-links-lead">{ messages.audience_links_lead }</p>
            <ul>{ for items }</ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TranslationLinksProps {
    /// The article's translations, by language.
    pub translations: BTreeMap<Language, Slug>,
    /// The reader chose to read the article in a language: the app remembers it and
    /// shows the translation in place. Without it (the build's pages) the links are
    /// plain links to the translations' pages.
    #[prop_or_default]
    pub onlanguage: Option<Callback<Language>>,
}

/// "Leer en español": a link to each translation, written in its language for the
/// reader who reads it. A real link, like [`ArticleLink`], whose plain click shows the
/// translation inside the widget.
#[function_component]
pub fn TranslationLinks(props: &TranslationLinksProps) -> Html {
    let links = use_context::<Links>();
    let root = links.as_ref().map_or("./", |links| links.root.as_str());
    if props.translations.is_empty() {
        return Html::default();
    }
    let items = props.translations.iter().map(|(language, slug)| {
        let language = *language;
        let onclick = props.onlanguage.clone().map(|onlanguage| {
            Callback::from(move |event: MouseEvent| {
                if dom::is_plain_click(&event) {
                    event.prevent_default();
                    onlanguage.emit(language);
                }
            })
        });
        html! {
            <a href={article_link(root, slug)} lang={language.as_str()} hreflang={language.as_str()} {onclick}>
                { language.messages().read_in }
            </a>
        }
    });
    html! {
        <p class="translations" part="translations">{ for items }</p>
    }
}
