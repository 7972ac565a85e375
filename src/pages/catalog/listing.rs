//! What the catalog's list shows, decided from what it has: the view asked for (the
//! catalog's pages or a search), the search's state and the page's load. A pure
//! function, tested natively; the component only renders it.

use super::use_catalog_page::PageLoad;
use super::use_catalog_search::SearchState;
use crate::model::{
    pages_of, Audience, Catalog, CatalogEntry, CatalogView, ExcerptRun, Language, SearchResults,
};

/// An article listed, with the passage its text was found in (none when not searched).
pub type Shown<'a> = (&'a CatalogEntry, &'a [ExcerptRun]);

/// What the count line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Count(usize),
    Loading,
    Searching,
}

/// Why the list is not what the reader asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The page turned to came from neither the network nor this device.
    PageUnavailable,
    /// The search index is out of reach: the questions at hand were searched instead.
    SearchUnavailable,
}

/// The catalog's list as it stands.
#[derive(Debug, PartialEq)]
pub struct Listing<'a> {
    pub status: Status,
    /// The articles shown, in order, each with its passage.
    pub shown: Vec<Shown<'a>>,
    /// From 1.
    pub page: usize,
    pub page_count: usize,
    /// Waiting for the network or the index: the list shown is about to change.
    pub busy: bool,
    pub notice: Option<Notice>,
}

impl<'a> Listing<'a> {
    /// `load` is the page turned to (`None`: the first, which `catalog` holds). The
    /// entries at hand are searched here by the words of their questions (compared
    /// after `fold`) and the `filters` (an audience, a language).
    pub fn of(
        view: &CatalogView,
        search: &'a SearchState,
        load: &'a Option<PageLoad>,
        catalog: &'a Catalog,
        filters: (Option<Audience>, Option<Language>),
        fold: fn(&str) -> String,
    ) -> Listing<'a> {
        let local = |entries: &'a [CatalogEntry], query: &str| -> Vec<Shown<'a>> {
            catalog
                .search(entries, query, filters.0, filters.1, fold)
                .into_iter()
                .map(|entry| (entry, &[][..]))
                .collect()
        };
        let at_hand: Option<&'a [CatalogEntry]> = match load {
            None => Some(&catalog.articles),
            Some(PageLoad::Loaded(entries)) => Some(entries),
            Some(_) => None,
        };
        match (view, search, at_hand) {
            (CatalogView::Pages { page }, _, Some(entries)) => {
                let shown = local(entries, "");
                // A paged catalog is never filtered here (see `CatalogView::of`).
                let count = if catalog.page_count() > 1 {
                    catalog.total()
                } else {
                    shown.len()
                };
                Listing::new(Status::Count(count), shown, *page, catalog.page_count())
            }
            (CatalogView::Pages { page }, ..) => {
                let failed = matches!(load, Some(PageLoad::Failed));
                let status = if failed {
                    Status::Count(catalog.total())
                } else {
                    Status::Loading
                };
                Listing {
                    busy: !failed,
                    notice: failed.then_some(Notice::PageUnavailable),
                    ..Listing::new(status, Vec::new(), *page, catalog.page_count())
                }
            }
            (CatalogView::Search(request), SearchState::Found(results), _) => Listing::new(
                Status::Count(results.total),
                hits(results),
                request.page,
                pages_of(results.total, request.per_page),
            ),
            (CatalogView::Search(request), SearchState::Searching(Some(results)), _) => Listing {
                busy: true,
                ..Listing::new(
                    Status::Searching,
                    hits(results),
                    request.page,
                    pages_of(results.total, request.per_page),
                )
            },
            // Until the index first answers, or where it cannot, the questions at hand.
            (CatalogView::Search(request), search, _) => {
                let shown = local(at_hand.unwrap_or(&catalog.articles), &request.query);
                let failed = *search == SearchState::Failed;
                Listing {
                    busy: !failed,
                    notice: failed.then_some(Notice::SearchUnavailable),
                    ..Listing::new(
                        if failed {
                            Status::Count(shown.len())
                        } else {
                            Status::Searching
                        },
                        shown,
                        1,
                        1,
                    )
                }
            }
        }
    }

    fn new(status: Status, shown: Vec<Shown<'a>>, page: usize, page_count: usize) -> Listing<'a> {
        Listing {
            status,
            shown,
            page,
            page_count,
            busy: false,
            notice: None,
        }
    }
}

/// The articles a search found, each with its passage.
fn hits(results: &SearchResults) -> Vec<Shown<'_>> {
    let none: &[ExcerptRun] = &[];
    results
        .articles
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            (
                entry,
                results.excerpts.get(index).map_or(none, Vec::as_slice),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::model::{Date, ReviewStatus, SearchFilters, SearchRequest, Slug};

    fn entry(slug: &str, question: &str) -> CatalogEntry {
        CatalogEntry {
            slug: Slug::parse(slug).unwrap(),
            question: question.into(),
            lang: None,
            updated: Date::new(2026, 11, 30).unwrap(),
            review_status: ReviewStatus::Submitted,
            audiences: crate::model::Audience::ALL.to_vec(),
        }
    }

    fn paged() -> Catalog {
        Catalog {
            articles: vec![entry("als", "What treats ALS?"), entry("ms", "What is MS?")],
            total: 120,
            page_size: 2,
            ..Catalog::default()
        }
    }

    fn search(query: &str) -> CatalogView {
        CatalogView::Search(SearchRequest {
            query: query.into(),
            filters: SearchFilters::default(),
            page: 1,
            per_page: 10,
        })
    }

    fn slugs(listing: &Listing) -> Vec<String> {
        listing
            .shown
            .iter()
            .map(|(entry, _)| entry.slug.to_string())
            .collect()
    }

    const NONE: (Option<Audience>, Option<Language>) = (None, None);

    #[test]
    fn a_page_at_hand_counts_the_whole_catalog_and_one_coming_says_it_loads_or_failed() {
        let catalog = paged();
        let first = Listing::of(
            &CatalogView::Pages { page: 1 },
            &SearchState::Idle,
            &None,
            &catalog,
            NONE,
            str::to_lowercase,
        );
        assert_eq!(
            (first.status, first.page, first.page_count, first.busy),
            (Status::Count(120), 1, 60, false)
        );
        assert_eq!(slugs(&first), ["als", "ms"]);

        let second = Some(PageLoad::Loaded(Rc::from(vec![entry(
            "copd",
            "What is COPD?",
        )])));
        let turned = Listing::of(
            &CatalogView::Pages { page: 2 },
            &SearchState::Idle,
            &second,
            &catalog,
            NONE,
            str::to_lowercase,
        );
        assert_eq!((turned.status, turned.page), (Status::Count(120), 2));
        assert_eq!(slugs(&turned), ["copd"]);

        let coming = Some(PageLoad::Loading);
        let loading = Listing::of(
            &CatalogView::Pages { page: 2 },
            &SearchState::Idle,
            &coming,
            &catalog,
            NONE,
            str::to_lowercase,
        );
        assert_eq!(
            (loading.status, loading.busy, loading.notice),
            (Status::Loading, true, None)
        );
        let failed = Some(PageLoad::Failed);
        let failed = Listing::of(
            &CatalogView::Pages { page: 2 },
            &SearchState::Idle,
            &failed,
            &catalog,
            NONE,
            str::to_lowercase,
        );
        assert_eq!(
            (failed.busy, failed.notice),
            (false, Some(Notice::PageUnavailable))
        );
        // The pager stays, so that the reader can turn back.
        assert_eq!(failed.page_count, 60);
    }

    #[test]
    fn a_search_shows_the_engines_results_and_the_questions_at_hand_until_or_unless_it_answers() {
        let catalog = paged();
        let found = SearchState::Found(Rc::new(SearchResults {
            total: 25,
            articles: vec![entry("copd", "What is COPD?")],
            excerpts: vec![vec![ExcerptRun {
                text: "inhaler".into(),
                matched: true,
            }]],
        }));
        let listing = Listing::of(
            &search("inhaler"),
            &found,
            &None,
            &catalog,
            NONE,
            str::to_lowercase,
        );
        assert_eq!(
            (listing.status, listing.page_count, listing.busy),
            (Status::Count(25), 3, false)
        );
        assert_eq!(listing.shown[0].1[0].text, "inhaler");

        let waiting = SearchState::Searching(None);
        let listing = Listing::of(
            &search("ALS"),
            &waiting,
            &None,
            &catalog,
            NONE,
            str::to_lowercase,
        );
        assert_eq!((listing.status, listing.busy), (Status::Searching, true));
        assert_eq!(slugs(&listing), ["als"]);

        let listing = Listing::of(
            &search("als"),
            &SearchState::Failed,
            &None,
            &catalog,
            NONE,
            str::to_lowercase,
        );
        assert_eq!(
            (listing.status, listing.busy, listing.notice),
            (Status::Count(1), false, Some(Notice::SearchUnavailable))
        );
        assert_eq!(slugs(&listing), ["als"]);
    }
}
