use yew::prelude::*;

use crate::messages::long_date;
use crate::messages::Language;
use crate::model::ReviewBody;
use crate::model::{Review, ReviewStatus};

/// The review body's badge, saying only what the recorded review says: who reviewed
/// the article and when once it is approved, and otherwise that it awaits their review.
/// A view function, not a component, as `review_stepper` is.
pub fn review_badge(review: &Review, review_body: &ReviewBody, language: Language) -> Html {
    let messages = language.messages();
    let board = &review_body.name;
    let board_in_sentence = review_body
        .in_sentence
        .clone()
        .unwrap_or_else(|| (messages.board_in_sentence)(board));
    // What may be claimed is the model's one rule (`Review::sign_off`), which the static
    // pages' metadata follows too.
    let sign_off = review.sign_off();
    let said = match (sign_off, review.status) {
        (Some(sign_off), _) => {
            let reviewers = sign_off
                .reviewers
                .iter()
                .map(|reviewer| format!("{}, {}", reviewer.name, reviewer.credentials))
                .collect::<Vec<_>>()
                .join("; ");
            html! {
                <>
                    <span>
                        { (messages.reviewed_by)(&reviewers) }
                        <time datetime={sign_off.reviewed.to_string()}>{ long_date(sign_off.reviewed, language) }</time>
                        { messages.reviewed_end }
                    </span>
                    <span class="review-statement">{ &review_body.statement }</span>
                </>
            }
        }
        (None, ReviewStatus::UnderReview) => html! {
            <span>{ (messages.being_reviewed)(&board_in_sentence) }</span>
        },
        // An approval without its date or reviewers never passes `articles check`: say
        // nothing of a review that the data does not record.
        (None, ReviewStatus::Submitted | ReviewStatus::Approved) => html! {
            <span>{ (messages.awaiting_review)(&board_in_sentence) }</span>
        },
    };
    let class = match sign_off {
        Some(_) => "review-badge approved",
        None => "review-badge pending",
    };
    html! {
        <p {class} part="badge">
            <span class="review-badge-mark" aria-hidden="true">{ "✚" }</span>
            <strong>{ board }</strong>
            { said }
        </p>
    }
}
