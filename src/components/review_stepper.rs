use yew::prelude::*;

use crate::messages::Messages;
use crate::model::ReviewStatus;

/// The review steps Submitted → Under Review → Approved, the current one marked with
/// `aria-current="step"`, and the caution line while the article is not approved (an
/// approved article is still for education only).
///
/// A view function, not a component: it holds no state, and each component costs every
/// partner page its own copy of Yew's lifecycle in the Wasm.
pub fn review_stepper(status: ReviewStatus, messages: &Messages) -> Html {
    let steps = ReviewStatus::ALL.iter().map(|&step| {
        let (class, state) = match step.cmp(&status) {
            std::cmp::Ordering::Less => ("review-step done", messages.step_done),
            std::cmp::Ordering::Equal => ("review-step current", messages.step_current),
            std::cmp::Ordering::Greater => ("review-step", messages.step_pending),
        };
        let current = (step == status).then_some("step");
        html! {
            <li class={class} aria-current={current}>
                { messages.review_status(step) }
                <span class="visually-hidden">{ format!(" ({state})") }</span>
            </li>
        }
    });
    html! {
        <section class="review" part="review">
            if status == ReviewStatus::Approved {
                <p class="note educational" role="note">{ messages.educational }</p>
            } else {
                <p class="caution" role="note">
                    { messages.caution }
                </p>
            }
            <h2 id="review-heading" class="review-heading">{ messages.review_heading }</h2>
            <ol class="review-steps">{ for steps }</ol>
        </section>
    }
}
