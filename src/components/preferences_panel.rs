use yew::prelude::*;

use super::language::use_messages;
use super::radio_group::RadioGroup;
use super::rendering::Rendering;
use crate::preferences::{TextSize, Theme};

#[derive(Properties, PartialEq)]
pub struct PreferencesPanelProps {
    /// Inert, and shown so, in the build's prerendered page: it opens only with the
    /// widget's code.
    #[prop_or_default]
    pub rendering: Rendering,
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
        <div class="preferences" inert={props.rendering.is_inert()} aria-busy={props.rendering.busy()}>
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
