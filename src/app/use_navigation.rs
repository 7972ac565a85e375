//! The hooks of browsing inside a widget: the [`Trail`] reducer wired to links, the Back
//! button and the browser's history, and focus that follows the reader to a new page.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::host::Host;
use super::load::LoadState;
use super::navigation::{Move, Step, Trail};
use crate::browser::{dom, history};
use crate::config::{article_link, site_link, Page, Placement, WidgetConfig};
use crate::model::Slug;

/// Where the reader is, and how they move.
pub struct Navigation {
    /// The page shown.
    pub page: Page,
    /// The pages opened inside the widget, oldest first (the last is `page`), which
    /// the article-only Wasm hands over; empty in the full app, which reads none.
    #[cfg_attr(shows_catalog, allow(dead_code))]
    pub opened: Vec<Page>,
    /// Whether the widget shows its own Back button.
    pub can_go_back: bool,
    /// Opens a page inside the widget.
    pub onopen: Callback<Page>,
    pub onback: Callback<()>,
    /// Shows a translation of the page shown in its place; `true` when the reader asked
    /// for it, and focus follows them to it.
    pub ontranslate: Callback<(Page, bool)>,
    /// Set by every move until the new page has its heading focused.
    arrived: Rc<Cell<bool>>,
}

#[hook]
pub fn use_navigation(config: &WidgetConfig, host: &Host, mount: u64) -> Navigation {
    let trail = use_reducer_eq(Trail::default);
    let arrived = use_memo((), |_| Cell::new(false));
    let placement = config.placement;
    let go = {
        let dispatcher = trail.dispatcher();
        let arrived = arrived.clone();
        move |step: Step| {
            arrived.set(true);
            dispatcher.dispatch(Move {
                mount,
                placement,
                step,
            });
        }
    };
    let onopen = {
        let go = go.clone();
        let root = config.links_root().to_owned();
        use_callback((mount, placement, root), move |page: Page, (_, _, root)| {
            if placement == Placement::Publisher {
                history::push_url(&match &page {
                    Page::Article(slug) => article_link(root, slug),
                    Page::Catalog => site_link(root, ""),
                });
            }
            go(Step::Open(page));
        })
    };
    let onback = {
        let go = go.clone();
        use_callback((mount, placement), move |(), _| go(Step::Back))
    };
    let ontranslate = {
        let dispatcher = trail.dispatcher();
        let arrived = arrived.clone();
        let root = config.links_root().to_owned();
        use_callback(
            (mount, placement, root),
            move |(page, asked): (Page, bool), (_, _, root)| {
                if let (Placement::Publisher, Page::Article(slug)) = (placement, &page) {
                    history::replace_url(&article_link(root, slug));
                }
                // A translation shown because of a choice made before does not take the
                // focus from wherever the reader is on the host page.
                if asked {
                    arrived.set(true);
                }
                dispatcher.dispatch(Move {
                    mount,
                    placement,
                    step: Step::Translate(page),
                });
            },
        )
    };
    // A new page asked by the host page (a live option) starts the trail again; the
    // first run, at mount, finds it empty already.
    {
        let dispatcher = trail.dispatcher();
        use_effect_with(config.page.clone(), move |_| {
            dispatcher.dispatch(Move {
                mount,
                placement,
                step: Step::Restart,
            });
        });
    }
    // A widget the article-only Wasm handed over as the reader opened the catalog opens
    // again the pages they had opened, the catalog last, for the Back button.
    {
        let dispatcher = trail.dispatcher();
        let opened = config.opened.clone();
        let arrived = arrived.clone();
        use_effect_with(mount, move |_| {
            // Focus follows the reader to the catalog, as after any move of theirs.
            if !opened.is_empty() {
                arrived.set(true);
            }
            for page in opened {
                dispatcher.dispatch(Move {
                    mount,
                    placement,
                    step: Step::Open(page),
                });
            }
        });
    }
    // On the publisher's page the browser's back and forward move between articles.
    {
        let follows_history = placement == Placement::Publisher && *host != Host::Parked;
        use_effect_with((follows_history, mount), move |(follows_history, _)| {
            let listener = follows_history
                .then(|| {
                    history::on_history_move(move |article| {
                        let page = article
                            .as_deref()
                            .and_then(Slug::parse)
                            .map_or(Page::Catalog, Page::Article);
                        go(Step::Arrive(page));
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }
    Navigation {
        page: trail.shown(mount, &config.page),
        // Only the article-only Wasm hands them over.
        opened: if cfg!(shows_catalog) {
            Vec::new()
        } else {
            trail.opened(mount).to_vec()
        },
        can_go_back: trail.can_go_back(mount, placement),
        onopen,
        onback,
        ontranslate,
        arrived,
    }
}

/// The article-only Wasm has no catalog: once the reader opens it, the full app shows
/// it. On a partner's page the loader mounts the full app in this widget's place; on
/// the publisher's site the catalog's own page loads, which starts the full app (the
/// history already has the catalog's entry, which the link or the Back button made).
#[cfg(not(shows_catalog))]
#[hook]
pub fn use_catalog_handoff(config: &WidgetConfig, host: &Host, navigation: &Navigation) {
    let handoff = match (host, &navigation.page) {
        (Host::Mounted(element), Page::Catalog) => Some((
            element.clone(),
            config.placement,
            site_link(config.links_root(), ""),
            navigation.opened.clone(),
        )),
        _ => None,
    };
    use_effect_with(handoff, |handoff| {
        let Some((host, placement, url, opened)) = handoff else {
            return;
        };
        let handed = *placement == Placement::Partner
            && crate::browser::page::hand_catalog_to_loader(host, opened);
        if !handed {
            crate::browser::page::load_page(url, *placement == Placement::Publisher);
        }
    });
}

/// The full app shows the catalog itself: nothing to hand over, and no code for it.
#[cfg(shows_catalog)]
#[hook]
pub fn use_catalog_handoff(_config: &WidgetConfig, _host: &Host, _navigation: &Navigation) {}

/// After a move, once the new page has loaded, focus goes to its heading: keyboard and
/// screen-reader users land where sighted readers look.
#[hook]
pub fn use_heading_focus(root: &NodeRef, navigation: &Navigation, state: &LoadState) {
    let root = root.clone();
    let arrived = navigation.arrived.clone();
    use_effect_with(state.clone(), move |state| {
        if matches!(state, LoadState::Loaded(..)) && arrived.replace(false) {
            if let Some(root) = root.cast::<Element>() {
                dom::focus_heading(&root);
            }
        }
    });
}
