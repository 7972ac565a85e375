//! The catalog's full-text search: the build's search adapter
//! (`articles/search/search.js`, beside its Pagefind index), imported the first time a
//! reader searches and never before, so that a reader who only reads pays nothing for
//! it. It is a module of the widget's own host, imported by URL: it works across
//! origins and under the strict CSP recipe, as the widget's glue does.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::console::describe;
use crate::json;
use crate::model::{SearchRequest, SearchResults};

#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    /// `import(url)`: only a module can import another by a URL known at run time.
    #[wasm_bindgen(catch)]
    fn import_module(url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Where the adapter of the search index beside the data at `data_url` lives, as an
/// absolute URL: an import resolves a relative one against the importing module, not
/// against the page as the widget's fetches do.
pub fn adapter_url(data_url: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let url = web_sys::Url::new_with_base(&format!("{data_url}search/search.js"), &base).ok()?;
    Some(url.href())
}

/// One page of results for `request`. The browser imports the adapter once and keeps
/// it; a failure (offline, no index built) says why, in words for the console.
pub async fn search(adapter_url: &str, request: &SearchRequest) -> Result<SearchResults, String> {
    let imported = import_module(adapter_url).map_err(|error| describe(&error))?;
    let module = JsFuture::from(imported)
        .await
        .map_err(|error| describe(&error))?;
    let search: js_sys::Function = js_sys::Reflect::get(&module, &JsValue::from_str("search"))
        .ok()
        .and_then(|search| search.dyn_into().ok())
        .ok_or("the search adapter has no search function")?;
    // Plain arguments, not JSON: the Wasm carries no encoder for them.
    let name = |name: Option<&'static str>| name.map_or(JsValue::UNDEFINED, JsValue::from_str);
    let arguments: js_sys::Array = [
        JsValue::from_str(&request.query),
        name(request.filters.audience.map(|audience| audience.as_str())),
        name(request.filters.lang.map(|language| language.as_str())),
        JsValue::from(request.page as u32),
        JsValue::from(request.per_page as u32),
    ]
    .iter()
    .collect();
    let answer = search
        .apply(&JsValue::NULL, &arguments)
        .map_err(|error| describe(&error))?;
    let answer = JsFuture::from(js_sys::Promise::resolve(&answer))
        .await
        .map_err(|error| describe(&error))?;
    let text = answer
        .as_string()
        .ok_or("the search adapter answered no text")?;
    json::from_str(&text).map_err(|error| format!("the search adapter's answer: {error}"))
}
