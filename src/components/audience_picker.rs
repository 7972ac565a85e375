use yew::prelude::*;

use super::language::use_messages;
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
    let messages = use_messages();
    html! {
        <RadioGroup<Audience>
            name="audience"
            legend={messages.audience_legend}
            hint={Some(AttrValue::from(messages.audience_hint))}
            selected={props.selected}
            onchange={props.onchange.clone()}
        />
    }
}
