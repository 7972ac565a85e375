use yew::prelude::*;

use super::radio_group::{emit_parsed, RadioGroup, RadioOption};
use crate::preferences::{TextSize, Theme};

#[derive(Properties, PartialEq)]
pub struct PreferencesPanelProps {
    pub text_size: TextSize,
    pub theme: Theme,
    pub ontextsize: Callback<TextSize>,
    pub ontheme: Callback<Theme>,
}

/// A disclosure with the reader's text size and theme.
#[function_component]
pub fn PreferencesPanel(props: &PreferencesPanelProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let text_sizes = TextSize::ALL
        .into_iter()
        .map(|size| RadioOption {
            value: size.as_str(),
            label: size.label(),
        })
        .collect::<Vec<_>>();
    let themes = Theme::ALL
        .into_iter()
        .map(|theme| RadioOption {
            value: theme.as_str(),
            label: theme.label(),
        })
        .collect::<Vec<_>>();
    let ontextsize = emit_parsed(&props.ontextsize);
    let ontheme = emit_parsed(&props.ontheme);
    html! {
        <div class="preferences">
            <button
                type="button"
                class="preferences-toggle"
                aria-expanded={(*open).to_string()}
                aria-controls="preferences-panel"
                onclick={ontoggle}
            >
                { "Text size and theme" }
            </button>
            <div id="preferences-panel" class="preferences-panel" hidden={!*open}>
                <RadioGroup
                    name="text-size"
                    legend="Text size"
                    options={text_sizes}
                    selected={props.text_size.as_str()}
                    onchange={ontextsize}
                />
                <RadioGroup
                    name="theme"
                    legend="Theme"
                    options={themes}
                    selected={props.theme.as_str()}
                    onchange={ontheme}
                />
            </div>
        </div>
    }
}
