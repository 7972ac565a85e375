use yew::prelude::*;

use super::article_link::ArticleLink;
use crate::model::RelatedArticle;

#[derive(Properties, PartialEq)]
pub struct RelatedArticlesProps {
    pub related: Vec<RelatedArticle>,
    /// Embedded on a partner's page: links lead to the publisher's page.
    #[prop_or_default]
    pub canonical_base: Option<AttrValue>,
    /// Opens an article inside the widget on a plain click.
    #[prop_or_default]
    pub onopen: Option<Callback<Option<String>>>,
}

/// "Related articles": the questions a reader of this article may want answered next.
#[function_component]
pub fn RelatedArticles(props: &RelatedArticlesProps) -> Html {
    if props.related.is_empty() {
        return Html::default();
    }
    let links = props.related.iter().map(|related| {
        html! {
            <li key={related.slug.clone()}>
                <ArticleLink
                    slug={Some(related.slug.clone())}
                    canonical_base={props.canonical_base.clone()}
                    onopen={props.onopen.clone()}
                >
                    { &related.question }
                </ArticleLink>
            </li>
        }
    });
    html! {
        // Headed, not a named region: several widgets on a page would repeat the landmark.
        <section class="related" part="related">
            <h2>{ "Related articles" }</h2>
            <ul class="related-list">{ for links }</ul>
        </section>
    }
}
