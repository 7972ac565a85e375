use yew::prelude::*;

/// The Medical Advisory Board badge.
#[function_component]
pub fn AdvisoryBadge() -> Html {
    html! {
        <p class="advisory-badge" part="badge">
            <span class="advisory-badge-mark" aria-hidden="true">{ "✚" }</span>
            <strong>{ "Medical Advisory Board" }</strong>
            <span>{ "All articles are reviewed for accuracy by our Medical Advisory Board" }</span>
        </p>
    }
}
