//! Turning the pages of a long list: the catalog's pages, or a search's. One page of
//! the list is in the document at a time, however long the catalog.

use yew::prelude::*;

use super::rendering::Rendering;
use crate::messages::Messages;

/// Where a list stands, and what turns its pages.
pub struct Pager {
    /// From 1.
    pub page: usize,
    pub page_count: usize,
    pub onpage: Callback<usize>,
    /// Inert in the build's prerendered page, until the widget takes it over.
    pub rendering: Rendering,
}

/// "Previous page", "Page 2 of 2000", "Next page"; nothing for a list of one page. A
/// view function, not a component, as `review_stepper` is.
pub fn pager(props: &Pager, messages: &Messages) -> Html {
    if props.page_count <= 1 {
        return Html::default();
    }
    let turn = |to: usize| {
        let onpage = props.onpage.clone();
        Callback::from(move |_: MouseEvent| onpage.emit(to))
    };
    html! {
        <nav class="pager" aria-label={messages.pages_label} inert={props.rendering.is_inert()}>
            <button type="button" disabled={props.page <= 1} onclick={turn(props.page.saturating_sub(1))}>
                { messages.previous_page }
            </button>
            <span class="pager-position">{ (messages.page_of)(props.page, props.page_count) }</span>
            <button type="button" disabled={props.page >= props.page_count} onclick={turn(props.page + 1)}>
                { messages.next_page }
            </button>
        </nav>
    }
}
