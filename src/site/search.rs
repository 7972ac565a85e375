//! An article as a record of the catalog's full-text index: what `articles
//! search-records` writes, one JSON line per article, for `xtask/build-search-index.mjs`
//! to give Pagefind (`addCustomRecord`), which writes the index into the site under
//! `articles/search/`.
//!
//! The record's text is plain text: raw HTML in an article stays the literal text it is,
//! as the widget shows it, so that what a search finds is what a reader sees.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::config::article_link;
use crate::model::{Article, Audience, Date, Language, ReviewStatus, Slug};

/// The language Pagefind is told every record is in. Pagefind writes one index per
/// language and its script picks one by the `lang` of the page it runs in: on a
/// partner's page that `lang` is the partner's, not the articles'. One index holds every
/// article, and the widget chooses the articles' language with the `lang` filter.
pub const INDEX_LANGUAGE: &str = "en";

/// One article as Pagefind's custom record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The publisher's page of the article, relative to the site's root.
    pub url: String,
    /// Always [`INDEX_LANGUAGE`].
    pub language: String,
    /// What a search matches: see [`content`].
    pub content: String,
    pub meta: Meta,
    pub filters: Filters,
    pub sort: Sort,
}

/// What a search result shows without fetching the article: the catalog's line of it
/// (`CatalogEntry`'s names), each a string, as Pagefind's metadata are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub slug: Slug,
    pub question: String,
    pub lang: Language,
    pub updated: Date,
    pub review_status: ReviewStatus,
    /// The audiences with a variant, comma-separated.
    pub audiences: String,
}

/// What a search can be narrowed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// Every audience with a variant.
    pub audience: Vec<Audience>,
    pub lang: Vec<Language>,
    pub review_status: Vec<ReviewStatus>,
}

/// What results can be ordered by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort {
    pub updated: Date,
}

/// The record of `article`, which has its language (`articles` gives each article its
/// publisher's when it names none).
pub fn record(article: &Article) -> Record {
    let audiences = article.audiences();
    let lang = article.language();
    let status = article.review.status;
    Record {
        url: article_link("", &article.slug),
        language: INDEX_LANGUAGE.to_owned(),
        content: content(article),
        meta: Meta {
            slug: article.slug.clone(),
            question: article.question.clone(),
            lang,
            updated: article.updated,
            review_status: status,
            audiences: audiences
                .iter()
                .map(|audience| audience.as_str())
                .collect::<Vec<_>>()
                .join(","),
        },
        filters: Filters {
            audience: audiences,
            lang: vec![lang],
            review_status: vec![status],
        },
        sort: Sort {
            updated: article.updated,
        },
    }
}

/// The text of an article a search matches: its question, then each variant's body in
/// audience order (headings, paragraphs, list items, table cells, code, raw HTML as
/// literal text; citation markers left out), separated by blank lines. A block every
/// variant shares is written once: it would otherwise weigh three times in the
/// ranking and the index.
pub fn content(article: &Article) -> String {
    let mut text = article.question.clone();
    let mut seen = HashSet::new();
    for document in article.variants.values() {
        for block in &document.blocks {
            let block_text = block.text();
            if block_text.trim().is_empty() || seen.contains(&block_text) {
                continue;
            }
            text.push_str("\n\n");
            text.push_str(&block_text);
            seen.insert(block_text);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::document::{Block, Document, Inline};

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(vec![Inline::Text(text.into())])
    }

    fn article() -> Article {
        let shared = paragraph("Shared intro.");
        let patient = Document {
            blocks: vec![
                shared.clone(),
                Block::Heading {
                    level: 2,
                    id: "rest".into(),
                    content: vec![Inline::Text("Rest".into())],
                },
                Block::Paragraph(vec![
                    Inline::Text("Sleep helps".into()),
                    Inline::Citation {
                        label: "1".into(),
                        number: 1,
                        follows_citation: false,
                    },
                    Inline::Text(".".into()),
                ]),
                Block::RawHtml(Rc::from("<script>alert(1)</script>")),
            ],
            cited: vec!["1".into()],
        };
        let professional = Document {
            blocks: vec![
                shared,
                Block::List {
                    start: None,
                    items: vec![vec![Block::Plain(vec![Inline::Strong(vec![
                        Inline::Text("Riluzole".into()),
                    ])])]],
                },
                Block::Table {
                    alignments: vec![],
                    head: vec![vec![Inline::Text("Dose".into())]],
                    rows: vec![vec![vec![Inline::Code("50 mg".into())]]],
                },
            ],
            cited: vec![],
        };
        let mut article = Article::stub("als");
        article.question = "What treats ALS?".into();
        article.lang = Some(Language::Spanish);
        article.variants = [
            (Audience::Professional, professional),
            (Audience::Patient, patient),
        ]
        .into();
        article
    }

    #[test]
    fn the_content_is_the_question_then_each_variants_text_shared_blocks_once() {
        assert_eq!(
            content(&article()),
            "What treats ALS?\n\nShared intro.\n\nRest\n\nSleep helps.\n\n\
             <script>alert(1)</script>\n\nRiluzole\n\nDose\t\n50 mg\t\n"
        );
    }

    #[test]
    fn the_record_says_where_the_article_is_and_what_it_is_filtered_and_sorted_by() {
        let record = record(&article());
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["url"], "articles/als/");
        assert_eq!(json["language"], "en");
        assert_eq!(
            json["meta"],
            serde_json::json!({
                "slug": "als",
                "question": "What treats ALS?",
                "lang": "es",
                "updated": "2026-01-01",
                "review_status": "submitted",
                "audiences": "patient,professional",
            })
        );
        assert_eq!(
            json["filters"],
            serde_json::json!({
                "audience": ["patient", "professional"],
                "lang": ["es"],
                "review_status": ["submitted"],
            })
        );
        assert_eq!(json["sort"], serde_json::json!({ "updated": "2026-01-01" }));
    }
}
