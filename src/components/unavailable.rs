use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnavailableProps {
    /// What the reader is told went wrong, in plain words.
    pub message: AttrValue,
    pub onretry: Callback<()>,
}

/// The panel shown instead of an article that could not be loaded.
#[function_component]
pub fn Unavailable(props: &UnavailableProps) -> Html {
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <div class="panel unavailable" role="alert">
            <h2>{ "This article is unavailable" }</h2>
            <p>{ props.message.clone() }</p>
            <button type="button" {onclick}>{ "Try again" }</button>
        </div>
    }
}
