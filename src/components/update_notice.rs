use yew::prelude::*;

use super::article_history::history_entry;
use crate::messages::long_date;
use crate::messages::Language;
use crate::model::{Change, Date};

/// "Updated since you last read it on <date>": the changes made since the copy the
/// reader last read, in the order given (the decision, `app::updates`, puts corrections
/// first), and a Dismiss button. A status region with its own heading, so that a
/// screen reader hears it and finds it; shown only live, never in the build's pages,
/// which do not know the reader. A view function, not a component, as `review_stepper`
/// is.
pub fn update_notice(
    read_on: Date,
    changes: &[Change],
    ondismiss: Callback<MouseEvent>,
    language: Language,
) -> Html {
    let messages = language.messages();
    html! {
        <section class="note update-notice" role="status">
            <h2>{ (messages.updated_since)(&long_date(read_on, language)) }</h2>
            <ul class="history-list">{ for changes.iter().map(|change| history_entry(change, language)) }</ul>
            <button type="button" onclick={ondismiss}>{ messages.dismiss }</button>
        </section>
    }
}
