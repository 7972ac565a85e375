use yew::prelude::*;

use crate::browser::dom;
use crate::config::{article_link, Page};

/// How links inside a widget open, provided once by the app to every [`ArticleLink`]
/// below it: where they lead, and how a plain click opens them in place.
#[derive(Clone, PartialEq)]
pub struct Links {
    /// Embedded on a partner's page: the publisher's page, where links lead. `None`
    /// on the publisher's own page.
    pub canonical_base: Option<AttrValue>,
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
/// page for it, so that a new tab or a copied address works, while a plain click opens
/// the page inside the widget. Outside a widget (no [`Links`]) it is a plain link on
/// the current page.
#[function_component]
pub fn ArticleLink(props: &ArticleLinkProps) -> Html {
    let links = use_context::<Links>();
    let base = links
        .as_ref()
        .and_then(|links| links.canonical_base.as_deref());
    let href = match &props.page {
        Page::Article(slug) => article_link(base, slug),
        Page::Catalog => base.unwrap_or("./").to_owned(),
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
