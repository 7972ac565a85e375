//! What a load shows, decided as pure functions over plain data: the network's answer,
//! the saved copy and whether the browser is online go in; the state to show and what
//! to do with the saved copy come out. `use_article_load` does the asking.
//!
//! Longer than 300 lines: the decision, and a test for each row of its table.

use std::rc::Rc;

use crate::browser::LoadError;
use crate::json::{self, Refusal};
use crate::messages::Messages;
use crate::model::{Article, Catalog, Date};

/// What the widget has to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    Catalog(Rc<Catalog>),
    Article(Rc<Article>),
}

/// Where the shown content came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Freshness {
    /// From the network, or a saved copy the network's answer found unchanged.
    Live,
    /// A saved copy that answered first, shown while the network's copy is on its way:
    /// until it is settled, what changed since the last reading is not yet known.
    Checking,
    /// A saved copy, because the network failed: `offline` when nothing answered.
    Saved {
        saved_on: Option<Date>,
        offline: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Loaded(Content, Freshness),
    /// Offline, with no saved copy: it loads by itself once the reader is back online.
    Offline,
    Failed(LoadError),
}

/// Some article data and what it decoded to: the network's answer or a saved copy.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub text: String,
    /// When it was saved, if it is a saved copy (the publisher's service worker marks
    /// the copies it serves so).
    pub saved_on: Option<Date>,
    pub content: Content,
}

/// What to do with this device's saved copy once a load has settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Leave it as it is.
    Leave,
    /// Save the network's answer, this text, as the copy.
    Save(String),
    /// Drop it: the article was withdrawn.
    Forget,
}

/// How a load ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Settled {
    /// What to show; `None` keeps what is shown.
    pub show: Option<LoadState>,
    pub keeping: Keeping,
    /// Why the network's answer was not shown, for the console.
    pub problem: Option<LoadError>,
}

/// What to show first, before the network answers: a saved copy that answered first,
/// marked as being checked while the network's copy is on its way.
pub fn early(saved: Option<&Answer>) -> Option<LoadState> {
    saved.map(|saved| LoadState::Loaded(saved.content.clone(), Freshness::Checking))
}

/// How a load ends, given the network's answer, the saved copy that was shown early or
/// looked up after a failure (`None` when the network answered first or nothing was
/// saved), and whether the browser believes it is online.
pub fn settle(fetched: Result<Answer, LoadError>, saved: Option<Answer>, online: bool) -> Settled {
    match fetched {
        // Offline on the publisher's page, the service worker answers with its copy.
        Ok(fetched) if fetched.saved_on.is_some() && !online => Settled {
            show: Some(LoadState::Loaded(
                fetched.content,
                Freshness::Saved {
                    saved_on: fetched.saved_on,
                    offline: true,
                },
            )),
            keeping: Keeping::Leave,
            problem: None,
        },
        Ok(fetched) => {
            // The saved copy shown early, if the network sent the same, stays: its
            // content (the one already drawn), now known to be live.
            let content = match saved {
                Some(saved) if saved.text == fetched.text => saved.content,
                _ => fetched.content,
            };
            Settled {
                show: Some(LoadState::Loaded(content, Freshness::Live)),
                keeping: Keeping::Save(fetched.text),
                problem: None,
            }
        }
        Err(error) if error.is_withdrawn() => Settled {
            show: Some(LoadState::Failed(error.clone())),
            keeping: Keeping::Forget,
            problem: Some(error),
        },
        Err(error) => {
            let show = match saved {
                Some(saved) => LoadState::Loaded(
                    saved.content,
                    Freshness::Saved {
                        saved_on: saved.saved_on,
                        offline: error.is_offline(),
                    },
                ),
                None if error.is_offline() => LoadState::Offline,
                None => LoadState::Failed(error.clone()),
            };
            Settled {
                show: Some(show),
                keeping: Keeping::Leave,
                problem: Some(error),
            }
        }
    }
}

/// Decodes an article's data, or shares the article another widget of this page
/// decoded from the same text ([`super::decoded`]).
pub fn decode_article(text: &str) -> Result<Content, LoadError> {
    super::decoded::shared_article(text)
        .map(Content::Article)
        .map_err(LoadError::from)
}

/// Decodes the catalog's data.
pub fn decode_catalog(text: &str) -> Result<Content, LoadError> {
    json::from_data::<Catalog>(text)
        .map(|catalog| Content::Catalog(Rc::new(catalog)))
        .map_err(LoadError::from)
}

impl From<Refusal> for LoadError {
    fn from(refusal: Refusal) -> LoadError {
        match refusal {
            Refusal::Damaged(error) => LoadError::Decode(error.to_string()),
            Refusal::Newer(format) => LoadError::Newer(format),
        }
    }
}

/// What a reader is told about a load failure; the technical reason goes to the console.
pub fn reader_message(error: &LoadError, messages: &Messages) -> &'static str {
    match error {
        LoadError::Status(404) => messages.error_not_found,
        LoadError::Status(_) => messages.error_server,
        LoadError::Network(_) | LoadError::Timeout => messages.error_network,
        LoadError::Decode(_) | LoadError::Redirected(_) => messages.error_damaged,
        LoadError::Newer(_) => messages.error_newer,
    }
}

/// The banner over a saved copy: why it is shown, and when it was saved, its date
/// written by `long_date`.
pub fn saved_notice(
    freshness: Freshness,
    messages: &Messages,
    long_date: impl Fn(Date) -> String,
) -> Option<String> {
    let Freshness::Saved { saved_on, offline } = freshness else {
        return None;
    };
    let saved_on = saved_on.map(long_date);
    Some((messages.saved_copy)(offline, saved_on.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{long_date, Language, EN, ES};

    fn catalog(question: &str) -> Content {
        Content::Catalog(Rc::new(Catalog {
            articles: vec![crate::model::CatalogEntry {
                slug: crate::model::Slug::parse("a").unwrap(),
                question: question.into(),
                lang: None,
                updated: "2026-01-01".parse().unwrap(),
                review_status: crate::model::ReviewStatus::Submitted,
                audiences: vec![],
            }],
            publisher: Rc::default(),
            ..Catalog::default()
        }))
    }

    fn answer(text: &str, saved_on: Option<&str>) -> Answer {
        Answer {
            text: text.into(),
            saved_on: saved_on.map(|date| date.parse().unwrap()),
            content: catalog(text),
        }
    }

    fn loaded(text: &str, freshness: Freshness) -> Option<LoadState> {
        Some(LoadState::Loaded(catalog(text), freshness))
    }

    fn saved(on: &str, offline: bool) -> Freshness {
        Freshness::Saved {
            saved_on: Some(on.parse().unwrap()),
            offline,
        }
    }

    #[test]
    fn the_networks_answer_is_shown_and_saved() {
        let settled = settle(Ok(answer("new", None)), None, true);
        assert_eq!(
            settled,
            Settled {
                show: loaded("new", Freshness::Live),
                keeping: Keeping::Save("new".into()),
                problem: None,
            }
        );
    }

    #[test]
    fn a_saved_copy_that_answered_first_shows_at_once_and_gives_way_to_a_changed_one() {
        let copy = answer("old", Some("2026-11-01"));
        assert_eq!(early(Some(&copy)), loaded("old", Freshness::Checking));
        assert_eq!(early(None), None);
        let settled = settle(Ok(answer("new", None)), Some(copy), true);
        assert_eq!(settled.show, loaded("new", Freshness::Live));
        assert_eq!(settled.keeping, Keeping::Save("new".into()));
    }

    #[test]
    fn an_unchanged_copy_stays_shown_now_live_and_is_saved_afresh() {
        let copy = answer("same", Some("2026-11-01"));
        let mut fetched = answer("same", None);
        // Decoded apart, the network's content is another value: the copy drawn stays.
        fetched.content = catalog("decoded again");
        let settled = settle(Ok(fetched), Some(copy), true);
        assert_eq!(
            settled,
            Settled {
                show: loaded("same", Freshness::Live),
                keeping: Keeping::Save("same".into()),
                problem: None,
            }
        );
    }

    #[test]
    fn the_service_workers_copy_offline_says_when_it_was_saved() {
        let settled = settle(Ok(answer("sw", Some("2026-10-02"))), None, false);
        assert_eq!(
            settled,
            Settled {
                show: loaded("sw", saved("2026-10-02", true)),
                keeping: Keeping::Leave,
                problem: None,
            }
        );
        // Online, a copy the service worker stamped is simply the answer.
        let online = settle(Ok(answer("sw", Some("2026-10-02"))), None, true);
        assert_eq!(online.show, loaded("sw", Freshness::Live));
    }

    #[test]
    fn a_withdrawn_article_is_forgotten() {
        let copy = answer("old", Some("2026-11-01"));
        let settled = settle(Err(LoadError::Status(404)), Some(copy), true);
        assert_eq!(
            settled,
            Settled {
                show: Some(LoadState::Failed(LoadError::Status(404))),
                keeping: Keeping::Forget,
                problem: Some(LoadError::Status(404)),
            }
        );
    }

    #[test]
    fn a_failure_falls_back_to_the_saved_copy_and_says_why() {
        let copy = answer("old", Some("2026-11-01"));
        let offline = settle(Err(LoadError::Timeout), Some(copy.clone()), true);
        assert_eq!(offline.show, loaded("old", saved("2026-11-01", true)));
        assert_eq!(offline.keeping, Keeping::Leave);
        assert_eq!(offline.problem, Some(LoadError::Timeout));

        let server = settle(Err(LoadError::Status(503)), Some(copy), true);
        assert_eq!(server.show, loaded("old", saved("2026-11-01", false)));
    }

    #[test]
    fn with_nothing_saved_offline_waits_and_other_failures_are_shown() {
        let offline = settle(Err(LoadError::Network("offline".into())), None, false);
        assert_eq!(offline.show, Some(LoadState::Offline));
        assert_eq!(offline.keeping, Keeping::Leave);

        let failed = settle(Err(LoadError::Status(500)), None, true);
        assert_eq!(failed.show, Some(LoadState::Failed(LoadError::Status(500))));
        let damaged = settle(Err(LoadError::Decode("EOF".into())), None, true);
        assert_eq!(
            damaged.show,
            Some(LoadState::Failed(LoadError::Decode("EOF".into())))
        );
    }

    #[test]
    fn a_saved_copy_says_why_it_is_shown_and_when_it_was_saved() {
        let english =
            |freshness| saved_notice(freshness, &EN, |date| long_date(date, Language::English));
        assert_eq!(english(Freshness::Live), None);
        assert_eq!(
            english(saved("2025-08-17", true)).as_deref(),
            Some("You're offline. Showing the copy saved on August 17, 2025.")
        );
        let unknown = Freshness::Saved {
            saved_on: None,
            offline: false,
        };
        assert_eq!(
            english(unknown).as_deref(),
            Some("The article server is not answering. Showing the copy saved earlier.")
        );
        let spanish = saved_notice(saved("2025-08-17", false), &ES, |date| {
            long_date(date, Language::Spanish)
        });
        assert_eq!(
            spanish.as_deref(),
            Some("El servidor de artículos no responde. Se muestra la copia guardada el 17 de agosto de 2025.")
        );
    }

    #[test]
    fn damaged_data_is_an_error_not_a_panic() {
        assert!(matches!(decode_article("{"), Err(LoadError::Decode(_))));
        assert!(matches!(
            decode_catalog(r#"{"articles":[{"slug":"Bad Slug"}]}"#),
            Err(LoadError::Decode(_))
        ));
    }
}
