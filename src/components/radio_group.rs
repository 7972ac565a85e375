use yew::prelude::*;

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

/// A radio group over the choices of `T`: the one way the widget offers a choice. It
/// is a plain builder, not a component of its own per `T`, so that the Wasm carries one
/// radio group ([`Radios`]) however many kinds of choice there are.
pub struct RadioGroup<T: Choice> {
    /// The form name of the radios; unique within the widget.
    pub name: &'static str,
    /// The group's accessible name.
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub selected: T,
    pub onchange: Callback<T>,
    /// The choices offered, in order: `T::all()`, or the ones that apply.
    pub choices: Vec<T>,
}

impl<T: Choice> RadioGroup<T> {
    /// A group offering every choice of `T`.
    pub fn new(
        name: &'static str,
        legend: &'static str,
        selected: T,
        onchange: Callback<T>,
    ) -> Self {
        RadioGroup {
            name,
            legend,
            hint: None,
            selected,
            onchange,
            choices: T::all().to_vec(),
        }
    }

    /// The group, its labels in the interface's language.
    pub fn view(self, messages: &Messages) -> Html {
        let options: Vec<RadioOption> = self
            .choices
            .iter()
            .map(|choice| RadioOption {
                value: choice.value(),
                label: choice.label(messages),
                lang: choice.label_lang(),
            })
            .collect();
        let selected = self
            .choices
            .iter()
            .position(|choice| *choice == self.selected);
        let choices = self.choices;
        let chosen = self.onchange;
        let onchange = Callback::from(move |index: usize| {
            if let Some(choice) = choices.get(index) {
                chosen.emit(*choice);
            }
        });
        html! {
            <Radios name={self.name} legend={self.legend} hint={self.hint} {options} {selected} {onchange} />
        }
    }
}

/// One radio of a group, as the reader meets it.
#[derive(Clone, PartialEq)]
pub struct RadioOption {
    /// The form value, the same identifier as in URLs, JSON and storage.
    pub value: &'static str,
    pub label: &'static str,
    /// The label's language when it is not the interface's.
    pub lang: Option<&'static str>,
}

#[derive(Properties, PartialEq)]
pub struct RadiosProps {
    pub name: &'static str,
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub options: Vec<RadioOption>,
    /// The place of the selected option, if one is.
    pub selected: Option<usize>,
    /// The place of the option the reader chose.
    pub onchange: Callback<usize>,
}

/// Native radio buttons in a `fieldset` with the `radiogroup` role: arrow keys move
/// within the group as in any form, and Tab leaves it.
#[function_component]
pub fn Radios(props: &RadiosProps) -> Html {
    let hint_id = format!("{}-hint", props.name);
    let options = props.options.iter().enumerate().map(|(index, option)| {
        let onchange = props.onchange.reform(move |_: Event| index);
        let id = format!("{}-{}", props.name, option.value);
        let checked = props.selected == Some(index);
        // A class rather than `:has(:checked)`, which costs a style pass over the page.
        let class = classes!("choice", checked.then_some("selected"));
        html! {
            <label {class} for={id.clone()} lang={option.lang}>
                <input
                    type="radio"
                    id={id}
                    name={props.name}
                    value={option.value}
                    {checked}
                    {onchange}
                />
                { option.label }
            </label>
        }
    });
    html! {
        <fieldset role="radiogroup" aria-describedby={props.hint.map(|_| hint_id.clone())}>
            <legend>{ props.legend }</legend>
            if let Some(hint) = props.hint {
                <p id={hint_id.clone()} class="hint">{ hint }</p>
            }
            <div class="choices">{ for options }</div>
        </fieldset>
    }
}
