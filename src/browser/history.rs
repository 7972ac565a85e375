//! The browser's history, on the publisher's own page only: there the URL names the
//! article shown (`?article=`), and back and forward move between articles. A partner's
//! URL and history are never touched.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

use super::events::on_window;
use super::page::query_settings;

/// Records in the browser's history that the page now shows `slug` (or the catalog),
/// keeping the page's other query parameters.
pub fn push_article_url(slug: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&window.location().href().unwrap_or_default()) else {
        return;
    };
    match slug {
        Some(slug) => url.search_params().set("article", slug),
        None => url.search_params().delete("article"),
    }
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// The article the page's URL names, if any, as written there.
pub fn article_in_url() -> Option<String> {
    query_settings()
        .into_iter()
        .find(|(key, _)| key == "article")
        .map(|(_, slug)| slug)
}

/// Calls `callback` with the article the URL names whenever the reader goes back or
/// forward, until dropped.
pub fn on_history_move(callback: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    on_window("popstate", move || callback(article_in_url()))
}
