use yew::prelude::*;

use super::language::{long_date, use_language};
use crate::model::Change;

#[derive(Properties, PartialEq)]
pub struct ArticleHistoryProps {
    /// Newest first.
    pub changes: Vec<Change>,
}

/// "Article history": each recorded change with its date, collapsed until the reader
/// opens it. Nothing shows for an article without recorded changes.
#[function_component]
pub fn ArticleHistory(props: &ArticleHistoryProps) -> Html {
    let language = use_language();
    if props.changes.is_empty() {
        return Html::default();
    }
    let entries = props.changes.iter().map(|change| {
        html! {
            <li>
                <time datetime={change.date.to_string()}>{ long_date(change.date, language) }</time>
                { ": " }
                { &change.summary }
            </li>
        }
    });
    html! {
        <details class="history" part="history">
            <summary>{ language.messages().article_history }</summary>
            <ol class="history-list">{ for entries }</ol>
        </details>
    }
}
