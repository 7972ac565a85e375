use yew::prelude::*;

use crate::messages::long_date;
use crate::messages::Language;
use crate::model::{Change, ChangeKind};

/// "Article history": each recorded change with its date, collapsed until the reader
/// opens it, newest first, a correction marked as one in words. Nothing shows for an article without recorded changes. A
/// view function, not a component, as `review_stepper` is.
pub fn article_history(changes: &[Change], language: Language) -> Html {
    if changes.is_empty() {
        return Html::default();
    }
    html! {
        <details class="history" part="history">
            <summary>{ language.messages().article_history }</summary>
            <ol class="history-list">{ for changes.iter().map(|change| history_entry(change, language)) }</ol>
        </details>
    }
}

/// One change as a list item: its date, then its summary, a correction said in words.
/// The history and the notice of what changed since the last reading list them alike.
pub fn history_entry(change: &Change, language: Language) -> Html {
    let corrects = change.kind == ChangeKind::Correction;
    let kind = corrects.then(|| {
        html! {
            <>
                <strong class="change-kind">{ language.messages().correction }</strong>
                { ": " }
            </>
        }
    });
    html! {
        <li class={classes!(corrects.then_some("correction"))}>
            <time datetime={change.date.to_string()}>{ long_date(change.date, language) }</time>
            { ": " }
            { kind }
            { &change.summary }
        </li>
    }
}
