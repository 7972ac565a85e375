//! The composition root: it reads each host's settings, mounts an [`App`] in the
//! host's shadow root, and parks and reuses apps as hosts come and go. The Wasm entry
//! (`main.rs`) calls only this module.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::Callback;

use crate::app::{App, AppProps, Host};
use crate::browser::console::{describe, log_error, log_warning};
use crate::browser::network::{self, HandedOver};
use crate::browser::{dom, frame, history, page, storage};
use crate::components::audience_picker::AUDIENCE_CONTROL;
use crate::config::{Page, Placement, WidgetConfig, FRAME_QUERY, PAGE_QUERY};
use crate::model::Audience;
use crate::preferences::PreferencesAction;

/// Mounts a widget into every `[data-article-widget]` element of the document that has
/// none yet. The page's own URL may choose the article and audience (`?article=`,
/// `?audience=`): this is the publisher's own page. On its embed page, in a frame on
/// another site, the URL gives the audience, theme and language instead.
pub fn mount_publisher_page() {
    // An audience the reader chose before the mount is being shown by the page: its
    // page first, then the mount's long tasks, so that the answer is not kept waiting.
    if let Some(shown) = page::early_choice_shown() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(shown).await;
            mount_publisher_widgets();
        });
    } else {
        mount_publisher_widgets();
    }
}

fn mount_publisher_widgets() {
    let placement = history::placement();
    let keys: &[&str] = match placement {
        Placement::Frame => &FRAME_QUERY,
        _ => &PAGE_QUERY,
    };
    let query = page::query_settings(keys);
    for host in page::widget_hosts() {
        let mut settings = page::data_settings(&host);
        // The shell, opened offline at an article's address, shows that article.
        if !settings.iter().any(|(key, _)| key == "article") {
            if let Some(slug) = history::article_in_url() {
                settings.push(("article".to_owned(), slug));
            }
        }
        settings.extend(query.iter().cloned());
        let site_root = history::site_root();
        let base = WidgetConfig {
            data_url: format!("{site_root}articles/"),
            site_root,
            placement,
            catalog_page: history::catalog_page_in_url(),
            ..WidgetConfig::default()
        };
        let config = configure(base, &settings, "");
        if let Err(error) = mount(&host, config, None) {
            log_error(&format!("could not mount: {}", describe(&error)));
        }
    }
}

/// Mounts a widget that `embed.js` found on a partner's page, with the options of its
/// `data-` attributes. `handover` is the article's data `embed.js` fetched while the
/// Wasm was loading (see [`network::take_handover`]), or `undefined`. `opened`, when the
/// article-only Wasm handed this widget over as the reader opened the catalog, is the
/// pages they had opened ([`page::opened_pages`]).
pub fn mount_partner_widget(
    host: &Element,
    options: &JsValue,
    handover: &JsValue,
    opened: &JsValue,
) {
    let config = WidgetConfig {
        opened: page::opened_pages(opened),
        ..configure(partner(), &page::option_pairs(options), "data-")
    };
    let handed_over = match &config.page {
        Page::Article(slug) if !handover.is_undefined() => {
            network::take_handover(handover, &config.article_url(slug))
        }
        _ => None,
    };
    if let Err(error) = mount(host, config, handed_over) {
        log_error(&format!("could not mount: {}", describe(&error)));
    }
}

/// Gives the partner widget on `host` the options `options`, in place: the app keeps its
/// state where it still applies. Returns whether `host` has a widget.
pub fn update_partner_widget(host: &Element, options: &JsValue) -> bool {
    let config = with_page_lang(
        configure(partner(), &page::option_pairs(options), "data-"),
        host,
    );
    SLOTS.with_borrow_mut(|slots| {
        let Some(slot) = slots.iter_mut().find(|slot| slot.host.is_on(host)) else {
            return false;
        };
        slot.handle.update(AppProps {
            config,
            host: slot.host.clone(),
            mount: slot.mounts,
            handed_over: None,
            // Not the page's `Rendering` (the app is always live): `on_shown` says
            // whether a prerendered page waits for this mount to take it over. An update
            // is no new mount, and keeps the mount's: one that arrives before the app
            // has shown its page must not leave that page un-taken-over.
            on_shown: slot.on_shown.clone(),
        });
        true
    })
}

/// `config` with the language the page declares for `host`, read afresh on each mount
/// and update.
fn with_page_lang(config: WidgetConfig, host: &Element) -> WidgetConfig {
    WidgetConfig {
        page_lang: page::host_lang(host),
        ..config
    }
}

fn partner() -> WidgetConfig {
    WidgetConfig {
        placement: Placement::Partner,
        ..WidgetConfig::default()
    }
}

/// The configuration that `settings` give over `base`; an invalid setting is named in a console
/// warning with the default used instead.
fn configure(base: WidgetConfig, settings: &[(String, String)], prefix: &str) -> WidgetConfig {
    let (config, warnings) = base.apply(
        settings
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str())),
    );
    for warning in warnings {
        log_warning(&format!("{prefix}{}", warning.0));
    }
    config
}

/// A Yew app with its container element. Yew 0.23 never removes the event listeners it
/// puts on an app's container, so a destroyed app would leave them, and the container,
/// behind for good. Unmounting therefore parks the app and its container here, and the
/// next mount, on any host, takes them up again: mounting and unmounting forever
/// costs no more than the most widgets ever shown at once.
struct Slot {
    container: Element,
    handle: yew::AppHandle<App>,
    host: Host,
    mounts: u64,
    /// This mount's take-over of its prerendered page: an update before the app has
    /// shown its page keeps it, or the page would never be taken over.
    on_shown: Callback<()>,
}

thread_local! {
    static SLOTS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// Mounts one widget in an open shadow root of `host`. A host that already shows a
/// widget is left alone. A new widget shows `handed_over` in its first render; a
/// parked one taken up again gets it as the answer to its request.
///
/// Static first: where the shadow root holds the build's prerendered page, the widget
/// renders beside it, hidden, and takes its place once it shows its page
/// ([`dom::take_over`]): the reader never sees the page blank, twice or moving.
pub fn mount(
    host: &Element,
    config: WidgetConfig,
    handed_over: Option<HandedOver>,
) -> Result<(), JsValue> {
    if is_mounted(host) {
        return Ok(());
    }
    let config = with_page_lang(config, host);
    let (shadow, prerendered) = dom::widget_shadow_root(host)?;
    // An audience the reader picked in the prerendered page that no script heard is
    // theirs, as if they had picked it in the widget: its first render shows it.
    if let Some(audience) = prerendered
        .as_ref()
        .and_then(|page| dom::unheard_choice(page, AUDIENCE_CONTROL))
        .and_then(|value| value.parse::<Audience>().ok())
    {
        storage::store_choice(PreferencesAction::ChooseAudience(audience));
    }
    let mut handed_over = handed_over;
    let reused = SLOTS.with_borrow_mut(|slots| {
        let slot = slots.iter_mut().find(|slot| slot.host == Host::Parked)?;
        let on_shown = take_over_when_shown(&slot.container, prerendered.as_ref());
        shadow.append_child(&slot.container).ok()?;
        slot.host = Host::Mounted(host.clone());
        slot.mounts += 1;
        slot.on_shown = on_shown.clone();
        if let Some(handed_over) = handed_over.take() {
            network::answer_with(handed_over);
        }
        slot.handle.update(AppProps {
            config: config.clone(),
            host: slot.host.clone(),
            mount: slot.mounts,
            handed_over: None,
            on_shown,
        });
        Some(())
    });
    if reused.is_some() {
        return Ok(());
    }
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("host element has no document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("article-widget-root");
    let on_shown = take_over_when_shown(&container, prerendered.as_ref());
    shadow.append_child(&container)?;
    let props = AppProps {
        config,
        host: Host::Mounted(host.clone()),
        mount: 0,
        handed_over: handed_over.map(Rc::new),
        on_shown: on_shown.clone(),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    SLOTS.with_borrow_mut(|slots| {
        slots.push(Slot {
            container,
            handle,
            host: Host::Mounted(host.clone()),
            mounts: 0,
            on_shown,
        })
    });
    Ok(())
}

/// The app's `on_shown` for `container`: where the shadow root holds a prerendered
/// page, the container waits hidden and then takes that page's place; otherwise
/// nothing is to be done.
fn take_over_when_shown(container: &Element, prerendered: Option<&Element>) -> Callback<()> {
    let Some(prerendered) = prerendered.cloned() else {
        // No prerendered page: the app is shown where it renders. A parked container
        // may still be hidden, unmounted before its last take-over came.
        let _ = container.remove_attribute("hidden");
        return Callback::noop();
    };
    let _ = container.set_attribute("hidden", "");
    let container = container.clone();
    Callback::from(move |()| {
        let prerendered = prerendered.clone();
        let container = container.clone();
        // At the start of a frame: that frame's rendering decides that the widget's
        // `content-visibility: auto` parts are on screen before any click is hit-tested,
        // so a click at this very moment reaches its control (see `frame`).
        frame::in_next_frame(move || {
            if prerendered.is_connected() {
                dom::take_over(&prerendered, &container);
            }
        });
    })
}

/// Takes the widget off `host`, if it has one, parks it, and empties the shadow root.
/// Returns whether there was one.
pub fn unmount(host: &Element) -> bool {
    SLOTS.with_borrow_mut(|slots| {
        let Some(slot) = slots.iter_mut().find(|slot| slot.host.is_on(host)) else {
            return false;
        };
        slot.host = Host::Parked;
        slot.mounts += 1;
        // A parked app shows nothing, so has no prerendered page to take over (this is
        // not the page's `Rendering`: see `update_partner_widget`).
        slot.on_shown = Callback::noop();
        slot.handle.update(AppProps {
            config: WidgetConfig::default(),
            host: Host::Parked,
            mount: slot.mounts,
            handed_over: None,
            on_shown: slot.on_shown.clone(),
        });
        slot.container.remove();
        if let Some(shadow) = host.shadow_root() {
            shadow.set_text_content(None);
        }
        true
    })
}

pub fn is_mounted(host: &Element) -> bool {
    SLOTS.with_borrow(|slots| slots.iter().any(|slot| slot.host.is_on(host)))
}

/// How many widgets are mounted on the page.
pub fn mounted_count() -> usize {
    SLOTS.with_borrow(|slots| {
        slots
            .iter()
            .filter(|slot| slot.host != Host::Parked)
            .count()
    })
}
