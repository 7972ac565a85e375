//! The `[review]` table: its status, its reviewers and its date.

use article_widget::model::ReviewStatus;

use crate::support::{listing, only_error, parse, variant, APPROVED};

#[test]
fn optional_reference_fields_and_approved_review_are_read() {
    let text = variant("status = \"submitted\"", APPROVED).replace(
        "pmid = \"123456\"\n",
        "pmid = \"123456\"\nvolume = \"7\"\nissue = \"2\"\npages = \"1-9\"\nurl = \"https://example.org/trial\"\n",
    );
    let parsed = parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    let article = parsed.article.unwrap();
    assert_eq!(article.review.status, ReviewStatus::Approved);
    assert_eq!(article.review.reviewers.len(), 1);
    assert_eq!(article.review.reviewers[0].name, "Jane Roe");
    assert_eq!(article.review.reviewers[0].credentials, "MD");
    assert_eq!(
        article
            .review
            .reviewed
            .map(|date| date.to_string())
            .as_deref(),
        Some("2026-11-25")
    );
    let reference = &article.references[0];
    assert_eq!(reference.volume.as_deref(), Some("7"));
    assert_eq!(reference.issue.as_deref(), Some("2"));
    assert_eq!(reference.pages.as_deref(), Some("1-9"));
    assert_eq!(reference.url.as_deref(), Some("https://example.org/trial"));
}

#[test]
fn an_unknown_review_status_is_an_error() {
    let parsed = parse(&variant("status = \"submitted\"", "status = \"published\""));
    only_error(
        &parsed,
        9,
        "review.status: unknown review status `published`",
    );
}

#[test]
fn a_review_date_after_today_is_an_error() {
    let text = variant("status = \"submitted\"", APPROVED)
        .replace("reviewed = 2026-11-25", "reviewed = 2026-12-01");
    let parsed = parse(&text);
    only_error(
        &parsed,
        11,
        "review date 2026-12-01 is after today (2026-11-27)",
    );
}

#[test]
fn a_submitted_article_names_no_reviewers() {
    let parsed = parse(&variant(
        "status = \"submitted\"",
        "status = \"submitted\"\nreviewers = [{ name = \"Jane Roe\", credentials = \"MD\" }]",
    ));
    only_error(&parsed, 9, "a submitted article has not been reviewed");
}

#[test]
fn an_approved_article_names_its_reviewers() {
    let text = variant("status = \"submitted\"", APPROVED).replace(
        "reviewers = [{ name = \"Jane Roe\", credentials = \"MD\" }]\n",
        "",
    );
    let parsed = parse(&text);
    only_error(
        &parsed,
        9,
        "an approved article names the humans who reviewed it",
    );
}

#[test]
fn an_approved_article_gives_its_review_date() {
    let text = variant("status = \"submitted\"", APPROVED).replace("\nreviewed = 2026-11-25", "");
    let parsed = parse(&text);
    only_error(
        &parsed,
        9,
        "an approved article gives its review date (`reviewed`)",
    );
}

#[test]
fn an_article_under_review_names_its_reviewers() {
    let parsed = parse(&variant(
        "status = \"submitted\"",
        "status = \"under_review\"",
    ));
    only_error(&parsed, 9, "an article under review names its reviewers");
    let parsed = parse(&variant(
        "status = \"submitted\"",
        "status = \"under_review\"\nreviewers = [{ name = \"Jane Roe\", credentials = \"MD\" }]",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    assert_eq!(
        parsed.article.unwrap().review.status,
        ReviewStatus::UnderReview
    );
}

#[test]
fn a_reviewer_needs_a_name_and_credentials() {
    let text = variant("status = \"submitted\"", APPROVED).replace("\"MD\"", "\"\"");
    let parsed = parse(&text);
    only_error(&parsed, 8, "each reviewer needs a name and credentials");
}
