//! The reader's preferences in localStorage, behind `load`, `subscribe`, and the
//! `Subscription` through which a widget saves and hears the others, and what the reader
//! last read of each article (`load_readings`, `save_readings`). Components never touch
//! storage themselves.
//!
//! localStorage may be absent, may throw on every access (disabled, private mode,
//! quota exceeded), or may hold anything. None of that reaches the page: reading falls
//! back to this page's session copy, a failed write keeps the session copy, and the
//! caller learns only whether the choice will outlive the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::{Callback, Reducible};

use super::console::log_warning;
use crate::preferences::{self, Preferences, PreferencesAction, STORAGE_KEY};

thread_local! {
    /// The record as this page last read or wrote it: the session copy.
    static SESSION_COPY: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether the last write to localStorage failed, so the session copy is newer.
    static WRITE_FAILED: Cell<bool> = const { Cell::new(false) };
    static SUBSCRIBERS: RefCell<Vec<(u64, Callback<Preferences>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_SUBSCRIBER: Cell<u64> = const { Cell::new(0) };
    static STORAGE_EVENTS: RefCell<Option<EventListener>> = const { RefCell::new(None) };
}

/// The choice could not be stored: it lasts only as long as this page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUnavailable;

fn local_storage() -> Option<web_sys::Storage> {
    // `window.localStorage` itself throws where storage is disabled.
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_stored() -> Option<String> {
    if WRITE_FAILED.get() {
        return SESSION_COPY.with_borrow(Clone::clone);
    }
    match local_storage().map(|storage| storage.get_item(STORAGE_KEY)) {
        Some(Ok(stored)) => stored,
        _ => SESSION_COPY.with_borrow(Clone::clone),
    }
}

fn write_stored(record: &str) -> Result<(), StorageUnavailable> {
    SESSION_COPY.set(Some(record.to_owned()));
    let written = local_storage()
        .map(|storage| storage.set_item(STORAGE_KEY, record).is_ok())
        .unwrap_or(false);
    WRITE_FAILED.set(!written);
    if written {
        Ok(())
    } else {
        Err(StorageUnavailable)
    }
}

/// The stored preferences, repaired if they needed it; defaults if there are none.
pub fn load() -> Preferences {
    let stored = read_stored();
    let decoded = preferences::decode(stored.as_deref());
    for problem in &decoded.problems {
        log_warning(problem);
    }
    let record = preferences::encode(&decoded.preferences);
    if decoded.needs_rewrite {
        if write_stored(&record).is_err() {
            log_warning(
                "preferences cannot be stored in this browser; keeping them for this page only",
            );
        }
    } else {
        SESSION_COPY.set(Some(record));
    }
    decoded.preferences
}

/// Stores one choice of the reader's, made before any widget of the page listens (an
/// audience picked in the prerendered page), so that every widget's first render shows
/// it. Where storage fails, it lasts as this page's session copy.
pub fn store_choice(action: PreferencesAction) {
    let chosen = Rc::new(load()).reduce(action);
    // Widgets already running on the page (a second widget mounting over a choice that
    // no script heard) show it too, as they would a save of another widget's.
    let _ = store(&chosen, None);
}

/// The key of what the reader last read of each article (`app::updates::Readings`),
/// beside the preferences' key and apart from it, so that neither can damage the other.
pub const READINGS_KEY: &str = "article-widget/v1/readings";

/// The stored readings' text, `None` when there are none; an error when storage fails,
/// which the caller takes as no notice, and nothing to write over.
pub fn load_readings() -> Result<Option<String>, StorageUnavailable> {
    let storage = local_storage().ok_or(StorageUnavailable)?;
    storage
        .get_item(READINGS_KEY)
        .map_err(|_| StorageUnavailable)
}

/// Stores the readings' text; a failure is only a notice that may show once more.
pub fn save_readings(text: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(READINGS_KEY, text);
    }
}

/// One widget's link to the store: it hears what other widgets and tabs store, and
/// stores its reader's choices. Dropping it ends the link.
pub struct Subscription {
    id: u64,
}

impl Subscription {
    /// Stores the preferences and tells the other widgets of this page.
    pub fn save(&self, preferences: &Preferences) -> Result<(), StorageUnavailable> {
        store(preferences, Some(self.id))
    }
}

/// Stores the preferences and tells this page's widgets, all but `except`. An unchanged
/// record is not written again, which ends the echo of a save through the others.
fn store(preferences: &Preferences, except: Option<u64>) -> Result<(), StorageUnavailable> {
    let record = preferences::encode(preferences);
    if SESSION_COPY.with_borrow(|copy| copy.as_deref() == Some(record.as_str())) {
        return if WRITE_FAILED.get() {
            Err(StorageUnavailable)
        } else {
            Ok(())
        };
    }
    let written = write_stored(&record);
    notify(*preferences, except);
    written
}

impl Drop for Subscription {
    fn drop(&mut self) {
        SUBSCRIBERS.with_borrow_mut(|subscribers| subscribers.retain(|(id, _)| *id != self.id));
    }
}

/// Calls `callback` whenever another widget of this page saves preferences, or another
/// tab of this site changes them (the `storage` event).
pub fn subscribe(callback: Callback<Preferences>) -> Subscription {
    listen_to_other_tabs();
    let id = NEXT_SUBSCRIBER.get();
    NEXT_SUBSCRIBER.set(id + 1);
    SUBSCRIBERS.with_borrow_mut(|subscribers| subscribers.push((id, callback)));
    Subscription { id }
}

/// Tells every subscriber but `except` (the one that saved).
fn notify(preferences: Preferences, except: Option<u64>) {
    // Clone the list first: a callback may subscribe or unsubscribe.
    let subscribers: Vec<Callback<Preferences>> = SUBSCRIBERS.with_borrow(|subscribers| {
        subscribers
            .iter()
            .filter(|(id, _)| Some(*id) != except)
            .map(|(_, callback)| callback.clone())
            .collect()
    });
    for subscriber in subscribers {
        subscriber.emit(preferences);
    }
}

fn listen_to_other_tabs() {
    if STORAGE_EVENTS.with_borrow(Option::is_some) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = EventListener::new(&window, "storage", |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // `key` is null when another tab cleared all of storage.
        if event.key().is_some_and(|key| key != STORAGE_KEY) {
            return;
        }
        let decoded = preferences::decode(event.new_value().as_deref());
        SESSION_COPY.set(Some(preferences::encode(&decoded.preferences)));
        WRITE_FAILED.set(false);
        notify(decoded.preferences, None);
    });
    STORAGE_EVENTS.set(Some(listener));
}
