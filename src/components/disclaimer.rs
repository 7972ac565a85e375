use yew::prelude::*;

use crate::model::Disclaimer as Words;

#[derive(Properties, PartialEq)]
pub struct DisclaimerProps {
    /// The publisher's disclaimer for the audience whose variant is shown.
    pub disclaimer: Words,
}

/// The disclaimer for the audience whose variant is shown, in the publisher's words.
#[function_component]
pub fn Disclaimer(props: &DisclaimerProps) -> Html {
    let Words { heading, text } = &props.disclaimer;
    if heading.is_empty() && text.is_empty() {
        return Html::default();
    }
    html! {
        <aside class="disclaimer" part="disclaimer" aria-labelledby="disclaimer-heading">
            <h2 id="disclaimer-heading">{ heading }</h2>
            <p>{ text }</p>
        </aside>
    }
}
