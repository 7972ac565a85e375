//! Browser glue: mounting into shadow roots, fetching, storage, console, events for the
//! host page, in-widget fragment links, the reader's place in the page. Components reach
//! the browser only through this module, which keeps them pure and renderable natively
//! through Yew's server-side rendering.

pub mod network;
pub mod offline;
pub mod storage;

pub use network::LoadError;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRoot};

use crate::components::app::{App, AppProps};
use crate::config::WidgetConfig;

/// The widget's stylesheet; it lives inside each shadow root, never in the host page.
pub const STYLESHEET: &str = include_str!("../widget.css");

/// Writes to the console as an error, for the page's developers.
pub fn log_error(message: &str) {
    gloo::console::error!(format!("article-widget: {message}"));
}

/// Writes to the console as a warning, for the page's developers.
pub fn log_warning(message: &str) {
    gloo::console::warn!(format!("article-widget: {message}"));
}

/// Mounts a widget into every `[data-article-widget]` element of the document that has
/// none yet. The page's own URL may choose the article and audience (`?article=`,
/// `?audience=`): this is the publisher's first-party page.
pub fn mount_first_party() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let query_pairs = search_params(&query);
    let Ok(hosts) = document.query_selector_all("[data-article-widget]") else {
        return;
    };
    for index in 0..hosts.length() {
        let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let mut settings = data_settings(&host);
        settings.extend(query_pairs.iter().cloned());
        let (config, warnings) = WidgetConfig::default().apply(
            settings
                .iter()
                .map(|(key, value)| (key.as_str(), value.as_str())),
        );
        for warning in warnings {
            log_warning(&warning.0);
        }
        if let Err(error) = mount(&host, config, None) {
            log_error(&format!("could not mount: {}", describe(&error)));
        }
    }
}

/// Mounts a widget that `embed.js` found on a partner's page, with the options of its
/// `data-` attributes. Invalid options are named in a console warning with the default
/// used instead. `handover` is the article's data `embed.js` fetched while the Wasm was
/// loading (see [`network::take_handover`]), or `undefined`.
pub fn mount_embedded(host: &Element, options: &JsValue, handover: &JsValue) {
    let pairs = option_pairs(options);
    let (config, warnings) = WidgetConfig::default().apply(
        pairs
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str())),
    );
    for warning in warnings {
        log_warning(&format!("data-{}", warning.0));
    }
    let handed_over = config
        .article
        .as_ref()
        .filter(|_| !handover.is_undefined())
        .and_then(|slug| network::take_handover(handover, &config.article_url(slug)));
    if let Err(error) = mount(host, config, handed_over) {
        log_error(&format!("could not mount: {}", describe(&error)));
    }
}

/// A Yew app with its container element. Yew 0.23 never removes the event listeners it
/// puts on an app's container, so a destroyed app would leave them, and the container,
/// behind for good. Unmounting therefore parks the app and its container here, and the
/// next mount, on any host, takes them up again: mounting and unmounting forever
/// costs no more than the most widgets ever shown at once.
struct Slot {
    container: Element,
    handle: yew::AppHandle<App>,
    /// The host it is mounted on; `None` while parked.
    host: Option<Element>,
    mounts: u64,
}

thread_local! {
    static SLOTS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// Mounts one widget in an open shadow root of `host`, with the stylesheet inside. A
/// host that already has a shadow root (the loader's placeholder, or an earlier widget
/// since unmounted) has it reused; a host that already shows a widget is left alone.
/// A new widget shows `handed_over` in its first render; a parked one taken up again
/// gets it as the answer to its request.
pub fn mount(
    host: &Element,
    config: WidgetConfig,
    handed_over: Option<network::HandedOver>,
) -> Result<(), JsValue> {
    if is_mounted(host) {
        return Ok(());
    }
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            shadow.set_text_content(None);
            shadow
        }
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    adopt_stylesheet(&shadow)?;
    let mut handed_over = handed_over;
    let parked = SLOTS.with_borrow_mut(|slots| {
        let slot = slots.iter_mut().find(|slot| slot.host.is_none())?;
        if shadow.append_child(&slot.container).is_err() {
            return None;
        }
        slot.host = Some(host.clone());
        slot.mounts += 1;
        if let Some(handed_over) = handed_over.take() {
            network::answer_with(handed_over);
        }
        slot.handle.update(AppProps {
            config: config.clone(),
            host: Some(host.clone()),
            mount: slot.mounts,
            handed_over: None,
        });
        Some(())
    });
    if parked.is_some() {
        return Ok(());
    }
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("host element has no document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("article-widget-root");
    shadow.append_child(&container)?;
    let props = AppProps {
        config,
        host: Some(host.clone()),
        mount: 0,
        handed_over: handed_over.map(Rc::new),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    SLOTS.with_borrow_mut(|slots| {
        slots.push(Slot {
            container,
            handle,
            host: Some(host.clone()),
            mounts: 0,
        })
    });
    Ok(())
}

/// Takes the widget off `host`, if it has one, and empties its shadow root. Returns
/// whether there was one.
pub fn unmount(host: &Element) -> bool {
    SLOTS.with_borrow_mut(|slots| {
        let Some(slot) = slots
            .iter_mut()
            .find(|slot| slot.host.as_ref() == Some(host))
        else {
            return false;
        };
        slot.host = None;
        slot.mounts += 1;
        slot.handle.update(AppProps {
            config: WidgetConfig::default(),
            host: None,
            mount: slot.mounts,
            handed_over: None,
        });
        slot.container.remove();
        if let Some(shadow) = host.shadow_root() {
            shadow.set_text_content(None);
        }
        true
    })
}

pub fn is_mounted(host: &Element) -> bool {
    SLOTS.with_borrow(|slots| slots.iter().any(|slot| slot.host.as_ref() == Some(host)))
}

/// How many widgets are mounted on the page.
pub fn mounted_count() -> usize {
    SLOTS.with_borrow(|slots| slots.iter().filter(|slot| slot.host.is_some()).count())
}

/// Dispatches `article-widget:<name>` on the host element, bubbling out of any shadow
/// tree, with `detail` as a plain object.
pub fn emit(host: &Element, name: &str, detail: &[(&str, JsValue)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("article-widget:{name}"), &init)
    {
        let _ = host.dispatch_event(&event);
    }
}

/// Whether the browser believes it has a network (`navigator.onLine`); a `false` is
/// reliable, a `true` is not.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}

/// Whether the page loaded the widget through `embed.js`, whose loader mounts each
/// widget itself: then the page's own URL must not choose any article.
pub fn loaded_by_embed_loader() -> bool {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str("ArticleWidget")).ok())
        .and_then(|api| js_sys::Reflect::get(&api, &JsValue::from_str("loader")).ok())
        .is_some_and(|loader| loader.is_truthy())
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

thread_local! {
    /// The one stylesheet every widget of the page adopts: parsed once, and shared
    /// styles let the browser reuse its style work across widgets.
    static SHARED_STYLESHEET: RefCell<Option<web_sys::CssStyleSheet>> =
        const { RefCell::new(None) };
}

fn shared_stylesheet() -> Result<web_sys::CssStyleSheet, JsValue> {
    SHARED_STYLESHEET.with_borrow_mut(|shared| {
        if let Some(sheet) = shared {
            return Ok(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(STYLESHEET)?;
        *shared = Some(sheet.clone());
        Ok(sheet)
    })
}

fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    // A constructable stylesheet passes a strict `style-src` policy; browsers without
    // them get a `<style>` element instead.
    match shared_stylesheet() {
        Ok(sheet) => {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
        Err(_) => {
            let document = web_sys::window()
                .and_then(|window| window.document())
                .ok_or_else(|| JsValue::from_str("no document"))?;
            let style = document.create_element("style")?;
            style.set_text_content(Some(STYLESHEET));
            shadow.append_child(&style)?;
        }
    }
    Ok(())
}

/// The host's `data-*` settings, without the `data-` prefix.
fn data_settings(host: &Element) -> Vec<(String, String)> {
    crate::config::SETTINGS
        .into_iter()
        .filter_map(|key| {
            host.get_attribute(&format!("data-{key}"))
                .map(|value| (key.to_owned(), value))
        })
        .collect()
}

/// Whether a click should open a link in page: the main button, no modifier key (those
/// ask for a new tab or window, which the browser does itself).
pub fn is_plain_click(event: &web_sys::MouseEvent) -> bool {
    event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}

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

/// The article the page's URL names, if any.
pub fn article_in_url() -> Option<String> {
    let query = web_sys::window()?.location().search().ok()?;
    search_params(&query)
        .into_iter()
        .find(|(key, _)| key == "article")
        .map(|(_, slug)| slug)
}

/// Moves focus to the main heading under `root`: after an in-page navigation, keyboard
/// and screen-reader users land where sighted readers look.
pub fn focus_heading(root: &Element) {
    if let Ok(Some(heading)) = root.query_selector("h1") {
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}

fn search_params(query: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(query) else {
        return Vec::new();
    };
    ["article", "audience"]
        .into_iter()
        .filter_map(|key| params.get(key).map(|value| (key.to_owned(), value)))
        .collect()
}

/// Follows a click on an in-widget `#fragment` link inside the widget's shadow root,
/// where the browser's own fragment navigation cannot see. Returns whether it did.
pub fn follow_fragment_link(event: &web_sys::MouseEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
    else {
        return false;
    };
    let Ok(Some(anchor)) = target.closest("a[href^='#']") else {
        return false;
    };
    let Some(id) = anchor
        .get_attribute("href")
        .and_then(|href| href.strip_prefix('#').map(str::to_owned))
    else {
        return false;
    };
    let Some(root) = anchor.get_root_node().dyn_into::<ShadowRoot>().ok() else {
        return false;
    };
    let Some(destination) = root.get_element_by_id(&id) else {
        return false;
    };
    event.prevent_default();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    destination.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(destination) = destination.dyn_into::<web_sys::HtmlElement>() {
        // Move keyboard focus along with the view, so the next Tab continues from there.
        if !destination.has_attribute("tabindex") {
            let _ = destination.set_attribute("tabindex", "-1");
        }
        let _ = destination.focus();
    }
    true
}

fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Where the reader is in an article: the last section heading scrolled past, and how
/// far it stands above the top of the viewport.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadingPlace {
    heading_id: String,
    top: f64,
}

/// The reader's place in the article under `root`, if they have scrolled into its body.
pub fn reading_place(root: &Element) -> Option<ReadingPlace> {
    let headings = root
        .query_selector_all(".article-body :is(h2, h3, h4, h5, h6)[id]")
        .ok()?;
    let mut place = None;
    for index in 0..headings.length() {
        let Some(heading) = headings
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let top = heading.get_bounding_client_rect().top();
        if top > 1.0 {
            break;
        }
        place = Some(ReadingPlace {
            heading_id: heading.id(),
            top,
        });
    }
    place
}

/// Scrolls so that the heading of `place` stands where it stood, if the new body has it.
pub fn restore_reading_place(root: &Element, place: &ReadingPlace) {
    let Ok(Some(heading)) =
        root.query_selector(&format!(".article-body [id='{}']", place.heading_id))
    else {
        return;
    };
    let drift = heading.get_bounding_client_rect().top() - place.top;
    if drift.abs() >= 1.0 {
        if let Some(window) = web_sys::window() {
            window.scroll_by_with_x_and_y(0.0, drift);
        }
    }
}
