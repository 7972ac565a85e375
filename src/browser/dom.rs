//! The widget's own DOM: its shadow root and stylesheet, focus, in-widget fragment
//! links, and the reader's place in the page.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRoot};

/// Sets CSS custom properties on `element` through the CSSOM, which a strict
/// `style-src` policy allows where a `style` attribute would be refused.
pub fn set_custom_properties(element: &Element, properties: &[(&str, &str)]) {
    let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    let style = element.style();
    for (name, value) in properties {
        let _ = style.set_property(name, value);
    }
}

/// The open shadow root of `host`, emptied if it had one (the loader's placeholder, or
/// an earlier widget since unmounted), with `stylesheet` adopted inside it.
pub fn fresh_shadow_root(host: &Element, stylesheet: &'static str) -> Result<ShadowRoot, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            shadow.set_text_content(None);
            shadow
        }
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    adopt_stylesheet(&shadow, stylesheet)?;
    Ok(shadow)
}

thread_local! {
    /// The one stylesheet every widget of the page adopts: parsed once, and shared
    /// styles let the browser reuse its style work across widgets.
    static SHARED_STYLESHEET: RefCell<Option<web_sys::CssStyleSheet>> =
        const { RefCell::new(None) };
}

fn shared_stylesheet(text: &str) -> Result<web_sys::CssStyleSheet, JsValue> {
    SHARED_STYLESHEET.with_borrow_mut(|shared| {
        if let Some(sheet) = shared {
            return Ok(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(text)?;
        *shared = Some(sheet.clone());
        Ok(sheet)
    })
}

fn adopt_stylesheet(shadow: &ShadowRoot, text: &str) -> Result<(), JsValue> {
    // A constructable stylesheet passes a strict `style-src` policy; browsers without
    // them get a `<style>` element instead.
    match shared_stylesheet(text) {
        Ok(sheet) => {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
        Err(_) => {
            let document = web_sys::window()
                .and_then(|window| window.document())
                .ok_or_else(|| JsValue::from_str("no document"))?;
            let style = document.create_element("style")?;
            style.set_text_content(Some(text));
            shadow.append_child(&style)?;
        }
    }
    Ok(())
}

/// Whether a click should open a link in page: the main button, no modifier key (those
/// ask for a new tab or window, which the browser does itself).
pub fn is_plain_click(event: &web_sys::MouseEvent) -> bool {
    event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
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
