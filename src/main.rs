//! The Wasm entry, kept thin: what the page's JavaScript can call, and the start
//! function that mounts the publisher's own page.

use wasm_bindgen::prelude::*;
use web_sys::Element;

fn main() {
    // Loaded by `embed.js` on a partner's page, the loader mounts each widget itself.
    if !article_widget::browser::loaded_by_embed_loader() {
        article_widget::browser::mount_first_party();
    }
}

/// Mounts a widget on `host` with the options of its `data-` attributes and, when the
/// loader fetched it while the Wasm was loading, the article's data (`{ url, data }`).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: Element, options: JsValue, handover: JsValue) {
    article_widget::browser::mount_embedded(&host, &options, &handover);
}

/// Destroys the widget on `host`; returns whether there was one.
#[wasm_bindgen(js_name = unmountWidget)]
pub fn unmount_widget(host: Element) -> bool {
    article_widget::browser::unmount(&host)
}

/// How many widgets are mounted on the page.
#[wasm_bindgen(js_name = mountedWidgets)]
pub fn mounted_widgets() -> usize {
    article_widget::browser::mounted_count()
}
