use yew::prelude::*;

use crate::model::Audience;

#[derive(Properties, PartialEq)]
pub struct AudiencePickerProps {
    pub selected: Audience,
    pub onchange: Callback<Audience>,
}

/// "Which best describes you?": a native radio group, so arrow keys move within it as
/// in any form.
#[function_component]
pub fn AudiencePicker(props: &AudiencePickerProps) -> Html {
    let options = Audience::ALL.into_iter().map(|audience| {
        let onchange = props.onchange.reform(move |_: Event| audience);
        let id = format!("audience-{audience}");
        html! {
            <label class="audience-option" for={id.clone()}>
                <input
                    type="radio"
                    id={id}
                    name="audience"
                    value={audience.as_str()}
                    checked={audience == props.selected}
                    {onchange}
                />
                { audience.label() }
            </label>
        }
    });
    html! {
        <section class="personalize" aria-labelledby="personalize-heading">
            <h2 id="personalize-heading" class="personalize-heading">{ "Personalize" }</h2>
            <p class="personalize-lead">{ "Help us tailor your experience" }</p>
            <fieldset role="radiogroup" aria-describedby="audience-hint">
                <legend>{ "Which best describes you?" }</legend>
                <p id="audience-hint" class="hint">
                    { "Your choice helps us use language that's most understandable for you." }
                </p>
                <div class="audience-options">{ for options }</div>
            </fieldset>
        </section>
    }
}
