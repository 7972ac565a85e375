use yew::prelude::*;

use crate::model::ReviewStatus;

#[derive(Properties, PartialEq)]
pub struct ReviewStepperProps {
    pub status: ReviewStatus,
}

/// The review steps Submitted → Under Review → Approved, the current one marked with
/// `aria-current="step"`, and the caution line while the article is not approved (an
/// approved article is still for education only).
#[function_component]
pub fn ReviewStepper(props: &ReviewStepperProps) -> Html {
    let steps = ReviewStatus::ALL.iter().map(|&step| {
        let (class, state) = match step.cmp(&props.status) {
            std::cmp::Ordering::Less => ("review-step done", "completed"),
            std::cmp::Ordering::Equal => ("review-step current", "current step"),
            std::cmp::Ordering::Greater => ("review-step", "not yet"),
        };
        let current = (step == props.status).then_some("step");
        html! {
            <li class={class} aria-current={current}>
                { step.label() }
                <span class="visually-hidden">{ format!(" ({state})") }</span>
            </li>
        }
    });
    html! {
        <section class="review" part="review">
            if props.status == ReviewStatus::Approved {
                <p class="note educational" role="note">{ "Educational purpose only" }</p>
            } else {
                <p class="caution" role="note">
                    { "Educational purpose only • Exercise caution as content is pending human review" }
                </p>
            }
            <h2 id="review-heading" class="review-heading">{ "Article Review Status" }</h2>
            <ol class="review-steps">{ for steps }</ol>
        </section>
    }
}
