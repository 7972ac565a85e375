//! The page the widget is in: its URL's settings, the hosts' `data-` settings, how the
//! widget was loaded, and whether the browser is online.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::events::{on_window, once_on_window};
use crate::config::{Page, EARLY_CHOICE_SHOWN, OPEN_CATALOG, SETTINGS};
use crate::model::{Date, Slug};

/// The settings `keys` the page's own URL gives (`?article=`, `?audience=`).
pub fn query_settings(keys: &[&str]) -> Vec<(String, String)> {
    let Some(query) = web_sys::window().and_then(|window| window.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&query) else {
        return Vec::new();
    };
    keys.iter()
        .filter_map(|&key| params.get(key).map(|value| (key.to_owned(), value)))
        .collect()
}

/// Every `[data-article-widget]` element of the document.
pub fn widget_hosts() -> Vec<Element> {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return Vec::new();
    };
    let Ok(hosts) = document.query_selector_all("[data-article-widget]") else {
        return Vec::new();
    };
    (0..hosts.length())
        .filter_map(|index| hosts.item(index)?.dyn_into::<Element>().ok())
        .collect()
}

/// The host's `data-*` settings, without the `data-` prefix.
pub fn data_settings(host: &Element) -> Vec<(String, String)> {
    SETTINGS
        .into_iter()
        .filter_map(|key| {
            host.get_attribute(&format!("data-{key}"))
                .map(|value| (key.to_owned(), value))
        })
        .collect()
}

/// The embed options the loader passes (`{ article, audience, theme, ... }`, named
/// as the `data-` attributes), as key/value pairs.
pub fn option_pairs(options: &JsValue) -> Vec<(String, String)> {
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        return Vec::new();
    };
    js_sys::Object::entries(object)
        .iter()
        .filter_map(|entry| {
            let entry = js_sys::Array::from(&entry);
            Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
        })
        .collect()
}

/// The loader's global, `embed.js`'s, by its symbol, which no element's `id` or `name`
/// can be (`window.ArticleWidget` can: `<form id="ArticleWidget">`).
fn embed_loader() -> Option<JsValue> {
    symbol_global("article-widget.loader").filter(JsValue::is_object)
}

/// The window's property under `Symbol.for(key)`: the page's own scripts' globals, which
/// no element's `id` or `name` can shadow.
fn symbol_global(key: &str) -> Option<JsValue> {
    let key = js_sys::Symbol::for_(key);
    web_sys::window().and_then(|window| js_sys::Reflect::get(&window, &key).ok())
}

/// Whether the page loaded the widget through `embed.js`, whose loader mounts each
/// widget itself: then the page's own URL must not choose any article.
pub fn loaded_by_embed_loader() -> bool {
    embed_loader().is_some()
}

/// What the publisher's page is showing of an audience the reader chose before the
/// widget mounted: the promise its app shell keeps under `EARLY_CHOICE_SHOWN`, settled
/// once that audience's page is on screen. `None` when there is none.
pub fn early_choice_shown() -> Option<js_sys::Promise> {
    symbol_global(EARLY_CHOICE_SHOWN).and_then(|shown| shown.dyn_into().ok())
}

/// Asks `embed.js` to mount the full app on `host` in place of this article-only Wasm's
/// app, opening the pages the reader `opened` (the catalog last); whether the loader
/// took the request.
pub fn hand_catalog_to_loader(host: &Element, opened: &[Page]) -> bool {
    let Some(loader) = embed_loader() else {
        return false;
    };
    // Each page as the `article` setting names it: the catalog is no article.
    let opened: js_sys::Array = opened
        .iter()
        .map(|page| JsValue::from_str(page.slug().map_or("", Slug::as_str)))
        .collect();
    js_sys::Reflect::get(&loader, &JsValue::from_str(OPEN_CATALOG))
        .ok()
        .and_then(|open| open.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|open| open.call2(&loader, host, &opened).is_ok())
}

/// The pages `opened` names (see [`hand_catalog_to_loader`]): an array of `article`
/// settings, the empty one the catalog. Anything else names none.
pub fn opened_pages(opened: &JsValue) -> Vec<Page> {
    if !js_sys::Array::is_array(opened) {
        return Vec::new();
    }
    js_sys::Array::from(opened)
        .iter()
        .filter_map(|page| {
            let page = page.as_string()?;
            if page.is_empty() {
                Some(Page::Catalog)
            } else {
                Slug::parse(&page).map(Page::Article)
            }
        })
        .collect()
}

/// Loads the page at `url` in place of this one, where the browser's history already
/// has its entry (`replace`), or as a new entry.
pub fn load_page(url: &str, replace: bool) {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return;
    };
    let _ = if replace {
        location.replace(url)
    } else {
        location.assign(url)
    };
}

/// The reader's today, by their browser's clock in UTC, as the widget's data dates are
/// days.
pub fn today() -> Option<Date> {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10)?.parse().ok()
}

/// The address of the page the widget is in, as the reader's address bar shows it (a
/// partner's page, embedded): what a printed copy says it came from. Read for that
/// alone, never to choose what the widget shows.
pub fn address() -> Option<String> {
    web_sys::window().and_then(|window| window.location().href().ok())
}

/// Calls `callback` as the reader prints, before the page is laid out for print,
/// until dropped.
pub fn on_before_print(callback: impl FnMut() + 'static) -> Option<EventListener> {
    on_window("beforeprint", callback)
}

/// Whether the browser believes it has a network (`navigator.onLine`); a `false` is
/// reliable, a `true` is not.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}

/// Calls `callback` once the browser is back online, unless dropped before.
pub fn when_online(callback: impl FnOnce() + 'static) -> Option<EventListener> {
    once_on_window("online", callback)
}

/// `text` in lower case, for a case-insensitive search. ASCII is folded here; anything
/// else by the browser's own `toLowerCase`, so that the Wasm carries no Unicode case
/// tables (natively, where they cost nothing, by Rust's).
pub fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// The language the page declares for `host`: the `lang` of the host or its nearest
/// ancestor with one, else the document's. `None` where none is declared.
pub fn host_lang(host: &Element) -> Option<String> {
    let declared = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("lang"))
        .or_else(|| {
            let root = host.owner_document()?.document_element()?;
            root.get_attribute("lang")
        })?;
    (!declared.trim().is_empty()).then_some(declared)
}
