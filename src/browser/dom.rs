//! The widget's own DOM: its shadow root and stylesheet, focus, in-widget fragment
//! links, and the reader's place in the page.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRoot};

use crate::config::STYLESHEET_META;

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

/// The open shadow root of `host`, ready for a widget, and the build's prerendered
/// page in it if there is one. Whoever made the shadow root brought the stylesheet:
/// `embed.js` adopts it, a page of the publisher's site holds it. Both are kept, and
/// the prerendered page, which the widget takes over ([`take_over`]); anything else
/// (the loader's placeholder, an earlier widget since unmounted) goes. A shadow root
/// with no stylesheet links the one the page names
/// (`<meta name="article-widget-stylesheet" content="…">`).
pub fn widget_shadow_root(host: &Element) -> Result<(ShadowRoot, Option<Element>), JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    let mut prerendered = None;
    let mut has_stylesheet = shadow.adopted_style_sheets().length() > 0;
    let nodes = shadow.child_nodes();
    for index in (0..nodes.length()).rev() {
        let Some(node) = nodes.item(index) else {
            continue;
        };
        // Text left by a loader (whitespace, a message) goes too.
        if node.node_type() != web_sys::Node::ELEMENT_NODE {
            let _ = shadow.remove_child(&node);
            continue;
        }
        let Ok(child) = node.dyn_into::<Element>() else {
            continue;
        };
        let tag = child.tag_name();
        let is_stylesheet = tag.eq_ignore_ascii_case("style")
            || (tag.eq_ignore_ascii_case("link")
                && child.get_attribute("rel").as_deref() == Some("stylesheet"));
        if is_stylesheet {
            has_stylesheet = true;
        } else if prerendered.is_none() && child.has_attribute("data-prerendered") {
            prerendered = Some(child);
        } else {
            child.remove();
        }
    }
    if !has_stylesheet {
        link_page_stylesheet(&shadow)?;
    }
    Ok((shadow, prerendered))
}

fn link_page_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return Ok(());
    };
    let selector = format!("meta[name='{STYLESHEET_META}']");
    let Some(named) = document.query_selector(&selector)? else {
        return Ok(());
    };
    let Some(content) = named.get_attribute("content") else {
        return Ok(());
    };
    // Relative to the page, as the page wrote it; the shadow root's base is the same.
    let href = document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base(&content, &base).ok())
        .map_or(content, |url| url.href());
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &href)?;
    shadow.insert_before(&link, shadow.first_child().as_ref())?;
    Ok(())
}

/// The value of the radio named `name` that the reader checked in the prerendered page
/// and no script heard: checked now, though the build did not write it so. A script that
/// hears a choice (the app shell, `embed.js`) shows that choice's own page, which the
/// build wrote with it checked; a page without one (an embed page in an iframe), or a
/// click before its script ran, leaves the choice to the widget.
pub fn unheard_choice(prerendered: &Element, name: &str) -> Option<String> {
    let checked = prerendered
        .query_selector(&format!("input[name=\"{name}\"]:checked"))
        .ok()??
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    (!checked.default_checked()).then(|| checked.value())
}

/// Replaces the prerendered page with the widget's own rendering of it, `container`,
/// in one step: the browser paints one or the other, never both or neither. The
/// element that had focus keeps it: its twin, at the same place in the new tree, takes
/// it, without scrolling.
pub fn take_over(prerendered: &Element, container: &Element) {
    let focused_path = prerendered
        .get_root_node()
        .dyn_into::<ShadowRoot>()
        .ok()
        .and_then(|shadow| shadow.active_element())
        .and_then(|focused| path_from(prerendered, &focused));
    let _ = container.remove_attribute("hidden");
    prerendered.remove();
    if let Some(twin) = focused_path.and_then(|path| follow_path(container, &path)) {
        if let Ok(twin) = twin.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = twin.focus_with_options(&options);
        }
    }
}

/// The child indices that lead from `ancestor` down to `element`.
fn path_from(ancestor: &Element, element: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while current != *ancestor {
        let parent = current.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length())
            .find(|&index| siblings.item(index).as_ref() == Some(&current))?;
        path.push(index);
        current = parent;
    }
    path.reverse();
    Some(path)
}

fn follow_path(root: &Element, path: &[u32]) -> Option<Element> {
    path.iter().try_fold(root.clone(), |element, &index| {
        element.children().item(index)
    })
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
