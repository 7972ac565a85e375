//! Searching the catalog's full text: what the widget asks a search engine and what it
//! is answered, and which of the catalog's two ways of listing articles a reader's
//! query and filters need.
//!
//! The engine is the build's static index (Pagefind, reached through the adapter
//! `articles/search/search.js`, which answers in this form); a hosted engine behind
//! the same form could take its place (docs/formats.md, "Handing search to a hosted engine").

use serde::Deserialize;

use super::{Audience, CatalogEntry, Language};

/// How many results a page of search results shows.
pub const RESULTS_PER_PAGE: usize = 10;

/// The characters a word needs before the index is asked for it. The engine searches
/// the last word as a prefix: one or two characters match thousands of words, which at
/// 10,000 articles loads much of the index and scores most of the catalog, the slow
/// tail of keystroke → results (docs/scale.md); two characters also say too little
/// to rank by.
pub const SEARCHED_FROM_CHARACTERS: usize = 3;

/// The words of `query` the index is asked for: those before a last word shorter than
/// [`SEARCHED_FROM_CHARACTERS`] (being typed, most often), and none while the rest is
/// that short too (the catalog is listed meanwhile). The reader is told (a hint).
pub fn searched_words(query: &str) -> Option<&str> {
    let mut words = query.trim();
    while let Some((before, last)) = words.rsplit_once(char::is_whitespace) {
        if last.chars().count() >= SEARCHED_FROM_CHARACTERS {
            break;
        }
        words = before.trim_end();
    }
    (words.chars().count() >= SEARCHED_FROM_CHARACTERS).then_some(words)
}

/// Some of the words typed are not searched (yet): the reader is told why.
pub fn holds_words_back(query: &str) -> bool {
    searched_words(query).unwrap_or_default() != query.trim()
}

/// One page of a search: words (none, for filters only), filters and the page wanted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    pub query: String,
    /// Each filter the engine applies, by name: an article matches when it has one of
    /// the values (`audience`: a variant for it; `lang`: written in it).
    pub filters: SearchFilters,
    /// From 1.
    pub page: usize,
    pub per_page: usize,
}

/// The filters a search applies, each where the reader chose one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchFilters {
    /// Articles with a variant for it.
    pub audience: Option<Audience>,
    /// Articles written in it.
    pub lang: Option<Language>,
}

/// A page of results: how many articles match in all, and this page's: their catalog
/// entries (decoded as a page of the catalog is) and, beside each, the passage of its
/// text around the words found, as runs of plain text (never markup: the widget shows
/// it as text; none when only filters were asked).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct SearchResults {
    pub total: usize,
    pub articles: Vec<CatalogEntry>,
    #[serde(default)]
    pub excerpts: Vec<Vec<ExcerptRun>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ExcerptRun {
    pub text: String,
    /// A word of the query, which the widget highlights.
    #[serde(default, rename = "match")]
    pub matched: bool,
}

/// How the catalog lists articles for a query and filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogView {
    /// The catalog's own pages, newest first: page `page` of them. A catalog of one
    /// page is filtered in the widget.
    Pages { page: usize },
    /// The search engine's results.
    Search(SearchRequest),
}

impl CatalogView {
    /// Words always go to the search engine, which reads the articles' whole text, not
    /// only their questions, once there are enough of them to search
    /// ([`searched_words`]); fewer count as none. Filters alone stay in the widget while
    /// the whole catalog is at hand, in one page; over a paged catalog only the engine
    /// knows every article a filter keeps.
    pub fn of(
        query: &str,
        audience: Option<Audience>,
        language: Option<Language>,
        page: usize,
        page_count: usize,
    ) -> CatalogView {
        let query = searched_words(query).unwrap_or_default();
        let filtered = audience.is_some() || language.is_some();
        if query.is_empty() && (page_count <= 1 || !filtered) {
            return CatalogView::Pages {
                page: page.clamp(1, page_count.max(1)),
            };
        }
        CatalogView::Search(SearchRequest {
            query: query.to_owned(),
            filters: SearchFilters {
                audience,
                lang: language,
            },
            page: page.max(1),
            per_page: RESULTS_PER_PAGE,
        })
    }
}

/// How many pages `total` results fill, `per_page` a page: at least one.
pub fn pages_of(total: usize, per_page: usize) -> usize {
    total.div_ceil(per_page.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_go_to_the_engine_and_filters_too_once_the_catalog_is_paged() {
        let patients = Some(Audience::Patient);
        assert_eq!(
            CatalogView::of("", None, None, 3, 2000),
            CatalogView::Pages { page: 3 }
        );
        assert_eq!(
            CatalogView::of("  ", patients, None, 1, 1),
            CatalogView::Pages { page: 1 }
        );
        assert_eq!(
            CatalogView::of("", None, None, 9, 2),
            CatalogView::Pages { page: 2 }
        );
        let CatalogView::Search(request) =
            CatalogView::of(" riluzole ", patients, Some(Language::Spanish), 2, 1)
        else {
            panic!("words are searched");
        };
        assert_eq!(
            request,
            SearchRequest {
                query: "riluzole".into(),
                filters: SearchFilters {
                    audience: patients,
                    lang: Some(Language::Spanish)
                },
                page: 2,
                per_page: RESULTS_PER_PAGE,
            }
        );
        let CatalogView::Search(request) = CatalogView::of("", patients, None, 1, 2000) else {
            panic!("a paged catalog is filtered by the engine");
        };
        assert_eq!((request.query.as_str(), request.filters.lang), ("", None));
    }

    #[test]
    fn a_word_is_searched_from_its_third_character() {
        assert_eq!(searched_words(" a "), None);
        assert_eq!(searched_words("me"), None);
        // Characters, not bytes: two accented letters are still two.
        assert_eq!(searched_words("\u{e9}\u{e9}"), None);
        assert_eq!(searched_words(" met "), Some("met"));
        assert_eq!(searched_words("a b"), None);
        // A short last word waits; the words before it are searched meanwhile.
        assert_eq!(searched_words("heart f"), Some("heart"));
        assert_eq!(searched_words("type 2 d"), Some("type"));
        assert_eq!(searched_words("type  2 dia "), Some("type  2 dia"));
        assert_eq!(searched_words("of fat"), Some("of fat"));
        assert!(holds_words_back(" as"));
        assert!(holds_words_back("heart f"));
        assert!(!holds_words_back("  "));
        assert!(!holds_words_back("ast "));
        // Too short counts as no words: the catalog's pages, or the filters alone.
        assert_eq!(
            CatalogView::of("as", None, None, 2, 200),
            CatalogView::Pages { page: 2 }
        );
        let CatalogView::Search(request) =
            CatalogView::of("as", Some(Audience::Patient), None, 1, 200)
        else {
            panic!("a paged catalog is filtered by the engine");
        };
        assert_eq!(request.query, "");
        let CatalogView::Search(request) = CatalogView::of(" ast", None, None, 1, 1) else {
            panic!("three characters are searched");
        };
        assert_eq!(request.query, "ast");
    }

    #[test]
    fn results_decode_with_their_excerpt_as_text_runs() {
        let results: SearchResults = serde_json::from_str(
            r#"{"total":11,"articles":[{"slug":"als","question":"What treats ALS?",
            "updated":"2026-11-30","review_status":"submitted","audiences":["patient"]}],
            "excerpts":[[{"text":"take "},{"text":"<b>riluzole</b>","match":true}]]}"#,
        )
        .unwrap();
        assert_eq!(results.total, 11);
        assert_eq!(results.articles[0].slug.as_str(), "als");
        assert_eq!(
            results.excerpts[0][1],
            ExcerptRun {
                text: "<b>riluzole</b>".into(),
                matched: true
            }
        );
        assert_eq!(pages_of(results.total, RESULTS_PER_PAGE), 2);
        assert_eq!(pages_of(0, RESULTS_PER_PAGE), 1);
    }
}
