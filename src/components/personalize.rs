use yew::prelude::*;

use super::audience_picker::audience_picker;
use super::preferences_panel::PreferencesPanel;
use super::rendering::Rendering;
use crate::messages::Messages;
use crate::model::Audience;
use crate::preferences::{Preferences, PreferencesAction};

/// What the personalization block shows and whom it tells of the reader's choices.
pub struct Personalize {
    /// The audience whose variant the reader asked for (or the default).
    pub audience: Audience,
    pub preferences: Preferences,
    pub onaction: Callback<PreferencesAction>,
    /// Why the reader's choices will not outlive the page, when storage fails.
    pub storage_notice: Option<AttrValue>,
    /// In the build's prerendered page (see [`crate::pages`]) the audience question
    /// takes a choice at once, and the text size and theme are inert, and shown so,
    /// until the widget takes the page over.
    pub rendering: Rendering,
}

/// "Personalize": the audience question and the text size and theme preferences. A
/// view function, not a component, as `review_stepper` is; the preferences panel,
/// which keeps whether it is open, is one.
pub fn personalize(props: &Personalize, messages: &Messages) -> Html {
    let onaudiencechange = props.onaction.reform(PreferencesAction::ChooseAudience);
    let ontextsize = props.onaction.reform(PreferencesAction::SetTextSize);
    let ontheme = props.onaction.reform(PreferencesAction::SetTheme);
    html! {
        <section class="personalize" part="personalize">
            <h2 id="personalize-heading" class="personalize-heading">{ messages.personalize }</h2>
            <p class="personalize-lead">{ messages.personalize_lead }</p>
            { audience_picker(props.audience, onaudiencechange, messages) }
            <PreferencesPanel
                rendering={props.rendering}
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
