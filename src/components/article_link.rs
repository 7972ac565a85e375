use yew::prelude::*;

use crate::browser;
use crate::config::article_link;

#[derive(Properties, PartialEq)]
pub struct ArticleLinkProps {
    /// The article it opens; `None` opens the catalog.
    #[prop_or_default]
    pub slug: Option<String>,
    /// Embedded on a partner's page: the publisher's page, where the link leads.
    #[prop_or_default]
    pub canonical_base: Option<AttrValue>,
    /// Opens it inside the widget instead, on a plain click.
    #[prop_or_default]
    pub onopen: Option<Callback<Option<String>>>,
    #[prop_or_default]
    pub children: Html,
}

/// A link to an article or to the catalog. It stays a real link, to the publisher's
/// page for it, so that a new tab or a copied address works, while a plain click opens
/// the page inside the widget.
#[function_component]
pub fn ArticleLink(props: &ArticleLinkProps) -> Html {
    let base = props.canonical_base.as_deref();
    let href = match &props.slug {
        Some(slug) => article_link(base, slug),
        None => base.unwrap_or("./").to_owned(),
    };
    let onclick = props.onopen.clone().map(|onopen| {
        let slug = props.slug.clone();
        Callback::from(move |event: MouseEvent| {
            if browser::is_plain_click(&event) {
                event.prevent_default();
                onopen.emit(slug.clone());
            }
        })
    });
    html! {
        <a {href} {onclick}>{ props.children.clone() }</a>
    }
}
