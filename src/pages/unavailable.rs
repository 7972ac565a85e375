use yew::prelude::*;

use crate::components::language::use_messages;

#[derive(Properties, PartialEq)]
pub struct UnavailableProps {
    /// What the reader is told went wrong, in plain words.
    pub message: AttrValue,
    pub onretry: Callback<()>,
}

/// The panel shown instead of an article that could not be loaded.
#[function_component]
pub fn Unavailable(props: &UnavailableProps) -> Html {
    let messages = use_messages();
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <div class="panel unavailable" role="alert">
            <h2>{ messages.unavailable_heading }</h2>
            <p>{ props.message.clone() }</p>
            <button type="button" {onclick}>{ messages.try_again }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct OfflineProps {
    pub message: AttrValue,
}

/// The panel shown offline instead of a page this device never saved: it opens by
/// itself once the reader is back online.
#[function_component]
pub fn Offline(props: &OfflineProps) -> Html {
    let messages = use_messages();
    html! {
        <div class="panel offline" role="status">
            <h2>{ messages.offline_heading }</h2>
            <p>{ props.message.clone() }</p>
        </div>
    }
}
