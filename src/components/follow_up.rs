use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FollowUpProps {
    pub url: AttrValue,
}

/// "Have a follow-up question?": the call to action at the end of an article.
#[function_component]
pub fn FollowUp(props: &FollowUpProps) -> Html {
    html! {
        <section class="follow-up" part="follow-up">
            <h2 id="follow-up-heading">{ "Have a follow-up question?" }</h2>
            <p>
                { "Our Medical A.I. is used by practicing medical doctors at top research institutions around the world. Ask any follow up question and get world-class guideline-backed answers instantly." }
            </p>
            <a class="follow-up-link" href={props.url.clone()} rel="noopener noreferrer">
                { "Ask a follow-up question" }
            </a>
        </section>
    }
}
