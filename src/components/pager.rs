//! Turning the pages of a long list: the catalog's pages, or a search's. One page of
//! the list is in the document at a time, however long the catalog.
//!
//! Live, the pager is buttons that turn the list's pages inside the widget. In the
//! build's static catalog pages it is links to each page's own static page
//! (`catalog/<n>/`), so that readers without scripts and crawlers walk the whole
//! catalog; the Wasm never draws those, so they are left out of it.

use yew::prelude::*;

use super::rendering::Rendering;
use crate::messages::Messages;

/// Where a list stands, and what turns its pages.
pub struct Pager {
    /// From 1.
    pub page: usize,
    pub page_count: usize,
    pub onpage: Callback<usize>,
    /// Buttons live; links to the static pages in the build's prerendered page.
    pub rendering: Rendering,
    /// The publisher's site, where the static pages' links lead from (`./`, `../../`).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub root: AttrValue,
}

/// "Previous page", "Page 2 of 2000", "Next page"; nothing for a list of one page. A
/// view function, not a component, as `review_stepper` is.
pub fn pager(props: &Pager, messages: &Messages) -> Html {
    if props.page_count <= 1 {
        return Html::default();
    }
    #[cfg(not(target_arch = "wasm32"))]
    if props.rendering == Rendering::Prerendered {
        return static_pager(props, messages);
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

/// The links of a static page's pager: where "Previous" and "Next" lead (none before
/// the first page or after the last), and the pages linked by number in order: the
/// first, the last and the current page's neighbours, `None` for each run of pages
/// left out, so that a catalog of 2,000 pages still has a pager of a few links.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, PartialEq, Eq)]
pub struct PageLinks {
    pub previous: Option<usize>,
    pub next: Option<usize>,
    pub numbers: Vec<Option<usize>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl PageLinks {
    /// The links of page `page` (from 1) of `page_count`; a page out of range is taken
    /// as the nearest one.
    pub fn of(page: usize, page_count: usize) -> PageLinks {
        let page_count = page_count.max(1);
        let page = page.clamp(1, page_count);
        let mut wanted = vec![1, page.saturating_sub(1), page, page + 1, page_count];
        wanted.retain(|number| (1..=page_count).contains(number));
        wanted.sort_unstable();
        wanted.dedup();
        let mut numbers = Vec::with_capacity(wanted.len() + 2);
        let mut last = 0;
        for number in wanted {
            match number - last {
                1 => {}
                // One page left out is shown rather than a gap that hides one link.
                2 => numbers.push(Some(last + 1)),
                _ => numbers.push(None),
            }
            numbers.push(Some(number));
            last = number;
        }
        PageLinks {
            previous: (page > 1).then(|| page - 1),
            next: (page < page_count).then(|| page + 1),
            numbers,
        }
    }
}

/// The pager of the build's static catalog pages: real links, the current page marked,
/// inside a navigation landmark.
#[cfg(not(target_arch = "wasm32"))]
fn static_pager(props: &Pager, messages: &Messages) -> Html {
    use crate::config::{catalog_page_path, site_link};

    let href = |page: usize| site_link(&props.root, &catalog_page_path(page));
    let links = PageLinks::of(props.page, props.page_count);
    let numbers = links.numbers.iter().map(|number| match number {
        Some(number) => {
            let current = (*number == props.page).then_some(AttrValue::Static("page"));
            html! { <li><a href={href(*number)} aria-current={current}>{ number }</a></li> }
        }
        None => html! { <li aria-hidden="true">{ "…" }</li> },
    });
    html! {
        <nav class="pager" aria-label={messages.pages_label}>
            if let Some(previous) = links.previous {
                <a href={href(previous)} rel="prev">{ messages.previous_page }</a>
            }
            <span class="pager-position">{ (messages.page_of)(props.page, props.page_count) }</span>
            <ol class="pager-pages">{ for numbers }</ol>
            if let Some(next) = links.next {
                <a href={href(next)} rel="next">{ messages.next_page }</a>
            }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_static_pager_links_its_neighbours_the_ends_and_marks_gaps() {
        let of = |page, count| PageLinks::of(page, count);
        assert_eq!(
            of(1, 3),
            PageLinks {
                previous: None,
                next: Some(2),
                numbers: vec![Some(1), Some(2), Some(3)],
            }
        );
        assert_eq!(
            of(3, 3),
            PageLinks {
                previous: Some(2),
                next: None,
                numbers: vec![Some(1), Some(2), Some(3)],
            }
        );
        assert_eq!(
            of(50, 2000).numbers,
            [
                Some(1),
                None,
                Some(49),
                Some(50),
                Some(51),
                None,
                Some(2000)
            ]
        );
        // One page between two links is linked, not hidden behind a gap.
        assert_eq!(
            of(4, 9).numbers,
            [Some(1), Some(2), Some(3), Some(4), Some(5), None, Some(9)]
        );
        assert_eq!(
            of(1, 1),
            PageLinks {
                previous: None,
                next: None,
                numbers: vec![Some(1)],
            }
        );
        // Out of range: the nearest page.
        assert_eq!(of(9, 3).next, None);
        assert_eq!(of(0, 3).previous, None);
    }
}
