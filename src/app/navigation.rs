//! Browsing inside a widget, as a reducer over plain data: the trail of pages the reader
//! opened in one mount. `use_navigation` connects it to clicks, the Back button and the
//! browser's history.

use std::rc::Rc;

use yew::Reducible;

use crate::config::{Page, Placement};

/// The pages a reader opened inside one mount of the widget, oldest first. A trail
/// belongs to the mount it was made in: a parked app mounted again on another host
/// starts from that host's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trail {
    mount: u64,
    /// What stands in for the configured page: its translation into the reader's
    /// language.
    first: Option<Page>,
    pages: Vec<Page>,
}

/// One move of the reader's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A link opened `Page` inside the widget.
    Open(Page),
    /// The widget's own Back button, on a partner's page.
    Back,
    /// The browser's back or forward arrived at `Page`, on the publisher's page.
    Arrive(Page),
    /// The host page asked for another page: the trail starts again from it.
    Restart,
    /// The page shown gives way to its translation, in the same place of the trail: a
    /// language is no page to go back to.
    Translate(Page),
}

/// A step, in the mount and placement it was taken in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub mount: u64,
    pub placement: Placement,
    pub step: Step,
}

impl Trail {
    /// The pages opened in `mount`, oldest first.
    pub fn opened(&self, mount: u64) -> &[Page] {
        self.pages_of(mount)
    }

    fn pages_of(&self, mount: u64) -> &[Page] {
        if self.mount == mount {
            &self.pages
        } else {
            &[]
        }
    }

    /// The page shown in `mount`: the last one opened, else the configured one (or its
    /// translation).
    pub fn shown(&self, mount: u64, configured: &Page) -> Page {
        let first = self.first.as_ref().filter(|_| self.mount == mount);
        self.pages_of(mount)
            .last()
            .or(first)
            .unwrap_or(configured)
            .clone()
    }

    /// Whether the widget shows its own Back button: on a partner's page or in a frame,
    /// once the reader has opened a page inside it. On the publisher's page the
    /// browser's own Back does that.
    pub fn can_go_back(&self, mount: u64, placement: Placement) -> bool {
        placement != Placement::Publisher && !self.pages_of(mount).is_empty()
    }
}

impl Reducible for Trail {
    type Action = Move;

    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        let mut pages = self.pages_of(action.mount).to_vec();
        let mut first = self.first.clone().filter(|_| self.mount == action.mount);
        match (action.step, action.placement) {
            // The browser's history does the going back on the publisher's page.
            (Step::Open(page), Placement::Publisher) | (Step::Arrive(page), _) => {
                pages = vec![page];
            }
            (Step::Open(page), Placement::Partner | Placement::Frame) => pages.push(page),
            (Step::Back, _) => {
                pages.pop();
            }
            (Step::Restart, _) => {
                pages.clear();
                first = None;
            }
            (Step::Translate(page), _) => match pages.last_mut() {
                Some(last) => *last = page,
                None => first = Some(page),
            },
        }
        Rc::new(Trail {
            mount: action.mount,
            first,
            pages,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Slug;

    fn article(slug: &str) -> Page {
        Page::Article(Slug::parse(slug).unwrap())
    }

    fn take(trail: Trail, mount: u64, placement: Placement, step: Step) -> Trail {
        let action = Move {
            mount,
            placement,
            step,
        };
        (*Rc::new(trail).reduce(action)).clone()
    }

    #[test]
    fn a_new_trail_shows_the_configured_page() {
        let trail = Trail::default();
        assert_eq!(trail.shown(0, &article("a")), article("a"));
        assert_eq!(trail.shown(0, &Page::Catalog), Page::Catalog);
        assert!(!trail.can_go_back(0, Placement::Partner));
    }

    #[test]
    fn on_a_partners_page_and_in_a_frame_the_widget_keeps_its_own_trail_and_goes_back_along_it() {
        for partner in [Placement::Partner, Placement::Frame] {
            keeps_its_own_trail(partner);
        }
    }

    fn keeps_its_own_trail(partner: Placement) {
        let trail = take(Trail::default(), 0, partner, Step::Open(article("b")));
        let trail = take(trail, 0, partner, Step::Open(Page::Catalog));
        assert_eq!(trail.shown(0, &article("a")), Page::Catalog);
        assert!(trail.can_go_back(0, partner));

        let trail = take(trail, 0, partner, Step::Back);
        assert_eq!(trail.shown(0, &article("a")), article("b"));
        let trail = take(trail, 0, partner, Step::Back);
        assert_eq!(trail.shown(0, &article("a")), article("a"));
        assert!(!trail.can_go_back(0, partner));
        // A Back with nowhere to go stays on the configured page.
        let trail = take(trail, 0, partner, Step::Back);
        assert_eq!(trail.shown(0, &article("a")), article("a"));
    }

    #[test]
    fn on_the_publishers_page_the_browsers_history_does_the_going_back() {
        let publisher = Placement::Publisher;
        let trail = take(Trail::default(), 0, publisher, Step::Open(article("b")));
        let trail = take(trail, 0, publisher, Step::Open(article("c")));
        assert_eq!(trail.shown(0, &Page::Catalog), article("c"));
        assert!(!trail.can_go_back(0, publisher));

        let trail = take(trail, 0, publisher, Step::Arrive(Page::Catalog));
        assert_eq!(trail.shown(0, &article("a")), Page::Catalog);
    }

    #[test]
    fn a_new_configured_page_restarts_the_trail() {
        let partner = Placement::Partner;
        let trail = take(Trail::default(), 0, partner, Step::Open(article("b")));
        let trail = take(trail, 0, partner, Step::Restart);
        assert_eq!(trail.shown(0, &article("c")), article("c"));
        assert!(!trail.can_go_back(0, partner));
    }

    #[test]
    fn a_trail_belongs_to_its_mount() {
        let partner = Placement::Partner;
        let trail = take(Trail::default(), 3, partner, Step::Open(article("b")));
        assert_eq!(trail.shown(4, &article("a")), article("a"));
        assert!(!trail.can_go_back(4, partner));
        // The next mount's first step starts a trail of its own.
        let trail = take(trail, 4, partner, Step::Open(article("c")));
        let trail = take(trail, 4, partner, Step::Back);
        assert_eq!(trail.shown(4, &article("a")), article("a"));
    }

    #[test]
    fn a_translation_takes_the_place_of_the_page_shown_with_no_step_back_to_it() {
        let partner = Placement::Partner;
        let trail = take(Trail::default(), 0, partner, Step::Translate(article("es")));
        assert_eq!(trail.shown(0, &article("en")), article("es"));
        assert!(
            !trail.can_go_back(0, partner),
            "the configured page, translated"
        );
        let trail = take(trail, 0, partner, Step::Open(article("b")));
        let trail = take(trail, 0, partner, Step::Translate(article("b-es")));
        assert_eq!(trail.shown(0, &article("en")), article("b-es"));
        let trail = take(trail, 0, partner, Step::Back);
        assert_eq!(trail.shown(0, &article("en")), article("es"));
        // Another mount, or the host asking anew, starts from the configured page.
        assert_eq!(trail.shown(1, &article("en")), article("en"));
        let trail = take(trail, 0, partner, Step::Restart);
        assert_eq!(trail.shown(0, &article("en")), article("en"));
    }
}
