use yew::prelude::*;

use crate::model::{Catalog, ReviewStatus};

#[derive(Properties, PartialEq)]
pub struct CatalogListProps {
    pub catalog: Catalog,
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
                <a href={format!("?article={}", entry.slug)}>{ &entry.question }</a>
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
