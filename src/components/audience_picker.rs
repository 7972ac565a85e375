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
    RadioGroup {
        hint: Some(messages.audience_hint),
        ..RadioGroup::new(
            "audience",
            messages.audience_legend,
            props.selected,
            props.onchange.clone(),
        )
    }
    .view(messages)
}
