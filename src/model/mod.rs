//! The content model: articles, audiences, reviews, references and their publisher.
//!
//! Plain Rust with no browser dependency, so the same types serve the `articles` CLI,
//! native tests and the widget in the browser. The JSON that `articles build` writes
//! is exactly the serde form of these types.

mod audience;
mod catalog;
mod date;
mod decode;
mod keyed;
mod language;
mod publisher;
mod reference;
mod search;
mod slug;

use std::rc::Rc;

use serde::{Deserialize, Serialize};

pub use self::audience::{Audience, ReviewStatus};
pub use self::catalog::{Catalog, CatalogEntry, CatalogPage, PAGE_FOLDER, PAGE_SIZE};
pub use self::date::Date;
pub use self::keyed::Keyed;
pub use self::language::Language;
pub use self::publisher::{
    contrast_ratio, Disclaimer, Disclaimers, FollowUp, Publisher, PublisherWords, ReviewBody,
};
pub use self::reference::{is_doi, is_pmid, separator_after, vancouver_date, Reference};
pub use self::search::{
    holds_words_back, pages_of, searched_words, CatalogView, ExcerptRun, SearchFilters,
    SearchRequest, SearchResults, RESULTS_PER_PAGE,
};
pub use self::slug::Slug;
use crate::document::Document;

/// A member of the review body who reviewed an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    pub name: String,
    pub credentials: String,
}

/// What truly happened to an article in review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub status: ReviewStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewers: Vec<Reviewer>,
    /// The day the reviewers signed off; absent while nobody has reviewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
}

/// A review that the data records as done: the day the article was signed off and the
/// humans who signed it off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignOff<'a> {
    pub reviewed: Date,
    pub reviewers: &'a [Reviewer],
}

impl Review {
    /// The sign-off this review records, the only review that may be claimed for the
    /// article (by its badge, or to search engines): an approved article with its review
    /// date and named reviewers has one; a submitted article or one under review has
    /// none, whatever its other fields say.
    pub fn sign_off(&self) -> Option<SignOff<'_>> {
        match (self.status, self.reviewed) {
            (ReviewStatus::Approved, Some(reviewed)) if !self.reviewers.is_empty() => {
                Some(SignOff {
                    reviewed,
                    reviewers: &self.reviewers,
                })
            }
            _ => None,
        }
    }
}

/// One entry of an article's history: a change a reader should know of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub date: Date,
    pub summary: String,
    /// A correction or an ordinary update; written only for a correction.
    #[serde(default, skip_serializing_if = "ChangeKind::is_update")]
    pub kind: ChangeKind,
}

crate::closed_enum! {
    /// What a change of an article's history was: an ordinary update (new guidance,
    /// clearer words), the default, or a correction of text that was wrong.
    #[derive(Default)]
    pub enum ChangeKind("change kind") {
        #[default]
        Update = "update",
        Correction = "correction",
    }
}

impl ChangeKind {
    /// Whether it is an ordinary update, the kind the data leaves unwritten.
    pub fn is_update(&self) -> bool {
        *self == ChangeKind::Update
    }
}

/// One article as the widget fetches it: validated front matter plus the parsed body of
/// each audience's variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub slug: Slug,
    pub question: String,
    /// The medical condition the article is about ("Asthma"), when its front matter
    /// names one: what the static page tells search engines it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The language it is written in; absent from data built before articles had
    /// languages, which were all in their publisher's (see [`Article::language`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Language>,
    /// The same article in other languages, by language: `articles check` holds each
    /// link to point back.
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub translations: Keyed<Language, Slug>,
    pub updated: Date,
    pub next_review_due: Date,
    pub review: Review,
    /// The article's history, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    pub default_audience: Audience,
    pub references: Vec<Reference>,
    /// The body of each audience's variant: the shared parts and that audience's own
    /// parts, in the order of the source file, parsed when the article was built.
    pub variants: Keyed<Audience, Document>,
    /// Other articles of the catalog a reader of this one may want next, with their
    /// questions, so that the links need no second request. Data built before related
    /// articles existed has none.
    #[serde(default)]
    pub related: Vec<RelatedArticle>,
    /// Who publishes it, and the words the widget shows for them (`publisher.toml`).
    #[serde(default)]
    pub publisher: Rc<Publisher>,
}

/// A link from one article to another of the catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedArticle {
    pub slug: Slug,
    pub question: String,
}

/// The variant a reader gets for the audience they asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variant<'a> {
    /// The audience the variant was written for.
    pub audience: Audience,
    pub document: &'a Document,
    /// Whether this is the default variant standing in for a missing one.
    pub is_fallback: bool,
}

impl Article {
    /// The variant for `audience`, or the default variant when the article has none for it.
    pub fn variant(&self, audience: Audience) -> Option<Variant<'_>> {
        if let Some(document) = self.variants.get(&audience) {
            return Some(Variant {
                audience,
                document,
                is_fallback: false,
            });
        }
        self.variants
            .get(&self.default_audience)
            .map(|document| Variant {
                audience: self.default_audience,
                document,
                is_fallback: true,
            })
    }

    pub fn audiences(&self) -> Vec<Audience> {
        self.variants.keys().copied().collect()
    }

    pub fn reference(&self, id: u32) -> Option<&Reference> {
        self.references.iter().find(|reference| reference.id == id)
    }

    /// The entry that represents this article in the catalog.
    /// The language it is written in: its own, else its publisher's, else English.
    pub fn language(&self) -> Language {
        self.lang
            .or_else(|| Language::from_tag(&self.publisher.language))
            .unwrap_or_default()
    }

    pub fn catalog_entry(&self) -> CatalogEntry {
        CatalogEntry {
            slug: self.slug.clone(),
            question: self.question.clone(),
            lang: Some(self.language()),
            updated: self.updated,
            review_status: self.review.status,
            audiences: self.audiences(),
        }
    }
}

/// An article with no body, submitted, for the unit tests of what is decided about an
/// article: each test sets what it is about.
#[cfg(test)]
impl Article {
    pub(crate) fn stub(slug: &str) -> Article {
        let day = Date::new(2026, 1, 1).unwrap();
        Article {
            slug: Slug::parse(slug).unwrap(),
            question: "Q?".into(),
            condition: None,
            lang: None,
            translations: Keyed::new(),
            updated: day,
            next_review_due: day,
            review: Review {
                status: ReviewStatus::Submitted,
                reviewers: vec![],
                reviewed: None,
            },
            changes: vec![],
            default_audience: Audience::Patient,
            references: vec![],
            variants: Keyed::new(),
            related: vec![],
            publisher: Rc::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_approved_review_with_its_date_and_reviewers_is_a_sign_off() {
        let reviewers = vec![Reviewer {
            name: "Jane Roe".into(),
            credentials: "MD".into(),
        }];
        let day = Date::new(2026, 11, 25).unwrap();
        let review = |status, reviewers: &Vec<Reviewer>, reviewed| Review {
            status,
            reviewers: reviewers.clone(),
            reviewed,
        };
        let approved = review(ReviewStatus::Approved, &reviewers, Some(day));
        assert_eq!(
            approved.sign_off(),
            Some(SignOff {
                reviewed: day,
                reviewers: &reviewers,
            })
        );
        for status in [ReviewStatus::Submitted, ReviewStatus::UnderReview] {
            assert_eq!(review(status, &reviewers, Some(day)).sign_off(), None);
        }
        assert_eq!(
            review(ReviewStatus::Approved, &reviewers, None).sign_off(),
            None
        );
        assert_eq!(
            review(ReviewStatus::Approved, &vec![], Some(day)).sign_off(),
            None
        );
    }

    #[test]
    fn a_publisher_in_another_language_speaks_its_words_there_or_not_at_all() {
        let spanish_words = PublisherWords {
            review_body: ReviewBody {
                name: "Comité de revisión".into(),
                statement: "Revisa cada artículo.".into(),
                in_sentence: None,
            },
            follow_up: None,
            disclaimers: Disclaimers::default(),
        };
        let publisher = Publisher {
            name: "Example".into(),
            language: "en".into(),
            review_body: ReviewBody {
                name: "Review Board".into(),
                statement: "Reviews each article.".into(),
                in_sentence: None,
            },
            follow_up: Some(FollowUp::default()),
            translations: [(Language::Spanish, spanish_words)].into(),
            ..Publisher::default()
        };
        let english = publisher.in_language(Language::English).unwrap();
        assert_eq!(english.review_body.name, "Review Board");
        assert!(english.translations.is_empty(), "no other language's words");
        let spanish = publisher.in_language(Language::Spanish).unwrap();
        assert_eq!(spanish.language, "es");
        assert_eq!(spanish.name, "Example", "the name is the publisher's own");
        assert_eq!(spanish.review_body.name, "Comité de revisión");
        assert_eq!(spanish.follow_up, None);
        assert!(spanish.translations.is_empty());
        let unspoken = Publisher {
            translations: Default::default(),
            ..publisher
        };
        assert_eq!(unspoken.in_language(Language::Spanish), None);
    }
}
