use yew::prelude::*;

use crate::model::FollowUp as Words;

/// The publisher's call to action at the end of an article, its link resolved for this
/// page. A view function, not a component, as `review_stepper` is.
pub fn follow_up(words: &Words) -> Html {
    let Words {
        heading,
        text,
        button,
        url,
    } = words;
    html! {
        <section class="follow-up" part="follow-up">
            <h2 id="follow-up-heading">{ heading }</h2>
            <p>{ text }</p>
            <a class="follow-up-link" href={url.clone()} rel="noopener noreferrer">{ button }</a>
        </section>
    }
}
