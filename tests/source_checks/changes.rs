//! The `[[changes]]` history: dated summaries, newest first, none after `updated`.

use article_widget::model::ChangeKind;

use crate::support::{listing, only_error, parse, variant, APPROVED};

/// The valid article with `changes` (TOML) after its review status, from line 11.
fn with_changes(changes: &str) -> String {
    variant(
        "status = \"submitted\"",
        &format!("status = \"submitted\"\n\n{changes}"),
    )
}

#[test]
fn changes_are_read_newest_first() {
    let parsed = parse(&with_changes(
        "[[changes]]\ndate = 2026-10-01\nsummary = \"First correction.\"\n\n[[changes]]\ndate = 2026-11-19\nsummary = \"  New guidance.  \"",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    let changes = parsed.article.unwrap().changes;
    let summaries: Vec<(String, &str)> = changes
        .iter()
        .map(|change| (change.date.to_string(), change.summary.as_str()))
        .collect();
    assert_eq!(
        summaries,
        [
            ("2026-11-19".to_owned(), "New guidance."),
            ("2026-10-01".to_owned(), "First correction.")
        ]
    );
}

#[test]
fn a_change_may_be_a_correction_and_is_otherwise_an_update() {
    let parsed = parse(&with_changes(
        "[[changes]]\ndate = 2026-11-19\nsummary = \"Fixes a dose.\"\nkind = \"correction\"\n\n[[changes]]\ndate = 2026-10-01\nsummary = \"New guidance.\"",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    let kinds: Vec<ChangeKind> = parsed
        .article
        .unwrap()
        .changes
        .iter()
        .map(|change| change.kind)
        .collect();
    assert_eq!(kinds, [ChangeKind::Correction, ChangeKind::Update]);
}

#[test]
fn an_unknown_kind_of_change_is_an_error_on_its_line() {
    let parsed = parse(&with_changes(
        "[[changes]]\ndate = 2026-11-19\nsummary = \"Fixes a dose.\"\nkind = \"erratum\"",
    ));
    only_error(
        &parsed,
        14,
        "changes.kind: unknown change kind `erratum` (expected update or correction)",
    );
}

#[test]
fn a_change_after_updated_is_an_error() {
    let parsed = parse(&with_changes(
        "[[changes]]\ndate = 2026-11-21\nsummary = \"Later.\"",
    ));
    only_error(
        &parsed,
        12,
        "changes: 2026-11-21 is after `updated` (2026-11-20): set `updated` to the latest change",
    );
}

#[test]
fn a_change_needs_a_summary() {
    let parsed = parse(&with_changes(
        "[[changes]]\ndate = 2026-11-19\nsummary = \" \"",
    ));
    only_error(&parsed, 13, "changes: each change needs a summary");
}

#[test]
fn an_approved_article_changed_after_its_review_must_go_back_to_review() {
    let text = variant("status = \"submitted\"", APPROVED)
        .replace("updated = 2026-11-20", "updated = 2026-11-26")
        .replace(
            "next_review_due = 2027-05-20",
            "next_review_due = 2027-05-26",
        );
    let parsed = parse(&text);
    only_error(
        &parsed,
        9,
        "changed after its review on 2026-11-25 (updated 2026-11-26): set the status to under_review",
    );
}
