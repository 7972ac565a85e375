//! The browser's history, on the publisher's own page only: there the URL names the
//! article shown (its page `articles/<slug>/`, or `?article=`), and back and forward
//! move between articles. A partner's
//! URL and history are never touched.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

use super::events::on_window;
use super::page::query_settings;
use crate::config::{
    article_in_path, catalog_page_in_path, placement_of_path, site_root_of_path, Placement,
};

/// Records in the browser's history that the page now shows what `href` (a link of
/// the site, as the widget wrote it) leads to.
pub fn push_url(href: &str) {
    if let Some(Ok(history)) = web_sys::window().map(|window| window.history()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
    }
}

/// Says that the page shown is now what `href` leads to, in place of the history's
/// current entry: the same article in another language.
pub fn replace_url(href: &str) {
    if let Some(Ok(history)) = web_sys::window().map(|window| window.history()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(href));
    }
}

/// The article the page's URL names, if any, as written there: `?article=`, else the
/// article's own page (`articles/<slug>/`).
pub fn article_in_url() -> Option<String> {
    let in_query = query_settings(&["article"])
        .into_iter()
        .find(|(key, _)| key == "article")
        .map(|(_, slug)| slug);
    in_query.or_else(|| {
        let path = web_sys::window()?.location().pathname().ok()?;
        article_in_path(&path).map(|slug| slug.as_str().to_owned())
    })
}

/// The catalog's page the page's URL names (`catalog/<n>/`), else the first.
pub fn catalog_page_in_url() -> usize {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .and_then(|path| catalog_page_in_path(&path))
        .unwrap_or(1)
}

/// The absolute URL of the site's root, seen from this page of the publisher's site:
/// links written from it stay right after the URL changes.
pub fn site_root() -> String {
    let location = web_sys::window().map(|window| window.location());
    let (Some(path), Some(href)) = (
        location
            .as_ref()
            .and_then(|location| location.pathname().ok()),
        location.as_ref().and_then(|location| location.href().ok()),
    ) else {
        return "./".to_owned();
    };
    web_sys::Url::new_with_base(&site_root_of_path(&path), &href)
        .map(|url| url.href())
        .unwrap_or_else(|_| "./".to_owned())
}

/// Where this page of the publisher's site stands: in a frame on another site when it
/// is an embed page (`embed/<slug>/`), else on the publisher's own.
pub fn placement() -> Placement {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .map_or(Placement::Publisher, |path| placement_of_path(&path))
}

/// Calls `callback` with the article the URL names whenever the reader goes back or
/// forward, until dropped.
pub fn on_history_move(callback: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    on_window("popstate", move || callback(article_in_url()))
}
