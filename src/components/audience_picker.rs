use yew::prelude::*;

use super::radio_group::RadioGroup;
use crate::messages::Messages;
use crate::model::Audience;

/// The form name of the audience's radios: the scripts that remember a choice made in
/// the prerendered page, before the widget takes it over, know them by it (the contract).
pub const AUDIENCE_CONTROL: &str = "audience";

/// "Which best describes you?": the audience radio group. A view function, not a
/// component, as `review_stepper` is.
pub fn audience_picker(
    selected: Audience,
    onchange: Callback<Audience>,
    messages: &Messages,
) -> Html {
    RadioGroup {
        hint: Some(messages.audience_hint),
        ..RadioGroup::new(
            AUDIENCE_CONTROL,
            messages.audience_legend,
            selected,
            onchange,
        )
    }
    .view(messages)
}
