//! Long dates in the reader's language, written by the browser's
//! `Intl.DateTimeFormat`, so that the Wasm carries no month names. Natively (the
//! build's prerendered pages, the tests) `messages::long_date` writes the same.

use crate::messages::Language;
use crate::model::Date;

/// "November 30, 2026" in English, "30 de noviembre de 2026" in Spanish.
pub fn long(date: Date, language: Language) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        intl_long(date, language).unwrap_or_else(|| date.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::messages::long_date(date, language)
    }
}

/// The browser's long form of `date`; `None` if `Intl` is missing or refuses. The date
/// is read and written in UTC, so that no time zone moves it to another day.
#[cfg(target_arch = "wasm32")]
fn intl_long(date: Date, language: Language) -> Option<String> {
    use js_sys::{Array, JsString, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
    Reflect::set(&options, &"timeZone".into(), &"UTC".into()).ok()?;
    let locales = Array::of1(&JsValue::from_str(language.as_str()));
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
    let moment = js_sys::Date::new(&JsValue::from_str(&date.to_string()));
    format
        .call1(&JsValue::UNDEFINED, &moment)
        .ok()?
        .dyn_into::<JsString>()
        .ok()
        .map(String::from)
}
