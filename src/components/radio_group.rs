use yew::prelude::*;

use super::language::use_messages;
use crate::messages::Messages;
use crate::model::Audience;
use crate::preferences::{TextSize, Theme};

/// A closed set of choices that a [`RadioGroup`] offers.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every choice, in the order shown.
    fn all() -> &'static [Self];
    /// The form value, the same identifier as in URLs, JSON and storage.
    fn value(self) -> &'static str;
    /// What the reader sees, in the interface's language.
    fn label(self, messages: &Messages) -> &'static str;
    /// The language of the label when it is not the interface's (a language's own
    /// name for itself), so that a screen reader says it right.
    fn label_lang(self) -> Option<&'static str> {
        None
    }
}

impl Choice for Audience {
    fn all() -> &'static [Self] {
        Audience::ALL
    }
    fn value(self) -> &'static str {
        self.as_str()
    }
    fn label(self, messages: &Messages) -> &'static str {
        messages.audience(self)
    }
}

impl Choice for TextSize {
    fn all() -> &'static [Self] {
        TextSize::ALL
    }
    fn value(self) -> &'static str {
        self.as_str()
    }
    fn label(self, messages: &Messages) -> &'static str {
        messages.text_size(self)
    }
}

impl Choice for Theme {
    fn all() -> &'static [Self] {
        Theme::ALL
    }
    fn value(self) -> &'static str {
        self.as_str()
    }
    fn label(self, messages: &Messages) -> &'static str {
        messages.theme(self)
    }
}

#[derive(Properties, PartialEq)]
pub struct RadioGroupProps<T: Choice> {
    /// The form name of the radios; unique within the widget.
    pub name: AttrValue,
    /// The group's accessible name.
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub selected: T,
    pub onchange: Callback<T>,
    /// The choices offered, in order, when not every one of `T::all()` applies.
    #[prop_or_default]
    pub choices: Option<Vec<T>>,
}

/// Native radio buttons in a `fieldset` with the `radiogroup` role: arrow keys move
/// within the group as in any form, and Tab leaves it.
#[function_component]
pub fn RadioGroup<T: Choice>(props: &RadioGroupProps<T>) -> Html {
    let messages = use_messages();
    let hint_id = format!("{}-hint", props.name);
    let choices = props.choices.as_deref().unwrap_or(T::all());
    let options = choices.iter().map(|&choice| {
        let onchange = props.onchange.reform(move |_: Event| choice);
        let id = format!("{}-{}", props.name, choice.value());
        // A class rather than `:has(:checked)`, which costs a style pass over the page.
        let class = classes!("choice", (choice == props.selected).then_some("selected"));
        html! {
            <label {class} for={id.clone()} lang={choice.label_lang()}>
                <input
                    type="radio"
                    id={id}
                    name={props.name.clone()}
                    value={choice.value()}
                    checked={choice == props.selected}
                    {onchange}
                />
                { choice.label(messages) }
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
