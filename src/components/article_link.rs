use yew::prelude::*;

use crate::browser::dom;
use crate::config::{article_link, frame_link, site_link, Page, FRAME_FOLDER};
use crate::messages::Messages;
use crate::model::{Audience, Keyed, Language, Slug};

/// How links inside a widget open, provided once by the app as a context to the pages
/// below it, which hand it to each [`page_link`]: where they lead, and how a plain
/// click opens them in place.
#[derive(Clone, PartialEq)]
pub struct Links {
    /// The publisher's site, where links lead: its relative root on the publisher's own
    /// pages (`./`, `../../`), its address on a partner's page.
    pub root: AttrValue,
    /// Opens a page inside the widget. Live only: the build's prerendered page, drawn
    /// static, calls nothing and is given none (see [`Links::default`]).
    pub onopen: Callback<Page>,
    /// In a frame on another site (the embed pages): links to articles lead to their
    /// embed pages and stay in the frame (`target="_self"`), where every other link
    /// opens in a new tab (the page's `<base target="_blank">`).
    pub in_frame: bool,
}

/// Links from the site's root (`./`) that open nothing in place, as outside a widget.
impl Default for Links {
    fn default() -> Self {
        Links {
            root: AttrValue::Static("./"),
            onopen: Callback::default(),
            in_frame: false,
        }
    }
}

/// The site's root the links of `links` lead from; `./` outside a widget.
fn root(links: Option<&Links>) -> &str {
    links.map_or("./", |links| links.root.as_str())
}

fn in_frame(links: Option<&Links>) -> bool {
    links.is_some_and(|links| links.in_frame)
}

/// The page of article `slug`: its embed page in a frame, else its page.
fn article_href(slug: &Slug, links: Option<&Links>) -> String {
    if in_frame(links) {
        frame_link(root(links), slug)
    } else {
        article_link(root(links), slug)
    }
}

/// The target of a link to an article: `_self` in a frame, to stay there.
fn article_target(links: Option<&Links>) -> Option<AttrValue> {
    in_frame(links).then_some(AttrValue::Static("_self"))
}

/// A link to an article or to the catalog, `content` its text. It stays a real link,
/// to the publisher's page for it, so that a new tab, a copied address or a reader
/// without scripts gets there, while a plain click opens the page inside the widget.
/// Outside a widget (no [`Links`]) it is a plain link from the site's root.
///
/// These links are view functions, not components: a catalog page holds fifty, and
/// each component costs every partner page its own copy of Yew's lifecycle in the Wasm.
pub fn page_link(page: Page, content: Html, links: Option<&Links>) -> Html {
    // The catalog has no embed page: from a frame it opens on the publisher's site.
    let (href, target) = match &page {
        Page::Article(slug) => (article_href(slug, links), article_target(links)),
        Page::Catalog => (site_link(root(links), ""), None),
    };
    let onclick = links.map(|links| {
        let onopen = links.onopen.clone();
        Callback::from(move |event: MouseEvent| {
            if dom::is_plain_click(&event) {
                event.prevent_default();
                onopen.emit(page.clone());
            }
        })
    });
    html! {
        <a {href} {target} {onclick}>{ content }</a>
    }
}

/// Each audience's version of article `slug` as a link to its own page, `audience`
/// marked as the current one, for readers without scripts, where the audience question
/// cannot work: the stylesheet shows these only then (`scripting: none`), and the
/// question otherwise.
pub fn audience_links(
    slug: &Slug,
    audience: Audience,
    links: Option<&Links>,
    messages: &Messages,
) -> Html {
    let folder = if in_frame(links) {
        FRAME_FOLDER
    } else {
        "articles"
    };
    let items = Audience::ALL.iter().map(|&each| {
        let href = site_link(root(links), &format!("{folder}/{slug}/{each}/"));
        let current = (each == audience).then_some(AttrValue::Static("page"));
        html! {
            <li><a {href} target={article_target(links)} aria-current={current}>{ messages.audience(each) }</a></li>
        }
    });
    html! {
        <div class="audience-links">
            <p class="audience-links-lead">{ messages.audience_links_lead }</p>
            <ul>{ for items }</ul>
        </div>
    }
}

/// "Leer en español": a link to each of the article's `translations`, written in its
/// language for the reader who reads it. A real link, like [`page_link`], whose plain
/// click calls `onlanguage`: the app remembers the choice and shows the translation in
/// place. In the build's pages, drawn static, they are plain links to the translations'
/// pages.
pub fn translation_links(
    translations: &Keyed<Language, Slug>,
    onlanguage: &Callback<Language>,
    links: Option<&Links>,
) -> Html {
    if translations.is_empty() {
        return Html::default();
    }
    let items = translations.iter().map(|(language, slug)| {
        let language = *language;
        let onlanguage = onlanguage.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            if dom::is_plain_click(&event) {
                event.prevent_default();
                onlanguage.emit(language);
            }
        });
        html! {
            <a href={article_href(slug, links)} target={article_target(links)} lang={language.as_str()} hreflang={language.as_str()} {onclick}>
                { language.messages().read_in }
            </a>
        }
    });
    html! {
        <p class="translations" part="translations">{ for items }</p>
    }
}
