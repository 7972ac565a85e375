use std::str::FromStr;

use yew::prelude::*;

/// One choice of a [`RadioGroup`]: the value sent back, and the label shown.
#[derive(Clone, PartialEq)]
pub struct RadioOption {
    pub value: &'static str,
    pub label: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct RadioGroupProps {
    /// The form name of the radios; unique within the widget.
    pub name: AttrValue,
    /// The group's accessible name.
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub options: Vec<RadioOption>,
    pub selected: &'static str,
    pub onchange: Callback<&'static str>,
}

/// Native radio buttons in a `fieldset` with the `radiogroup` role: arrow keys move
/// within the group as in any form, and Tab leaves it.
#[function_component]
pub fn RadioGroup(props: &RadioGroupProps) -> Html {
    let hint_id = format!("{}-hint", props.name);
    let options = props.options.iter().map(|option| {
        let value = option.value;
        let onchange = props.onchange.reform(move |_: Event| value);
        let id = format!("{}-{}", props.name, option.value);
        html! {
            <label class="choice" for={id.clone()}>
                <input
                    type="radio"
                    id={id}
                    name={props.name.clone()}
                    value={option.value}
                    checked={option.value == props.selected}
                    {onchange}
                />
                { option.label }
            </label>
        }
    });
    html! {
        <fieldset role="radiogroup" aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend>{ props.legend.clone() }</legend>
            if let Some(hint) = &props.hint {
                <p id={hint_id.clone()} class="hint">{ hint.clone() }</p>
            }
            <div class="choices">{ for options }</div>
        </fieldset>
    }
}

/// A [`RadioGroup`] callback that emits the chosen value parsed as `T`.
pub fn emit_parsed<T: FromStr + 'static>(callback: &Callback<T>) -> Callback<&'static str> {
    let callback = callback.clone();
    Callback::from(move |value: &'static str| {
        if let Ok(choice) = value.parse() {
            callback.emit(choice);
        }
    })
}
