//! The catalog's full-text search: the build's search adapter
//! (`articles/search/search.js`, beside its Pagefind index), imported the first time a
//! reader searches and never before, so that a reader who only reads pays nothing for
//! it. It is a module of the widget's own host, imported by URL: it works across
//! origins and under the strict CSP recipe, as the widget's glue does.
//!
//! Code comes only from the widget's own origin: the adapter is imported only when it
//! is on the origin the widget's code came from, whatever `data-src` says. Data may come
//! from elsewhere (and is checked as untrusted), code never.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::console::describe;
use crate::json;
use crate::model::{SearchRequest, SearchResults};

#[wasm_bindgen(
    inline_js = "export function import_module(url) { return import(url); }
export function code_origin() { return new URL(import.meta.url).origin; }"
)]
extern "C" {
    /// `import(url)`: only a module can import another by a URL known at run time.
    #[wasm_bindgen(catch)]
    fn import_module(url: &str) -> Result<js_sys::Promise, JsValue>;
    /// The origin the widget's code came from: this snippet is a file of the glue's,
    /// served beside it, so the page's markup cannot change the answer.
    fn code_origin() -> String;
}

/// Where the adapter of the search index beside the data at `data_url` lives, as an
/// absolute URL: an import resolves a relative one against the importing module, not
/// against the page as the widget's fetches do. An error when that is not on the
/// origin of the widget's own code.
pub fn adapter_url(data_url: &str) -> Result<String, String> {
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .ok_or("no page to resolve the index's address against")?;
    let url = web_sys::Url::new_with_base(&format!("{data_url}search/search.js"), &base)
        .map_err(|_| format!("`{data_url}` is not an address"))?;
    let own = code_origin();
    if url.origin() != own {
        return Err(format!(
            "the index at {} is not on the widget's own origin ({own}): the widget imports code from nowhere else",
            url.origin()
        ));
    }
    Ok(url.href())
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
