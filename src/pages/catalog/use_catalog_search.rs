//! The hook that searches the catalog's full text through the build's search index
//! (see [`crate::browser::search`]), one request at a time: the answer to a query the
//! reader has since changed is dropped, whatever order the answers come in.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::console::log_error;
use crate::browser::search;
use crate::model::{SearchRequest, SearchResults};

/// Where a search stands.
#[derive(Clone, PartialEq)]
pub enum SearchState {
    /// No search asked.
    Idle,
    /// Asked; the last results found, if any, meanwhile.
    Searching(Option<Rc<SearchResults>>),
    Found(Rc<SearchResults>),
    /// The index could not be reached (offline, or none was built): the caller falls
    /// back to what it has at hand.
    Failed,
}

/// The results of `request`, searched in the index beside the data at `data_url`.
#[hook]
pub fn use_catalog_search(data_url: &AttrValue, request: Option<SearchRequest>) -> SearchState {
    let answered = use_state(|| None::<(SearchRequest, Option<Rc<SearchResults>>)>);
    // Counts the searches asked: an answer whose count is not the latest was overtaken.
    let latest = use_mut_ref(|| 0_u64);
    {
        let answered = answered.clone();
        let latest = latest.clone();
        use_effect_with(
            (data_url.clone(), request.clone()),
            move |(data_url, request)| {
                *latest.borrow_mut() += 1;
                let generation = *latest.borrow();
                if let Some(request) = request.clone() {
                    let data_url = data_url.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let found = match search::adapter_url(&data_url) {
                            Ok(adapter) => search::search(&adapter, &request).await,
                            Err(error) => Err(error),
                        };
                        if *latest.borrow() != generation {
                            return;
                        }
                        let found = found
                            .map_err(|error| log_error(&format!("search: {error}")))
                            .ok()
                            .map(Rc::new);
                        answered.set(Some((request, found)));
                    });
                }
            },
        );
    }
    let Some(request) = request else {
        return SearchState::Idle;
    };
    match &*answered {
        Some((asked, Some(found))) if *asked == request => SearchState::Found(found.clone()),
        Some((asked, None)) if *asked == request => SearchState::Failed,
        Some((_, last)) => SearchState::Searching(last.clone()),
        None => SearchState::Searching(None),
    }
}
