use yew::prelude::*;

use crate::model::{Date, Review};

#[derive(Properties, PartialEq)]
pub struct ReviewDatesProps {
    pub updated: Date,
    pub next_review_due: Date,
    pub review: Review,
    pub editorial_policy_url: AttrValue,
}

/// Last updated, next review due, who reviewed it, and the editorial policy link.
#[function_component]
pub fn ReviewDates(props: &ReviewDatesProps) -> Html {
    let reviewers = props
        .review
        .reviewers
        .iter()
        .map(|reviewer| format!("{}, {}", reviewer.name, reviewer.credentials))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <div class="review-dates">
            <p>
                { "Last updated: " }
                <time datetime={props.updated.to_string()}>{ props.updated.long() }</time>
            </p>
            <p>
                { "Next review due: " }
                <time datetime={props.next_review_due.to_string()}>{ props.next_review_due.long() }</time>
            </p>
            if !reviewers.is_empty() {
                <p>
                    { format!("Reviewed by {reviewers}") }
                    if let Some(reviewed) = props.review.reviewed {
                        { " on " }
                        <time datetime={reviewed.to_string()}>{ reviewed.long() }</time>
                    }
                </p>
            }
            <p><a href={props.editorial_policy_url.clone()}>{ "View editorial policy" }</a></p>
        </div>
    }
}
