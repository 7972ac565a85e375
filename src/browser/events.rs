//! Events: the ones the widget sends its host page, and the window's that it listens to.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use web_sys::Element;

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

/// Listens to the window's `name` events until dropped; `None` where there is no window.
pub fn on_window(name: &'static str, callback: impl FnMut() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let mut callback = callback;
    Some(EventListener::new(&window, name, move |_| callback()))
}

/// Calls `callback` once, at the window's next `name` event, unless dropped before.
pub fn once_on_window(
    name: &'static str,
    callback: impl FnOnce() + 'static,
) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::once(&window, name, move |_| callback()))
}
