use yew::prelude::*;

use super::radio_group::{emit_parsed, RadioGroup, RadioOption};
use crate::model::Audience;

#[derive(Properties, PartialEq)]
pub struct AudiencePickerProps {
    pub selected: Audience,
    pub onchange: Callback<Audience>,
}

/// "Which best describes you?": the audience radio group.
#[function_component]
pub fn AudiencePicker(props: &AudiencePickerProps) -> Html {
    let options = Audience::ALL
        .into_iter()
        .map(|audience| RadioOption {
            value: audience.as_str(),
            label: audience.label(),
        })
        .collect::<Vec<_>>();
    let onchange = emit_parsed(&props.onchange);
    html! {
        <RadioGroup
            name="audience"
            legend="Which best describes you?"
            hint={Some(AttrValue::from("Your choice helps us use language that's most understandable for you."))}
            {options}
            selected={props.selected.as_str()}
            {onchange}
        />
    }
}
