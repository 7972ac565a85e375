//! The Wasm entry, kept thin: what the page's JavaScript can call, and the start
//! function that mounts the publisher's own page. Everything goes through
//! [`article_widget::mount`], the composition root.

use article_widget::{browser, mount};
use wasm_bindgen::prelude::*;
use web_sys::Element;

fn main() {
    // Loaded by `embed.js` on a partner's page, the loader mounts each widget itself.
    // On the publisher's page the widget mounts a task after the Wasm's start, which is
    // then a task of its own: on a phone, each is long enough to delay a reader's tap.
    if !browser::page::loaded_by_embed_loader() {
        gloo::timers::callback::Timeout::new(0, mount::mount_publisher_page).forget();
    }
}

/// Mounts a widget on `host` with the options of its `data-` attributes and, when the
/// loader fetched it while the Wasm was loading, the article's data (`{ url, data }`).
/// `opened` is the pages the reader had opened (each an `article` setting, empty for the
/// catalog) when the article-only Wasm hands the widget over to this one as they open
/// the catalog; else `undefined`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: Element, options: JsValue, handover: JsValue, opened: JsValue) {
    mount::mount_partner_widget(&host, &options, &handover, &opened);
}

/// Gives the widget on `host` new options, in place: the same as its `data-` attributes
/// changing. Returns whether there was a widget.
#[wasm_bindgen(js_name = updateWidget)]
pub fn update_widget(host: Element, options: JsValue) -> bool {
    mount::update_partner_widget(&host, &options)
}

/// Destroys the widget on `host`; returns whether there was one.
#[wasm_bindgen(js_name = unmountWidget)]
pub fn unmount_widget(host: Element) -> bool {
    mount::unmount(&host)
}

/// How many widgets are mounted on the page.
#[wasm_bindgen(js_name = mountedWidgets)]
pub fn mounted_widgets() -> usize {
    mount::mounted_count()
}
