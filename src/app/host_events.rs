//! What the host page hears of the widget (`article-widget:ready`, `:error`,
//! `:audience-change`, `:results`), decided from the page actually shown, as pure
//! functions; `use_host_events` sends them.

use super::load::{reader_message, Content, LoadState};
use crate::browser::LoadError;
use crate::config::Page;
use crate::messages::EN;
use crate::model::{Audience, Slug};

/// One event for the host page, with its detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEvent {
    /// The article (`None`: the catalog) is shown, for `audience`.
    Ready {
        article: Option<Slug>,
        audience: Option<Audience>,
    },
    /// The page could not be shown.
    Error {
        article: Option<Slug>,
        message: &'static str,
        reason: String,
        status: Option<u16>,
    },
    AudienceChange {
        audience: Audience,
        previous: Audience,
    },
    /// The catalog's list settled on these articles, in order, for the words searched
    /// (`""` for none): the app shell offers to save them for offline reading.
    Results { slugs: Vec<Slug>, query: String },
}

impl HostEvent {
    /// The event's name after `article-widget:`.
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Ready { .. } => "ready",
            HostEvent::Error { .. } => "error",
            HostEvent::AudienceChange { .. } => "audience-change",
            HostEvent::Results { .. } => "results",
        }
    }
}

/// The event that `state` calls for on `page`, shown for `audience`; `ready_sent` says
/// whether this load already announced itself (a saved copy may show before the
/// network's, and a load is ready once).
pub fn load_event(
    state: &LoadState,
    page: &Page,
    audience: Option<Audience>,
    ready_sent: bool,
) -> Option<HostEvent> {
    match state {
        LoadState::Loading => None,
        LoadState::Loaded(..) if ready_sent => None,
        LoadState::Loaded(content, _) => Some(HostEvent::Ready {
            // The article the content is, whatever was asked for.
            article: match content {
                Content::Article(article) => Some(article.slug.clone()),
                Content::Catalog(_) => None,
            },
            audience,
        }),
        LoadState::Offline => Some(HostEvent::Error {
            article: page.slug().cloned(),
            // The host page's events speak English whatever the reader reads: they are
            // an interface for the page's code, not for the reader.
            message: EN.offline_message,
            reason: "offline".into(),
            status: None,
        }),
        LoadState::Failed(error) => Some(HostEvent::Error {
            article: page.slug().cloned(),
            message: reader_message(error, &EN),
            reason: error.to_string(),
            status: match error {
                LoadError::Status(status) => Some(*status),
                _ => None,
            },
        }),
    }
}

/// The event for the audience shown moving from `before` to `now`: only a change
/// between two shown articles' audiences counts.
pub fn audience_event(before: Option<Audience>, now: Option<Audience>) -> Option<HostEvent> {
    match (before, now) {
        (Some(previous), Some(audience)) if previous != audience => {
            Some(HostEvent::AudienceChange { audience, previous })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::app::load::Freshness;
    use crate::model::{Article, Catalog};

    fn slug(text: &str) -> Slug {
        Slug::parse(text).unwrap()
    }

    fn shown(article_slug: &str) -> LoadState {
        let article = Article::stub(article_slug);
        LoadState::Loaded(Content::Article(Rc::new(article)), Freshness::Live)
    }

    #[test]
    fn each_event_has_the_name_the_host_page_listens_for() {
        let events = [
            HostEvent::Ready {
                article: None,
                audience: None,
            },
            HostEvent::Error {
                article: None,
                message: EN.offline_message,
                reason: "offline".into(),
                status: None,
            },
            HostEvent::AudienceChange {
                audience: Audience::Patient,
                previous: Audience::Caregiver,
            },
            HostEvent::Results {
                slugs: vec![slug("als")],
                query: "als".into(),
            },
        ];
        let names: Vec<_> = events.iter().map(HostEvent::name).collect();
        assert_eq!(names, ["ready", "error", "audience-change", "results"]);
    }

    #[test]
    fn ready_names_the_article_shown_not_the_one_configured() {
        let event = load_event(
            &shown("related-one"),
            &Page::Article(slug("related-one")),
            Some(Audience::Caregiver),
            false,
        );
        assert_eq!(
            event,
            Some(HostEvent::Ready {
                article: Some(slug("related-one")),
                audience: Some(Audience::Caregiver),
            })
        );
        let catalog = LoadState::Loaded(
            Content::Catalog(Rc::new(Catalog::default())),
            Freshness::Live,
        );
        assert_eq!(
            load_event(&catalog, &Page::Catalog, None, false),
            Some(HostEvent::Ready {
                article: None,
                audience: None,
            })
        );
    }

    #[test]
    fn a_load_is_ready_once_and_loading_says_nothing() {
        let page = Page::Article(slug("a"));
        assert_eq!(load_event(&shown("a"), &page, None, true), None);
        assert_eq!(load_event(&LoadState::Loading, &page, None, false), None);
    }

    #[test]
    fn errors_name_the_page_asked_for_and_why() {
        let page = Page::Article(slug("gone"));
        assert_eq!(
            load_event(
                &LoadState::Failed(LoadError::Status(404)),
                &page,
                None,
                false
            ),
            Some(HostEvent::Error {
                article: Some(slug("gone")),
                message: reader_message(&LoadError::Status(404), &EN),
                reason: "not found (HTTP 404)".into(),
                status: Some(404),
            })
        );
        assert_eq!(
            load_event(&LoadState::Offline, &Page::Catalog, None, true),
            Some(HostEvent::Error {
                article: None,
                message: EN.offline_message,
                reason: "offline".into(),
                status: None,
            })
        );
    }

    #[test]
    fn only_a_change_between_two_shown_audiences_is_an_audience_change() {
        use Audience::{Caregiver, Patient};
        assert_eq!(
            audience_event(Some(Patient), Some(Caregiver)),
            Some(HostEvent::AudienceChange {
                audience: Caregiver,
                previous: Patient,
            })
        );
        assert_eq!(audience_event(Some(Patient), Some(Patient)), None);
        assert_eq!(audience_event(None, Some(Patient)), None);
        assert_eq!(audience_event(Some(Patient), None), None);
    }
}
