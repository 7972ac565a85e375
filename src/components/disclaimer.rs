use yew::prelude::*;

use crate::model::Disclaimer as Words;

/// The disclaimer for the audience whose variant is shown, in the publisher's words. A
/// view function, not a component, as `review_stepper` is.
pub fn disclaimer(words: &Words) -> Html {
    let Words { heading, text } = words;
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
