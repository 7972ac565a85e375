//! The console, for the page's developers: what went wrong, and why.

use wasm_bindgen::{JsCast, JsValue};

/// Writes to the console as an error.
pub fn log_error(message: &str) {
    gloo::console::error!(format!("article-widget: {message}"));
}

/// Writes to the console as a warning.
pub fn log_warning(message: &str) {
    gloo::console::warn!(format!("article-widget: {message}"));
}

/// A thrown JavaScript value in words: its message, or what it is.
pub fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
