use yew::prelude::*;

use crate::model::ReviewBody;
use crate::model::{Review, ReviewStatus};

#[derive(Properties, PartialEq)]
pub struct ReviewBadgeProps {
    pub review: Review,
    pub review_body: ReviewBody,
}

/// The review body's badge, saying only what the recorded review says: who reviewed
/// the article and when once it is approved, and otherwise that it awaits their review.
#[function_component]
pub fn ReviewBadge(props: &ReviewBadgeProps) -> Html {
    let board = &props.review_body.name;
    let review = &props.review;
    let reviewers = review
        .reviewers
        .iter()
        .map(|reviewer| format!("{}, {}", reviewer.name, reviewer.credentials))
        .collect::<Vec<_>>()
        .join("; ");
    let said = match (review.status, review.reviewed) {
        (ReviewStatus::Approved, Some(reviewed)) => html! {
            <>
                <span>
                    { format!("Reviewed by {reviewers} on ") }
                    <time datetime={reviewed.to_string()}>{ reviewed.long() }</time>
                    { "." }
                </span>
                <span class="review-statement">{ &props.review_body.statement }</span>
            </>
        },
        (ReviewStatus::UnderReview, _) => html! {
            <span>{ format!("Being reviewed by the {board}; not yet approved.") }</span>
        },
        // Approved without a date never passes `articles check`: say nothing of a
        // review that the data does not record.
        (ReviewStatus::Submitted | ReviewStatus::Approved, _) => html! {
            <span>{ format!("Awaiting review by the {board}.") }</span>
        },
    };
    let class = match review.status {
        ReviewStatus::Approved if review.reviewed.is_some() => "review-badge approved",
        _ => "review-badge pending",
    };
    html! {
        <p {class} part="badge">
            <span class="review-badge-mark" aria-hidden="true">{ "✚" }</span>
            <strong>{ board }</strong>
            { said }
        </p>
    }
}
