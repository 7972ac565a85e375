use yew::prelude::*;

use crate::config::article_link;
use crate::model::{Catalog, ReviewStatus};

#[derive(Properties, PartialEq)]
pub struct CatalogListProps {
    pub catalog: Catalog,
    /// Embedded on a partner's page: articles open on the publisher's page.
    #[prop_or_default]
    pub canonical_base: Option<AttrValue>,
}

/// Every article, newest first, each a link that opens it.
#[function_component]
pub fn CatalogList(props: &CatalogListProps) -> Html {
    let entries = props.catalog.articles.iter().map(|entry| {
        let status_class = match entry.review_status {
            ReviewStatus::Approved => "status approved",
            _ => "status pending",
        };
        html! {
            <li key={entry.slug.clone()}>
                <a href={article_link(props.canonical_base.as_deref(), &entry.slug)}>{ &entry.question }</a>
                <p class="catalog-meta">
                    { "Updated " }
                    <time datetime={entry.updated.to_string()}>{ entry.updated.long() }</time>
                    { " · " }
                    <span class={status_class}>{ entry.review_status.label() }</span>
                </p>
            </li>
        }
    });
    html! {
        <section class="catalog" aria-labelledby="catalog-heading">
            <h1 id="catalog-heading">{ "Articles" }</h1>
            if props.catalog.articles.is_empty() {
                <p>{ "No articles are published yet." }</p>
            } else {
                <ul class="catalog-list">{ for entries }</ul>
            }
        </section>
    }
}
