use yew::prelude::*;

use crate::model::Date;

#[derive(Properties, PartialEq)]
pub struct ReviewDatesProps {
    pub updated: Date,
    pub next_review_due: Date,
    pub editorial_policy_url: Option<AttrValue>,
    /// Where a reader reports an error.
    pub corrections_url: Option<AttrValue>,
    /// The reader's today, from their browser; `None` where it is not known (a page
    /// rendered ahead of time says nothing of overdue reviews).
    #[prop_or_default]
    pub today: Option<Date>,
}

/// Last updated, next review due (and whether it has passed), and the editorial policy
/// and corrections links. Who reviewed the article is the badge's to say.
#[function_component]
pub fn ReviewDates(props: &ReviewDatesProps) -> Html {
    let overdue = props
        .today
        .is_some_and(|today| props.next_review_due < today);
    html! {
        <div class="review-dates">
            if overdue {
                <p class="overdue" role="note">
                    { "This article was due for review on " }
                    <time datetime={props.next_review_due.to_string()}>{ props.next_review_due.long() }</time>
                    { ". It may not reflect the latest guidance." }
                </p>
            }
            <p>
                { "Last updated: " }
                <time datetime={props.updated.to_string()}>{ props.updated.long() }</time>
            </p>
            <p>
                { "Next review due: " }
                <time datetime={props.next_review_due.to_string()}>{ props.next_review_due.long() }</time>
            </p>
            if let Some(url) = &props.editorial_policy_url {
                <p><a href={url.clone()}>{ "View editorial policy" }</a></p>
            }
            if let Some(url) = &props.corrections_url {
                <p><a href={url.clone()}>{ "Report an error" }</a></p>
            }
        </div>
    }
}
