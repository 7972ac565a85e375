//! The catalog: one small entry per article, in pages of [`PAGE_SIZE`] newest first.
//! `index.json` is the first page, with the catalog's publisher and size;
//! `catalog/<n>.json` ([`CatalogPage`]) holds page `n` from 2 on, fetched on demand.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{Article, Audience, Date, Language, Publisher, ReviewStatus, Slug};

/// One line of the catalog (`index.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub slug: Slug,
    pub question: String,
    /// The article's language; absent from catalogs built before articles had
    /// languages, which were all in their publisher's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Language>,
    pub updated: Date,
    pub review_status: ReviewStatus,
    pub audiences: Vec<Audience>,
}

/// How many entries a page of the catalog holds: enough to fill a phone's screen a few
/// times over, few enough that the first page stays a few KB.
pub const PAGE_SIZE: usize = 50;

/// The catalog as `index.json` has it: its first page of published articles, newest
/// first, with their publisher and the size of the whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// The first page's entries (every entry, in a catalog written whole).
    pub articles: Vec<CatalogEntry>,
    #[serde(default)]
    pub publisher: Rc<Publisher>,
    /// How many articles the whole catalog holds; 0 in a catalog written before it
    /// was paged, which held them all (see [`Catalog::total`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub total: usize,
    /// The size of a page; 0 where the catalog is one page.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub page_size: usize,
    /// The bytes of every article's data together, so that saving them all for
    /// offline reading can say how much it will download before it starts.
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub data_bytes: u64,
}

/// The folder of the pages after the first, beside `index.json`.
pub const PAGE_FOLDER: &str = "catalog";

/// Page `n` of the catalog from 2 on: `catalog/<n>.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogPage {
    pub articles: Vec<CatalogEntry>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_zero_u64(n: &u64) -> bool {
    *n == 0
}

impl Catalog {
    /// The catalog of `articles`, with their publisher in its own language: each
    /// article carries its own publisher, in the article's language.
    pub fn of(articles: &[Article], publisher: &Publisher) -> Catalog {
        Catalog {
            articles: articles.iter().map(Article::catalog_entry).collect(),
            publisher: Rc::new(publisher.in_own_language()),
            ..Catalog::default()
        }
    }

    /// Where page `page` (from 2) lives, beside `index.json`.
    pub fn page_file(page: usize) -> String {
        format!("{PAGE_FOLDER}/{page}.json")
    }

    /// The first page of the catalog of `entries` (newest first): `index.json` as the
    /// build writes it, and what the catalog's prerendered page shows.
    pub fn first_page_of<'a>(
        entries: impl ExactSizeIterator<Item = &'a CatalogEntry>,
        publisher: Rc<Publisher>,
        data_bytes: u64,
    ) -> Catalog {
        let total = entries.len();
        Catalog {
            articles: entries.take(PAGE_SIZE).cloned().collect(),
            publisher,
            total,
            page_size: PAGE_SIZE,
            data_bytes,
        }
    }

    /// This catalog as its first page shows it; one that is a first page already (it
    /// knows its page size) as it is.
    pub fn first_page(&self) -> Catalog {
        if self.page_size != 0 {
            return self.clone();
        }
        Catalog::first_page_of(
            self.articles.iter(),
            self.publisher.clone(),
            self.data_bytes,
        )
    }

    /// How many articles the whole catalog holds.
    pub fn total(&self) -> usize {
        self.total.max(self.articles.len())
    }

    /// How many pages the catalog has: 1 where `index.json` holds every entry.
    pub fn page_count(&self) -> usize {
        if self.page_size == 0 {
            1
        } else {
            super::pages_of(self.total(), self.page_size)
        }
    }

    /// The language an entry's article is written in: its own, else the publisher's.
    pub fn language_of(&self, entry: &CatalogEntry) -> Language {
        entry
            .lang
            .or_else(|| Language::from_tag(&self.publisher.language))
            .unwrap_or_default()
    }

    /// The languages its articles are written in, each once, in `Language` order
    /// (found by walking `Language::ALL` rather than sorting: no sort in the Wasm).
    pub fn languages(&self) -> Vec<Language> {
        Language::ALL
            .iter()
            .copied()
            .filter(|language| {
                self.articles
                    .iter()
                    .any(|entry| self.language_of(entry) == *language)
            })
            .collect()
    }

    /// The entries of `entries` (this catalog's, or one of its pages') whose question
    /// holds every word of `query`, compared after `fold` (a case folding), that have a
    /// variant for `audience` and are in `language`, each if one is given; in catalog
    /// order. The folding is the caller's: in the browser it is the browser's own, so
    /// that the Wasm carries no Unicode case tables.
    pub fn search<'a>(
        &self,
        entries: &'a [CatalogEntry],
        query: &str,
        audience: Option<Audience>,
        language: Option<Language>,
        fold: impl Fn(&str) -> String,
    ) -> Vec<&'a CatalogEntry> {
        let words: Vec<String> = query.split_whitespace().map(&fold).collect();
        entries
            .iter()
            .filter(|entry| audience.is_none_or(|audience| entry.audiences.contains(&audience)))
            .filter(|entry| language.is_none_or(|language| self.language_of(entry) == language))
            .filter(|entry| {
                let question = fold(&entry.question);
                words.iter().all(|word| question.contains(word.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, question: &str, audiences: &[Audience]) -> CatalogEntry {
        CatalogEntry {
            slug: Slug::parse(slug).unwrap(),
            question: question.into(),
            lang: None,
            updated: Date::new(2026, 11, 27).unwrap(),
            review_status: ReviewStatus::Submitted,
            audiences: audiences.to_vec(),
        }
    }

    #[test]
    fn the_catalog_is_searched_by_every_word_and_filtered_by_audience() {
        let catalog = Catalog {
            articles: vec![
                entry(
                    "als",
                    "What is the primary treatment for ALS?",
                    Audience::ALL,
                ),
                entry(
                    "bp",
                    "What is the first-line treatment for high blood pressure?",
                    &[Audience::Professional],
                ),
                entry(
                    "asthma",
                    "How is mild asthma treated?",
                    &[Audience::Patient, Audience::Professional],
                ),
            ],
            publisher: Rc::default(),
            ..Catalog::default()
        };
        let slugs = |entries: Vec<&CatalogEntry>| {
            entries
                .iter()
                .map(|entry| entry.slug.clone())
                .collect::<Vec<_>>()
        };
        let search = |query: &str, audience| {
            catalog.search(&catalog.articles, query, audience, None, str::to_lowercase)
        };
        assert_eq!(slugs(search("", None)), ["als", "bp", "asthma"]);
        assert_eq!(slugs(search("TREATMENT", None)), ["als", "bp"]);
        assert_eq!(slugs(search("treatment blood", None)), ["bp"]);
        assert_eq!(
            slugs(search("", Some(Audience::Patient))),
            ["als", "asthma"]
        );
        assert_eq!(slugs(search("treat", Some(Audience::Caregiver))), ["als"]);
        assert!(search("diabetes", None).is_empty());
        assert_eq!((catalog.total(), catalog.page_count()), (3, 1));
    }

    #[test]
    fn a_paged_catalog_counts_its_pages_from_its_total() {
        let first = |total, page_size| Catalog {
            articles: vec![entry("a", "A?", Audience::ALL)],
            total,
            page_size,
            ..Catalog::default()
        };
        assert_eq!(first(101, 50).page_count(), 3);
        assert_eq!(first(100, 50).page_count(), 2);
        assert_eq!(first(1, 50).page_count(), 1);
        assert_eq!((first(0, 0).total(), first(0, 0).page_count()), (1, 1));
    }

    #[test]
    fn an_entry_without_a_language_is_in_its_publishers_and_the_filter_keeps_one_language() {
        let mut spanish = entry("ela", "¿Cuál es el tratamiento de la ELA?", Audience::ALL);
        spanish.lang = Some(Language::Spanish);
        let catalog = Catalog {
            articles: vec![entry("als", "What treats ALS?", Audience::ALL), spanish],
            publisher: Rc::new(Publisher {
                language: "en-GB".into(),
                ..Publisher::default()
            }),
            ..Catalog::default()
        };
        assert_eq!(catalog.languages(), [Language::English, Language::Spanish]);
        let slugs = |language| {
            catalog
                .search(&catalog.articles, "", None, language, str::to_lowercase)
                .iter()
                .map(|entry| entry.slug.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(slugs(Some(Language::English)), ["als"]);
        assert_eq!(slugs(Some(Language::Spanish)), ["ela"]);
        assert_eq!(slugs(None), ["als", "ela"]);
    }
}
