use yew::prelude::*;

use super::article_link::ArticleLink;
use super::language::use_messages;
use crate::config::Page;
use crate::model::RelatedArticle;

#[derive(Properties, PartialEq)]
pub struct RelatedArticlesProps {
    pub related: Vec<RelatedArticle>,
}

/// "Related articles": the questions a reader of this article may want answered next.
#[function_component]
pub fn RelatedArticles(props: &RelatedArticlesProps) -> Html {
    let messages = use_messages();
    if props.related.is_empty() {
        return Html::default();
    }
    let links = props.related.iter().map(|related| {
        html! {
            <li key={related.slug.as_str()}>
                <ArticleLink page={Page::Article(related.slug.clone())}>{ &related.question }</ArticleLink>
            </li>
        }
    });
    html! {
        // Headed, not a named region: several widgets on a page would repeat the landmark.
        <section class="related" part="related">
            <h2>{ messages.related_articles }</h2>
            <ul class="related-list">{ for links }</ul>
        </section>
    }
}
