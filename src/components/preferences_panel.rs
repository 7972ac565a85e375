use yew::prelude::*;

use super::language::use_messages;
use super::radio_group::RadioGroup;
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
    let messages = use_messages();
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <div class="preferences">
            <button
                type="button"
                class="preferences-toggle"
                aria-expanded={(*open).to_string()}
                aria-controls="preferences-panel"
                onclick={ontoggle}
            >
                { messages.preferences_toggle }
            </button>
            <div id="preferences-panel" class="preferences-panel" hidden={!*open}>
                { RadioGroup::new("text-size", messages.text_size_legend, props.text_size, props.ontextsize.clone()).view(messages) }
                { RadioGroup::new("theme", messages.theme_legend, props.theme, props.ontheme.clone()).view(messages) }
            </div>
        </div>
    }
}
