use yew::prelude::*;

use crate::messages::long_date;
use crate::messages::Language;
use crate::model::Date;

/// The dates of an article's review, and the publisher's links beside them.
pub struct ReviewDates {
    pub updated: Date,
    pub next_review_due: Date,
    pub editorial_policy_url: Option<AttrValue>,
    /// Where a reader reports an error.
    pub corrections_url: Option<AttrValue>,
    /// The reader's today, from their browser; `None` where it is not known (a page
    /// rendered ahead of time says nothing of overdue reviews).
    pub today: Option<Date>,
    /// The article shown is this device's saved copy, because the network failed: an
    /// overdue review is then said of the copy, which may be older than the article.
    pub saved_copy: bool,
}

/// Last updated, next review due (and whether it has passed), and the editorial policy
/// and corrections links. Who reviewed the article is the badge's to say. A view
/// function, not a component, as `review_stepper` is.
pub fn review_dates(props: &ReviewDates, language: Language) -> Html {
    let messages = language.messages();
    let overdue = props
        .today
        .is_some_and(|today| props.next_review_due < today);
    let (before, after) = match props.saved_copy {
        true => (messages.overdue_saved_before, messages.overdue_saved_after),
        false => (messages.overdue_before, messages.overdue_after),
    };
    html! {
        <div class="review-dates">
            if overdue {
                <p class="overdue" role="note">
                    { before }
                    <time datetime={props.next_review_due.to_string()}>{ long_date(props.next_review_due, language) }</time>
                    { after }
                </p>
            }
            <p>
                { messages.last_updated }
                <time datetime={props.updated.to_string()}>{ long_date(props.updated, language) }</time>
            </p>
            <p>
                { messages.next_review_due }
                <time datetime={props.next_review_due.to_string()}>{ long_date(props.next_review_due, language) }</time>
            </p>
            if let Some(url) = &props.editorial_policy_url {
                <p><a href={url.clone()}>{ messages.editorial_policy }</a></p>
            }
            if let Some(url) = &props.corrections_url {
                <p><a href={url.clone()}>{ messages.report_error }</a></p>
            }
        </div>
    }
}
