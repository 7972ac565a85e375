//! The articles a widget has shown, kept in Cache Storage on the page's own origin, so
//! that they stay readable offline even on a partner's page, where no service worker
//! of ours can run. One namespaced cache, bounded to the most recent [`LIMIT`] entries.
//! Only data that decoded is ever saved; every failure here is silent, since the
//! network copy is what matters.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::Date;

pub const CACHE_NAME: &str = "article-widget/v1/articles";
/// The response header that records when a copy was saved (`YYYY-MM-DD`). The
/// publisher's service worker marks its copies with it too (xtask/build-service-worker.mjs,
/// www/app-shell.js), so that a copy it serves offline says when it was saved.
pub const SAVED_ON_HEADER: &str = "x-article-widget-saved-on";
/// How many copies are kept; the oldest saved go first.
pub const LIMIT: usize = 50;

/// A saved copy of some article data.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedCopy {
    pub text: String,
    pub saved_on: Option<Date>,
}

async fn open() -> Option<web_sys::Cache> {
    // `caches` is missing outside secure contexts and may throw where storage is off.
    let caches = web_sys::window()?.caches().ok()?;
    let cache = JsFuture::from(caches.open(CACHE_NAME)).await.ok()?;
    cache.dyn_into().ok()
}

/// When `response` was saved, if it is a saved copy.
pub fn saved_on(response: &web_sys::Response) -> Option<Date> {
    let date = response.headers().get(SAVED_ON_HEADER).ok()??;
    date.parse().ok()
}

/// The saved copy of `url`, if any.
pub async fn load(url: &str) -> Option<SavedCopy> {
    let cache = open().await?;
    let found = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    let saved_on = saved_on(&response);
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some(SavedCopy { text, saved_on })
}

/// Saves `text`, data that decoded, as the copy of `url`, then trims the cache.
pub async fn save(url: &str, text: &str) {
    let Some(cache) = open().await else {
        return;
    };
    let Ok(headers) = web_sys::Headers::new() else {
        return;
    };
    let _ = headers.set("content-type", "application/json");
    if let Some(today) = super::page::today() {
        let _ = headers.set(SAVED_ON_HEADER, &today.to_string());
    }
    let init = web_sys::ResponseInit::new();
    init.set_headers(&headers);
    let Ok(response) = web_sys::Response::new_with_opt_str_and_init(Some(text), &init) else {
        return;
    };
    if JsFuture::from(cache.put_with_str(url, &response))
        .await
        .is_err()
    {
        return;
    }
    trim(&cache).await;
}

/// Drops the copy of `url`: the article was withdrawn.
pub async fn forget(url: &str) {
    if let Some(cache) = open().await {
        let _ = JsFuture::from(cache.delete_with_str(url)).await;
    }
}

/// Keeps the [`LIMIT`] most recently saved copies. Cache Storage lists entries in the
/// order they were put, and `put` on a known URL moves it to the end.
async fn trim(cache: &web_sys::Cache) {
    let Ok(keys) = JsFuture::from(cache.keys()).await else {
        return;
    };
    let keys = js_sys::Array::from(&keys);
    let excess = (keys.length() as usize).saturating_sub(LIMIT);
    for request in keys.iter().take(excess) {
        if let Some(request) = request.dyn_ref::<web_sys::Request>() {
            let _ = JsFuture::from(cache.delete_with_request(request)).await;
        }
    }
}
