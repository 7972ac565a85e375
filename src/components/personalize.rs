use yew::prelude::*;

use super::audience_picker::AudiencePicker;
use super::language::use_messages;
use super::preferences_panel::PreferencesPanel;
use crate::model::Audience;
use crate::preferences::{Preferences, PreferencesAction};

#[derive(Properties, PartialEq)]
pub struct PersonalizeProps {
    /// The audience whose variant the reader asked for (or the default).
    pub audience: Audience,
    pub preferences: Preferences,
    pub onaction: Callback<PreferencesAction>,
    /// Why the reader's choices will not outlive the page, when storage fails.
    #[prop_or_default]
    pub storage_notice: Option<AttrValue>,
    /// Not ready yet: the controls are inert and shown so (see [`crate::pages`]'s
    /// prerendered pages).
    #[prop_or_default]
    pub inert: bool,
}

/// "Personalize": the audience question and the text size and theme preferences.
#[function_component]
pub fn Personalize(props: &PersonalizeProps) -> Html {
    let messages = use_messages();
    let onaudiencechange = props.onaction.reform(PreferencesAction::ChooseAudience);
    let ontextsize = props.onaction.reform(PreferencesAction::SetTextSize);
    let ontheme = props.onaction.reform(PreferencesAction::SetTheme);
    html! {
        <section class="personalize" part="personalize" inert={props.inert}
            aria-busy={props.inert.then_some(AttrValue::Static("true"))}>
            <h2 id="personalize-heading" class="personalize-heading">{ messages.personalize }</h2>
            <p class="personalize-lead">{ messages.personalize_lead }</p>
            <AudiencePicker selected={props.audience} onchange={onaudiencechange} />
            <PreferencesPanel
                text_size={props.preferences.text_size}
                theme={props.preferences.theme}
                {ontextsize}
                {ontheme}
            />
            if let Some(notice) = &props.storage_notice {
                <p class="note storage-notice" role="status">{ notice.clone() }</p>
            }
        </section>
    }
}
