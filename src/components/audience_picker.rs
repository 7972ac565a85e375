use yew::prelude::*;

use super::radio_group::RadioGroup;
use crate::messages::Messages;
use crate::model::Audience;

/// "Which best describes you?": the audience radio group. A view function, not a
/// component, as `review_stepper` is.
pub fn audience_picker(
    selected: Audience,
    onchange: Callback<Audience>,
    messages: &Messages,
) -> Html {
    RadioGroup {
        hint: Some(messages.audience_hint),
        ..RadioGroup::new("audience", messages.audience_legend, selected, onchange)
    }
    .view(messages)
}
