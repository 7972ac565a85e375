use yew::prelude::*;

use crate::model::FollowUp as Words;

#[derive(Properties, PartialEq)]
pub struct FollowUpProps {
    /// The publisher's call to action, its link resolved for this page.
    pub follow_up: Words,
}

/// The publisher's call to action at the end of an article.
#[function_component]
pub fn FollowUp(props: &FollowUpProps) -> Html {
    let Words {
        heading,
        text,
        button,
        url,
    } = &props.follow_up;
    html! {
        <section class="follow-up" part="follow-up">
            <h2 id="follow-up-heading">{ heading }</h2>
            <p>{ text }</p>
            <a class="follow-up-link" href={url.clone()} rel="noopener noreferrer">{ button }</a>
        </section>
    }
}
