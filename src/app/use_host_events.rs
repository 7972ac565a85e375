//! The hook that tells the host page what the widget shows, through events on the host
//! element; [`load_event`] and [`audience_event`] decide which, and the catalog reports
//! its results.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::host::Host;
use super::host_events::{audience_event, load_event, HostEvent};
use super::load::LoadState;
use crate::browser::{events, frame};
use crate::config::Page;
use crate::model::Audience;
use crate::pages::catalog::Results;

/// Sends the events that `state` on `page`, shown for `audience`, calls for. Returns
/// the catalog's `onresults`, which sends its `results`.
#[hook]
pub fn use_host_events(
    host: &Host,
    page: &Page,
    state: &LoadState,
    audience: Option<Audience>,
) -> Callback<Results> {
    {
        let host = host.clone();
        let page = page.clone();
        // `ready` once per load, though a saved copy may show before the network's.
        let ready_sent = use_mut_ref(|| false);
        use_effect_with(state.clone(), move |state| {
            // Parking sets `Loading` too, so a remount announces itself again.
            if *state == LoadState::Loading {
                *ready_sent.borrow_mut() = false;
            }
            let event = load_event(state, &page, audience, *ready_sent.borrow());
            if matches!(event, Some(HostEvent::Ready { .. })) {
                *ready_sent.borrow_mut() = true;
            }
            if let (Host::Mounted(host), Some(event)) = (host, event) {
                send(&host, &event);
            }
        });
    }
    {
        let host = host.clone();
        let previous = use_mut_ref(|| None::<Audience>);
        use_effect_with(audience, move |shown| {
            let before = previous.replace(*shown);
            if let (Host::Mounted(host), Some(event)) = (host, audience_event(before, *shown)) {
                send(&host, &event);
            }
        });
    }
    // Kept while the host is, so that the catalog is not drawn again for a new callback.
    use_callback(host.clone(), |Results { slugs, query }, host| {
        if let Host::Mounted(host) = host {
            send(host, &HostEvent::Results { slugs, query });
        }
    })
}

/// Tells the host page `event`, after any take-over waiting for the next frame: `ready`
/// follows the page it announces onto the screen, and nothing overtakes it.
fn send(host: &web_sys::Element, event: &HostEvent) {
    let host = host.clone();
    let event = event.clone();
    frame::after_queued(move || send_now(&host, &event));
}

fn send_now(host: &web_sys::Element, event: &HostEvent) {
    let text = |text: &str| JsValue::from_str(text);
    let or_null = |text: Option<&str>| text.map_or(JsValue::NULL, JsValue::from_str);
    let detail = match event {
        HostEvent::Ready { article, audience } => vec![
            (
                "article",
                or_null(article.as_ref().map(|slug| slug.as_str())),
            ),
            (
                "audience",
                or_null(audience.map(|audience| audience.as_str())),
            ),
        ],
        HostEvent::Error {
            article,
            message,
            reason,
            status,
        } => vec![
            (
                "article",
                or_null(article.as_ref().map(|slug| slug.as_str())),
            ),
            ("message", text(message)),
            ("reason", text(reason)),
            ("status", status.map_or(JsValue::NULL, JsValue::from)),
        ],
        HostEvent::AudienceChange { audience, previous } => vec![
            ("audience", text(audience.as_str())),
            ("previous", text(previous.as_str())),
        ],
        HostEvent::Results { slugs, query } => {
            let slugs: js_sys::Array = slugs.iter().map(|slug| text(slug.as_str())).collect();
            vec![("slugs", slugs.into()), ("query", text(query))]
        }
    };
    events::emit(host, event.name(), &detail);
}
