//! The build writes the data with serde (`json::to_data`); the widget reads it with its
//! own reader (`json::from_data`). Random articles and catalog pages must read back as
//! they were written, and no bytes at all, random, truncated or altered, may make the
//! reader panic: a partner's page must never break because of our data.

use std::rc::Rc;

use article_widget::document::{Alignment, Block, Document, Inline};
use article_widget::json::{self, Refusal, FORMAT};
use article_widget::model::{
    Article, Audience, Catalog, CatalogEntry, CatalogPage, Change, ChangeKind, Date, Disclaimer,
    Disclaimers, FollowUp, Keyed, Language, Publisher, Reference, RelatedArticle, Review,
    ReviewBody, ReviewStatus, Reviewer, SearchResults, Slug,
};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

/// How many cases each property runs: the issue asks for at least 100,000 for the
/// reader's robustness; the round trips build whole articles, so fewer.
const GARBAGE_CASES: u32 = 100_000;
const ROUND_TRIP_CASES: u32 = 500;

/// Text as articles hold it: any character, escapes and control characters included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.]{0,12}",
        any::<String>(),
        "[\"\\\\/\u{0}-\u{1f}\u{7f}é€😀\u{2028}]{0,6}",
    ]
}

fn shared_text() -> impl Strategy<Value = Rc<str>> {
    text().prop_map(|text| Rc::from(text.as_str()))
}

fn slug() -> impl Strategy<Value = Slug> {
    "[a-z0-9-]{1,20}".prop_map(|text| Slug::parse(&text).expect("the pattern is a slug's"))
}

fn date() -> impl Strategy<Value = Date> {
    (1900_u16..2200, 1_u8..=12, 1_u8..=28)
        .prop_map(|(year, month, day)| Date::new(year, month, day).expect("a real day"))
}

fn audience() -> impl Strategy<Value = Audience> {
    prop::sample::select(Audience::ALL)
}

fn inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        shared_text().prop_map(Inline::Text),
        shared_text().prop_map(Inline::Code),
        Just(Inline::LineBreak),
        any::<bool>().prop_map(Inline::Task),
        (text(), text(), text()).prop_map(|(src, title, alt)| Inline::Image { src, title, alt }),
        (text(), any::<usize>(), any::<bool>()).prop_map(|(label, number, follows_citation)| {
            Inline::Citation {
                label,
                number,
                follows_citation,
            }
        }),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Inline::Emphasis),
            vec(inner.clone(), 0..4).prop_map(Inline::Strong),
            vec(inner.clone(), 0..4).prop_map(Inline::Strikethrough),
            (text(), text(), vec(inner, 0..4)).prop_map(|(href, title, content)| Inline::Link {
                href,
                title,
                content
            }),
        ]
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    vec(inline(), 0..4)
}

fn block() -> impl Strategy<Value = Block> {
    let alignment = prop::sample::select(vec![
        Alignment::None,
        Alignment::Left,
        Alignment::Center,
        Alignment::Right,
    ]);
    let leaf = prop_oneof![
        inlines().prop_map(Block::Paragraph),
        inlines().prop_map(Block::Plain),
        (1_u8..=6, text(), inlines()).prop_map(|(level, id, content)| Block::Heading {
            level,
            id,
            content
        }),
        (proptest::option::of(text()), shared_text())
            .prop_map(|(language, text)| Block::Code { language, text }),
        shared_text().prop_map(Block::RawHtml),
        Just(Block::Rule),
        (
            vec(alignment, 0..3),
            vec(inlines(), 0..3),
            vec(vec(inlines(), 0..3), 0..3)
        )
            .prop_map(|(alignments, head, rows)| Block::Table {
                alignments,
                head,
                rows
            }),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..3).prop_map(Block::Quote),
            (
                proptest::option::of(any::<u64>()),
                vec(vec(inner.clone(), 0..3), 0..3)
            )
                .prop_map(|(start, items)| Block::List { start, items }),
            (text(), vec(inner, 0..3))
                .prop_map(|(label, blocks)| Block::Footnote { label, blocks }),
        ]
    })
}

fn document() -> impl Strategy<Value = Document> {
    (vec(block(), 0..5), vec(text(), 0..3)).prop_map(|(blocks, cited)| Document { blocks, cited })
}

fn publisher() -> impl Strategy<Value = Publisher> {
    let disclaimer = || (text(), text()).prop_map(|(heading, text)| Disclaimer { heading, text });
    let follow_up =
        (text(), text(), text(), text()).prop_map(|(heading, text, button, url)| FollowUp {
            heading,
            text,
            button,
            url,
        });
    (
        [text(), text(), text(), text(), text(), text(), text(), text()],
        (text(), text()),
        proptest::option::of(follow_up),
        (disclaimer(), disclaimer(), disclaimer()),
    )
        .prop_map(
            |(
                [name, url, site_url, language, accent, accent_dark, editorial_policy_url, corrections_url],
                (body_name, statement),
                follow_up,
                (patient, caregiver, professional),
            )| Publisher {
                name,
                url,
                site_url,
                language,
                accent,
                accent_dark,
                editorial_policy_url,
                corrections_url,
                review_body: ReviewBody {
                    name: body_name,
                    statement,
                    in_sentence: None,
                },
                follow_up,
                disclaimers: Disclaimers {
                    patient,
                    caregiver,
                    professional,
                },
                // Never in the data: the build gives each article its own language's.
                translations: Keyed::new(),
            },
        )
}

fn reference() -> impl Strategy<Value = Reference> {
    let optional = || proptest::option::of(text());
    (
        (
            any::<u32>(),
            vec(text(), 0..4),
            text(),
            text(),
            any::<u16>(),
        ),
        (
            optional(),
            optional(),
            optional(),
            optional(),
            optional(),
            optional(),
        ),
        (
            proptest::option::of(any::<bool>()),
            proptest::option::of(date()),
        ),
    )
        .prop_map(
            |(
                (id, authors, title, source, year),
                (volume, issue, pages, doi, pmid, url),
                (et_al, cited),
            )| {
                Reference {
                    id,
                    authors,
                    title,
                    source,
                    year,
                    volume,
                    issue,
                    pages,
                    doi,
                    pmid,
                    url,
                    et_al,
                    cited,
                }
            },
        )
}

fn article() -> impl Strategy<Value = Article> {
    let language = || prop::sample::select(Language::ALL);
    let review = (
        prop::sample::select(ReviewStatus::ALL),
        vec(
            (text(), text()).prop_map(|(name, credentials)| Reviewer { name, credentials }),
            0..3,
        ),
        proptest::option::of(date()),
    )
        .prop_map(|(status, reviewers, reviewed)| Review {
            status,
            reviewers,
            reviewed,
        });
    (
        (
            slug(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(language()),
        ),
        (btree_map(language(), slug(), 0..2), date(), date(), review),
        (
            vec(
                (date(), text(), any::<bool>()).prop_map(|(date, summary, corrects)| Change {
                    date,
                    summary,
                    kind: if corrects {
                        ChangeKind::Correction
                    } else {
                        ChangeKind::Update
                    },
                }),
                0..3,
            ),
            audience(),
            vec(reference(), 0..3),
            btree_map(audience(), document(), 0..4),
        ),
        (
            vec(
                (slug(), text()).prop_map(|(slug, question)| RelatedArticle { slug, question }),
                0..3,
            ),
            publisher(),
        ),
    )
        .prop_map(
            |(
                (slug, question, condition, lang),
                (translations, updated, next_review_due, review),
                (changes, default_audience, references, variants),
                (related, publisher),
            )| Article {
                slug,
                question,
                condition,
                lang,
                translations: translations.into_iter().collect(),
                updated,
                next_review_due,
                review,
                changes,
                default_audience,
                references,
                variants: variants.into_iter().collect(),
                related,
                publisher: Rc::new(publisher),
            },
        )
}

fn catalog_entry() -> impl Strategy<Value = CatalogEntry> {
    (
        slug(),
        text(),
        proptest::option::of(prop::sample::select(Language::ALL)),
        date(),
        prop::sample::select(ReviewStatus::ALL),
        vec(audience(), 0..3),
    )
        .prop_map(
            |(slug, question, lang, updated, review_status, audiences)| CatalogEntry {
                slug,
                question,
                lang,
                updated,
                review_status,
                audiences,
            },
        )
}

fn written<T: serde::Serialize>(value: &T) -> String {
    String::from_utf8(json::to_data(value).expect("the model always encodes"))
        .expect("serde_json writes UTF-8")
}

fn run<T: std::fmt::Debug>(
    cases: u32,
    strategy: impl Strategy<Value = T>,
    test: impl Fn(T) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(failure) = runner.run(&strategy, test) {
        panic!("{failure}");
    }
}

#[test]
fn random_articles_read_back_as_the_build_wrote_them() {
    run(ROUND_TRIP_CASES, article(), |article| {
        let text = written(&article);
        prop_assert_eq!(json::from_data::<Article>(&text), Ok(article));
        Ok(())
    });
}

#[test]
fn random_catalogs_and_their_pages_read_back_as_the_build_wrote_them() {
    let catalog = (
        vec(catalog_entry(), 0..6),
        publisher(),
        any::<usize>(),
        any::<usize>(),
        any::<u64>(),
    )
        .prop_map(
            |(articles, publisher, total, page_size, data_bytes)| Catalog {
                articles,
                publisher: Rc::new(publisher),
                total,
                page_size,
                data_bytes,
            },
        );
    run(ROUND_TRIP_CASES, catalog, |catalog| {
        let page = CatalogPage {
            articles: catalog.articles.clone(),
        };
        prop_assert_eq!(json::from_data::<CatalogPage>(&written(&page)), Ok(page));
        prop_assert_eq!(json::from_data::<Catalog>(&written(&catalog)), Ok(catalog));
        Ok(())
    });
}

#[test]
fn random_bytes_are_an_error_never_a_panic() {
    let bytes = prop_oneof![
        vec(any::<u8>(), 0..64),
        // Bytes made of JSON's own punctuation and words reach deeper into the reader.
        vec(
            prop::sample::select(b"{}[]\",:\\0123456789-.eEtrufalsn \"".to_vec()),
            0..64
        ),
    ];
    run(GARBAGE_CASES, bytes, |bytes| {
        let text = String::from_utf8_lossy(&bytes);
        let _ = json::from_data::<Article>(&text);
        let _ = json::from_data::<Catalog>(&text);
        let _ = json::from_str::<SearchResults>(&text);
        let _ = json::from_str::<Document>(&text);
        Ok(())
    });
}

#[test]
fn cut_documents_are_an_error_and_altered_ones_read_as_serde_reads_them() {
    // Random documents, each cut at a random place or with a random byte changed: the
    // data a dropped connection or a broken disk gives. The documents are made once;
    // the damage is what varies from case to case.
    let mut runner = TestRunner::deterministic();
    let documents: Vec<(Document, String)> = (0..500)
        .map(|_| {
            let document = document()
                .new_tree(&mut runner)
                .expect("a document")
                .current();
            let text = written(&document);
            (document, text)
        })
        .collect();
    // Undamaged, each reads back as it was written: the damage below is all that fails.
    for (document, text) in &documents {
        assert_eq!(json::from_data::<Document>(text).as_ref(), Ok(document));
    }
    let damage = (
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<u8>(),
        any::<bool>(),
    );
    run(GARBAGE_CASES, damage, |(which, at, byte, cut)| {
        let (document, text) = &documents[which.index(documents.len())];
        let at = at.index(text.len());
        let damaged = if cut {
            let end = (0..=at)
                .rev()
                .find(|&end| text.is_char_boundary(end))
                .unwrap_or(0);
            text[..end].to_owned()
        } else {
            let mut bytes = text.clone().into_bytes();
            bytes[at] = byte;
            String::from_utf8_lossy(&bytes).into_owned()
        };
        // A panic here fails the case too: the runner catches it.
        let read = json::from_data::<Document>(&damaged);
        if cut {
            // Shorter than the whole: the object is never closed.
            prop_assert!(read.is_err(), "a cut text is never whole: {damaged:?}");
        } else if damaged == *text {
            // The byte "changed" to itself.
            prop_assert_eq!(read, Ok(document.clone()));
        } else if let Ok(read) = read {
            // An altered text may still be a document (a letter of a text changed, a
            // digit of a number): then it is the one serde reads, the build's own
            // reader, never a misreading. The reader may refuse more than serde (a
            // `format` of a newer layout), never accept what serde refuses.
            let serde = serde_json::from_str::<Document>(&damaged)
                .map_err(|error| format!("serde refuses it ({error})"));
            prop_assert_eq!(Ok(read), serde, "{:?}", damaged);
        }
        Ok(())
    });
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "{\"quote\":[".repeat(100_000), "]}".repeat(100_000));
    let text = format!(r#"{{"blocks":[{deep}]}}"#);
    assert!(json::from_str::<Document>(&text).is_err());
    let allowed = json::MAX_DEPTH / 2 - 2;
    let nested = format!(
        r#"{{"blocks":[{}"hr"{}]}}"#,
        "{\"quote\":[".repeat(allowed),
        "]}".repeat(allowed)
    );
    assert!(json::from_str::<Document>(&nested).is_ok());
}

#[test]
fn data_of_a_newer_layout_is_refused_as_newer() {
    let newer = format!(r#"{{"format":{},"slug":42}}"#, FORMAT + 1);
    assert_eq!(
        json::from_data::<Article>(&newer),
        Err(Refusal::Newer(FORMAT + 1))
    );
}
