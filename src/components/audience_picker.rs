use yew::prelude::*;

use super::radio_group::RadioGroup;
use crate::model::Audience;

#[derive(Properties, PartialEq)]
pub struct AudiencePickerProps {
    pub selected: Audience,
    pub onchange: Callback<Audience>,
}

/// "Which best describes you?": the audience radio group.
#[function_component]
pub fn AudiencePicker(props: &AudiencePickerProps) -> Html {
    html! {
        <RadioGroup<Audience>
            name="audience"
            legend="Which best describes you?"
            hint={Some(AttrValue::from("Your choice helps us use language that's most understandable for you."))}
            selected={props.selected}
            onchange={props.onchange.clone()}
        />
    }
}
