//! The article source format: front matter, audience fences, and every rule
//! `articles check` enforces, each shown on a small variant of one valid article (see
//! `support`); then `load_dir` and the `articles` binary on real directories. The
//! modules follow `src/source/`.

#![cfg(not(target_arch = "wasm32"))]

mod body;
mod build;
mod catalog;
mod changes;
mod cli;
mod fences;
mod front_matter;
mod pages;
mod publisher;
mod references;
mod review;
mod scan;
mod search;
mod site;
mod support;
mod translations;

use std::path::PathBuf;

use article_widget::model::{Audience, ReviewStatus};
use article_widget::source::{Diagnostic, Severity};

use support::{listing, parse, VALID};

#[test]
fn valid_article_parses_into_its_front_matter_and_variants() {
    let parsed = parse(VALID);
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    assert_eq!(parsed.slug_line, 2);
    let article = parsed.article.expect("the valid article parses");
    assert_eq!(article.slug, "demo");
    assert_eq!(article.question, "Does the demo work?");
    assert_eq!(article.updated.to_string(), "2026-11-20");
    assert_eq!(article.next_review_due.to_string(), "2027-05-20");
    assert_eq!(article.default_audience, Audience::Professional);
    assert_eq!(article.review.status, ReviewStatus::Submitted);
    assert!(article.review.reviewers.is_empty());
    assert_eq!(article.review.reviewed, None);

    assert_eq!(article.references.len(), 1);
    let reference = &article.references[0];
    assert_eq!(reference.id, 1);
    assert_eq!(reference.authors, ["Roe J", "Doe A"]);
    assert_eq!(reference.title, "A controlled trial of demos");
    assert_eq!(reference.source, "J Demo");
    assert_eq!(reference.year, 2020);
    assert_eq!(reference.doi.as_deref(), Some("10.1000/demo.1"));
    assert_eq!(reference.pmid.as_deref(), Some("123456"));
    assert_eq!(reference.url, None);
    assert_eq!(reference.volume, None);

    // One variant per fenced audience: shared parts and the audience's own, in file
    // order; nothing of the other audience.
    assert_eq!(
        article.audiences(),
        [Audience::Patient, Audience::Professional]
    );
    let patient = article.variants.get(&Audience::Patient).unwrap();
    let professional = article.variants.get(&Audience::Professional).unwrap();
    for (document, own, other) in [
        (patient, "Patient part.", "Professional part."),
        (professional, "Professional part.", "Patient part."),
    ] {
        // The body is stored parsed: its text, and the citation of the shared intro.
        let text = document.text();
        assert!(text.starts_with("Shared intro.\n\n"), "{text:?}");
        assert!(text.ends_with("\n\nShared outro."), "{text:?}");
        let intro = text.find("Shared intro").unwrap();
        let middle = text.find(own).expect("the audience's own part");
        let outro = text.find("Shared outro").unwrap();
        assert!(intro < middle && middle < outro, "{text:?}");
        assert!(!text.contains(other), "{text:?}");
        assert!(!text.contains(":::"), "{text:?}");
        assert_eq!(document.cited, ["1"]);
    }
}

#[test]
fn diagnostics_print_as_path_line_message() {
    let error = Diagnostic {
        path: PathBuf::from("articles/x.md"),
        line: 7,
        severity: Severity::Error,
        message: "something is wrong".into(),
    };
    assert_eq!(error.to_string(), "articles/x.md:7: something is wrong");
    let warning = Diagnostic {
        severity: Severity::Warning,
        ..error
    };
    assert_eq!(
        warning.to_string(),
        "articles/x.md:7: warning: something is wrong"
    );
}
