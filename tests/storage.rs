//! The preferences store against the browser's real localStorage (wasm-bindgen-test in
//! headless Chromium): garbage, wrong types, unknown audiences and older records are
//! repaired, and a `setItem` or `getItem` that throws (replaced on `Storage.prototype`)
//! leaves the widget working from the page's session copy.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use article_widget::browser::storage;
use article_widget::model::Audience;
use article_widget::preferences::{
    encode, Preferences, PreferencesAction, TextSize, Theme, STORAGE_KEY,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn stored() -> Option<String> {
    local_storage().get_item(STORAGE_KEY).unwrap()
}

fn storage_prototype() -> JsValue {
    let constructor = js_sys::Reflect::get(&web_sys::window().unwrap(), &"Storage".into()).unwrap();
    js_sys::Reflect::get(&constructor, &"prototype".into()).unwrap()
}

/// Replaces `Storage.prototype[method]` with one that throws, and returns the original.
fn make_throw(method: &str) -> JsValue {
    let prototype = storage_prototype();
    let original = js_sys::Reflect::get(&prototype, &method.into()).unwrap();
    let thrower = js_sys::Function::new_no_args(
        "throw new DOMException('storage is full', 'QuotaExceededError');",
    );
    js_sys::Reflect::set(&prototype, &method.into(), &thrower).unwrap();
    original
}

fn restore(method: &str, original: &JsValue) {
    js_sys::Reflect::set(&storage_prototype(), &method.into(), original).unwrap();
}

fn preferences(audience: Audience, text_size: TextSize, theme: Theme) -> Preferences {
    Preferences {
        audience: Some(audience),
        language: None,
        text_size,
        theme,
    }
}

// One scenario, in order: the store keeps a per-page session copy, so separate tests
// would depend on the order the runner picks.
#[wasm_bindgen_test]
fn the_store_survives_absence_garbage_old_records_and_throwing_storage() {
    let widget = storage::subscribe(Callback::noop());

    // Nothing stored: defaults, and nothing is written on the reader's behalf.
    local_storage().remove_item(STORAGE_KEY).unwrap();
    assert_eq!(storage::load(), Preferences::default());
    assert_eq!(stored(), None);

    // A choice is stored under the one namespaced, versioned key.
    let chosen = preferences(Audience::Caregiver, TextSize::Large, Theme::Dark);
    assert_eq!(widget.save(&chosen), Ok(()));
    assert_eq!(stored().as_deref(), Some(encode(&chosen).as_str()));
    assert_eq!(storage::load(), chosen);

    // Garbage: defaults, and the record is repaired.
    for garbage in ["{not json", "[]", "42", "null"] {
        local_storage().set_item(STORAGE_KEY, garbage).unwrap();
        assert_eq!(storage::load(), Preferences::default(), "{garbage}");
        assert_eq!(
            stored().as_deref(),
            Some(encode(&Preferences::default()).as_str())
        );
    }

    // Wrong types and an unknown audience lose only themselves.
    local_storage()
        .set_item(
            STORAGE_KEY,
            r#"{"version":1,"audience":"doctor","text_size":3,"theme":"dark"}"#,
        )
        .unwrap();
    let repaired = storage::load();
    assert_eq!(repaired.audience, None);
    assert_eq!(repaired.text_size, TextSize::Normal);
    assert_eq!(repaired.theme, Theme::Dark);
    assert_eq!(stored().as_deref(), Some(encode(&repaired).as_str()));

    // An unversioned record is migrated and written back in the current layout.
    local_storage()
        .set_item(
            STORAGE_KEY,
            r#"{"audience":"patient","text_size":"larger"}"#,
        )
        .unwrap();
    let migrated = storage::load();
    assert_eq!(
        migrated,
        preferences(Audience::Patient, TextSize::Larger, Theme::Auto)
    );
    assert!(stored().unwrap().starts_with(r#"{"version":2,"#));

    // setItem throws (quota exceeded, private mode): the save reports it, nothing is
    // thrown into the page, and the choice lives on in this page's session copy.
    let original = make_throw("setItem");
    let in_memory = preferences(Audience::Professional, TextSize::Large, Theme::Light);
    assert_eq!(widget.save(&in_memory), Err(storage::StorageUnavailable));
    assert_eq!(storage::load(), in_memory);
    restore("setItem", &original);
    let after = preferences(Audience::Caregiver, TextSize::Normal, Theme::Auto);
    assert_eq!(widget.save(&after), Ok(()));
    assert_eq!(stored().as_deref(), Some(encode(&after).as_str()));

    // getItem throws too: the session copy answers.
    let original = make_throw("getItem");
    assert_eq!(storage::load(), after);
    restore("getItem", &original);
}

#[wasm_bindgen_test]
fn widgets_of_one_page_hear_each_others_saves_until_they_unsubscribe() {
    let heard_by = |heard: &Rc<RefCell<Vec<Preferences>>>| {
        let heard = heard.clone();
        Callback::from(move |preferences| heard.borrow_mut().push(preferences))
    };
    let heard_by_first = Rc::new(RefCell::new(Vec::new()));
    let heard_by_second = Rc::new(RefCell::new(Vec::new()));
    let first_widget = storage::subscribe(heard_by(&heard_by_first));
    let second_widget = storage::subscribe(heard_by(&heard_by_second));

    let chosen = preferences(Audience::Patient, TextSize::Larger, Theme::Dark);
    first_widget.save(&chosen).unwrap();
    // Saving the same record again is not news.
    first_widget.save(&chosen).unwrap();
    assert_eq!(*heard_by_second.borrow(), vec![chosen]);
    assert!(
        heard_by_first.borrow().is_empty(),
        "a widget does not hear its own save"
    );

    drop(second_widget);
    first_widget
        .save(&preferences(
            Audience::Professional,
            TextSize::Normal,
            Theme::Light,
        ))
        .unwrap();
    assert_eq!(
        heard_by_second.borrow().len(),
        1,
        "an ended subscription hears nothing"
    );

    // A choice no widget made (picked in the prerendered page before any script ran),
    // stored as a widget mounts, reaches the widgets already running; once.
    storage::store_choice(PreferencesAction::ChooseAudience(Audience::Caregiver));
    storage::store_choice(PreferencesAction::ChooseAudience(Audience::Caregiver));
    let caregiver = preferences(Audience::Caregiver, TextSize::Normal, Theme::Light);
    assert_eq!(heard_by_first.borrow().as_slice(), [caregiver]);
    assert_eq!(storage::load(), caregiver);
}
