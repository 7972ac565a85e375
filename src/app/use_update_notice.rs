//! The hook that tells a reader what changed since they last read the article shown:
//! [`decide`] decides once the network's copy is shown, this hook reads and stores
//! the readings (`browser::storage`), and the notice is drawn over the body.

use std::rc::Rc;

use yew::prelude::*;

use super::load::{Content, Freshness, LoadState};
use super::updates::{decide, dismissed, Reading, Readings, UpdateNotice};
use crate::browser::{dom, storage};
use crate::components::update_notice::update_notice;
use crate::messages::Language;
use crate::model::{Article, Date};

/// The notice over the article `state` shows in `root`, or nothing. Only the network's
/// copy is compared: a saved copy shown early or offline says nothing of what changed.
#[hook]
pub fn use_update_notice(
    root: &NodeRef,
    state: &LoadState,
    today: Option<Date>,
    language: Language,
) -> Html {
    let article = match state {
        LoadState::Loaded(Content::Article(article), Freshness::Live) => Some(article.clone()),
        _ => None,
    };
    let notice = use_state(|| None::<UpdateNotice>);
    {
        let notice = notice.clone();
        use_effect_with(article.clone(), move |article| {
            let shown = article.as_ref().zip(today).and_then(|(article, today)| {
                // A storage fault is no notice, and nothing written over what is stored.
                let stored = storage::load_readings().ok()?;
                let mut readings = Readings::decode(stored.as_deref());
                let (shown, store) = decide(readings.get(&article.slug), &article.changes, today);
                if let Some(reading) = store {
                    save(&mut readings, article, reading);
                }
                shown
            });
            notice.set(shown);
        });
    }
    let (Some(shown), Some(article), Some(today)) = ((*notice).clone(), article, today) else {
        return Html::default();
    };
    let root = root.clone();
    let ondismiss = Callback::from(move |_: MouseEvent| {
        // Read again: another widget or tab may have stored readings since.
        if let Ok(stored) = storage::load_readings() {
            let mut readings = Readings::decode(stored.as_deref());
            save(&mut readings, &article, dismissed(&article.changes, today));
        }
        notice.set(None);
        // The button goes with the notice: the keyboard's place moves to the article's
        // heading, just above, rather than falling back to the top of the page.
        if let Some(root) = root.cast::<web_sys::Element>() {
            dom::focus_heading(&root);
        }
    });
    update_notice(shown.read_on, &shown.changes, ondismiss, language)
}

fn save(readings: &mut Readings, article: &Rc<Article>, reading: Reading) {
    readings.put(&article.slug, reading);
    storage::save_readings(&readings.encode());
}
