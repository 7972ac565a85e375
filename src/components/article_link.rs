use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct ArticleLinkProps {
    /// Where the link leads when followed as a link (a new tab, a copied address).
    pub href: AttrValue,
    /// The article it opens; `None` opens the catalog.
    #[prop_or_default]
    pub slug: Option<String>,
    /// Opens it inside the widget instead, on a plain click.
    #[prop_or_default]
    pub onopen: Option<Callback<Option<String>>>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to an article or to the catalog. It stays a real link, so that a new tab or
/// a copied address works, while a plain click opens the page inside the widget.
#[function_component]
pub fn ArticleLink(props: &ArticleLinkProps) -> Html {
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
        <a class={props.class.clone()} href={props.href.clone()} {onclick}>{ props.children.clone() }</a>
    }
}
