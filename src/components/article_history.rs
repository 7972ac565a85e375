use yew::prelude::*;

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
    if props.changes.is_empty() {
        return Html::default();
    }
    let entries = props.changes.iter().map(|change| {
        html! {
            <li>
                <time datetime={change.date.to_string()}>{ change.date.long() }</time>
                { ": " }
                { &change.summary }
            </li>
        }
    });
    html! {
        <details class="history" part="history">
            <summary>{ "Article history" }</summary>
            <ol class="history-list">{ for entries }</ol>
        </details>
    }
}
