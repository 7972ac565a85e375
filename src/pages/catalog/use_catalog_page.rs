//! The hook that gives the catalog's page the reader turned to: the first is
//! `index.json`'s, at hand; the others are fetched when the reader asks for them, kept
//! on this device as articles are, and read from there offline.
//!
//! It keeps the article load's policy where it applies, through the same helpers: a
//! load that the next page or "try again" overtakes is aborted
//! ([`network::spawn_abortable`]), and a page the server no longer has
//! ([`crate::browser::LoadError::is_withdrawn`]) is forgotten on this device. It does
//! not share the rest of `app::load`'s `settle`: the saved copy is asked for only after
//! the network fails (not raced against it), and a page shown from it is not marked as
//! a saved copy. `settle` decides over the app's `LoadState` and its banner, which a
//! page of the list has no place for; sharing it would make it generic for this alone.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::console::log_error;
use crate::browser::{network, offline};
use crate::json;
use crate::model::{CatalogEntry, CatalogPage};

/// A page of the catalog after the first.
#[derive(Clone, PartialEq)]
pub enum PageLoad {
    Loading,
    Loaded(Rc<[CatalogEntry]>),
    /// Neither the network nor this device has it.
    Failed,
}

/// What the hook gives: the page, and a way to ask for it again.
pub struct CatalogPageLoad {
    /// `None` for the first page, which the caller has.
    pub load: Option<PageLoad>,
    pub onretry: Callback<()>,
}

/// Page `page` (from 2) of the catalog whose data is at `data_url`. A page the reader
/// left before it came is not shown.
#[hook]
pub fn use_catalog_page(data_url: &AttrValue, page: usize) -> CatalogPageLoad {
    let loaded = use_state(|| None::<(usize, PageLoad)>);
    // Each "try again" runs the effect anew.
    let attempt = use_state(|| 0_u32);
    {
        let loaded = loaded.clone();
        use_effect_with(
            (data_url.clone(), page, *attempt),
            move |(data_url, page, _)| {
                let page = *page;
                let running = (page > 1).then(|| {
                    loaded.set(None);
                    let url = format!("{data_url}{}", crate::model::Catalog::page_file(page));
                    network::spawn_abortable(async move {
                        loaded.set(Some((page, load(&url).await)));
                    })
                });
                // Overtaken by the next page or a retry, it neither lands nor lives on.
                move || {
                    if let Some(handle) = running {
                        handle.abort();
                    }
                }
            },
        );
    }
    let load = (page > 1).then(|| match &*loaded {
        Some((shown, load)) if *shown == page => load.clone(),
        _ => PageLoad::Loading,
    });
    CatalogPageLoad {
        load,
        onretry: Callback::from(move |()| attempt.set(*attempt + 1)),
    }
}

/// The network's copy, kept for offline reading; else the one kept, unless the server
/// says the page is gone.
async fn load(url: &str) -> PageLoad {
    let decode = |text: &str| json::from_data::<CatalogPage>(text).ok();
    match network::fetch_text(url).await {
        Ok(fetched) => {
            if let Some(page) = decode(&fetched.text) {
                offline::save(url, &fetched.text).await;
                return PageLoad::Loaded(page.articles.into());
            }
            log_error(&format!("{url}: invalid catalog page"));
        }
        Err(error) if error.is_withdrawn() => {
            log_error(&format!("{url}: {error}"));
            offline::forget(url).await;
            return PageLoad::Failed;
        }
        Err(error) => log_error(&format!("{url}: {error}")),
    }
    match offline::load(url).await.and_then(|copy| decode(&copy.text)) {
        Some(page) => PageLoad::Loaded(page.articles.into()),
        None => PageLoad::Failed,
    }
}
