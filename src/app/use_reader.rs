//! The reader's hooks: their preferences, stored and kept in step with the other widgets
//! and tabs, the notice when storage fails, and their place in the article kept across
//! a change of audience that arrives from elsewhere; and the publisher's accent they see.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::browser::dom::{self, ReadingPlace};
use crate::browser::storage;
use crate::model::Publisher;
use crate::preferences::{Preferences, PreferencesAction};

/// The reader, as the app sees them.
pub struct Reader {
    pub preferences: Preferences,
    /// Every change of preferences goes through here.
    pub onaction: Callback<PreferencesAction>,
    /// Whether storage failed, so that their choices will not outlive the page.
    pub storage_failed: bool,
}

/// The reader of the widget under `root`.
#[hook]
pub fn use_reader(root: &NodeRef) -> Reader {
    let preferences = use_reducer(storage::load);
    // `_eq`: every change of preferences sets it, nearly always to what it was; an
    // unchanged notice must not render the whole widget a second time.
    let storage_failed = use_state_eq(|| false);
    // Where the reader was before the audience changed, to keep their place after.
    let reading_place = use_mut_ref(|| None::<ReadingPlace>);

    // A change from another widget or tab may come while the reader is deep in the
    // body: note their place first. (A change made here comes from the picker, which is
    // in view above the body; reading the place would force a layout.)
    let onaction = {
        let dispatcher = preferences.dispatcher();
        let root = root.clone();
        let reading_place = reading_place.clone();
        use_callback((), move |action: PreferencesAction, _| {
            if matches!(action, PreferencesAction::Sync(_)) {
                *reading_place.borrow_mut() = root
                    .cast::<Element>()
                    .and_then(|root| dom::reading_place(&root));
            }
            dispatcher.dispatch(action);
        })
    };

    // This widget's link to the store, made once it is mounted.
    let subscription = use_mut_ref(|| None::<storage::Subscription>);
    {
        let onaction = onaction.clone();
        let dispatcher = preferences.dispatcher();
        let subscription = subscription.clone();
        use_effect_with((), move |_| {
            *subscription.borrow_mut() =
                Some(storage::subscribe(onaction.reform(PreferencesAction::Sync)));
            // A choice stored between the first render's read and this subscription (the
            // reader's click in the prerendered page while this widget rendered hidden,
            // docs/static-first.md) was announced to no one here: read it again. The
            // reducer keeps the same state when nothing changed, so this renders nothing;
            // the dispatcher, not `onaction`, which would read the reading place (a layout).
            dispatcher.dispatch(PreferencesAction::Sync(storage::load()));
            move || drop(subscription.borrow_mut().take())
        });
    }
    {
        let storage_failed = storage_failed.clone();
        use_effect_with(*preferences, move |preferences| {
            let saved = subscription
                .borrow()
                .as_ref()
                .map(|link| link.save(preferences));
            storage_failed.set(matches!(saved, Some(Err(_))));
        });
    }
    {
        let root = root.clone();
        use_effect_with(preferences.audience, move |_| {
            let place = reading_place.borrow_mut().take();
            if let (Some(place), Some(root)) = (place, root.cast::<Element>()) {
                dom::restore_reading_place(&root, &place);
            }
        });
    }
    Reader {
        preferences: *preferences,
        onaction,
        storage_failed: *storage_failed,
    }
}

/// The publisher's accents on the widget under `root`, where the host page set none of
/// its own (`--article-widget-accent` wins: see `src/widget.css`).
#[hook]
pub fn use_publisher_accent(root: &NodeRef, publisher: Option<Rc<Publisher>>) {
    let root = root.clone();
    use_effect_with(publisher, move |publisher| {
        let (Some(publisher), Some(root)) = (publisher, root.cast::<Element>()) else {
            return;
        };
        dom::set_custom_properties(
            &root,
            &[
                ("--aw-publisher-accent", &publisher.accent),
                ("--aw-publisher-accent-dark", &publisher.accent_dark),
            ],
        );
    });
}
