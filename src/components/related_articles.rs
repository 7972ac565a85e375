use yew::prelude::*;

use super::article_link::{page_link, Links};
use crate::config::Page;
use crate::messages::Messages;
use crate::model::RelatedArticle;

/// "Related articles": the questions a reader of this article may want answered next.
/// A view function, not a component, as `review_stepper` is.
pub fn related_articles(
    related: &[RelatedArticle],
    links: Option<&Links>,
    messages: &Messages,
) -> Html {
    if related.is_empty() {
        return Html::default();
    }
    let links = related.iter().map(|related| {
        html! {
            <li key={related.slug.as_str()}>
                { page_link(Page::Article(related.slug.clone()), html! { &related.question }, links) }
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
