//! The front matter: the `+++` lines, the TOML, and the checks of the slug, the dates and
//! the related articles.

use std::path::Path;

use article_widget::source::parse_article;

use crate::support::{
    listing, only_error, only_warning, parse, related_article, today, variant, VALID,
};

#[test]
fn a_byte_order_mark_before_the_front_matter_is_ignored() {
    let parsed = parse(&format!("\u{feff}{VALID}"));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    assert!(parsed.article.is_some());
}

#[test]
fn missing_front_matter_is_an_error_on_line_1() {
    let parsed = parse("Just a body.\n");
    only_error(&parsed, 1, "expected front matter");
    assert_eq!(
        parsed.diagnostics[0].to_string(),
        "articles/demo.md:1: expected front matter: the file must start with a `+++` line"
    );
}

#[test]
fn unclosed_front_matter_is_an_error_on_line_1() {
    let text = VALID.replacen("+++\nShared intro", "Shared intro", 1);
    assert_ne!(text, VALID);
    let parsed = parse(&text);
    only_error(&parsed, 1, "front matter is not closed");
}

#[test]
fn a_missing_field_is_an_error() {
    let parsed = parse(&variant("question = \"Does the demo work?\"\n", ""));
    only_error(&parsed, 2, "front matter: missing field `question`");
    let parsed = parse(&variant("status = \"submitted\"\n", ""));
    only_error(&parsed, 8, "front matter: missing field `status`");
    let parsed = parse(&variant("source = \"J Demo\"\n", ""));
    only_error(&parsed, 11, "front matter: missing field `source`");
}

#[test]
fn an_unknown_top_level_field_is_an_error_at_its_line() {
    let parsed = parse(&variant("question =", "colour = \"red\"\nquestion ="));
    only_error(&parsed, 3, "unknown field `colour`");
}

#[test]
fn an_unknown_review_field_is_an_error_at_its_line() {
    let parsed = parse(&variant(
        "status = \"submitted\"\n",
        "status = \"submitted\"\nreviewer = \"Jane Roe\"\n",
    ));
    only_error(&parsed, 10, "unknown field `reviewer`");
}

#[test]
fn an_unknown_reference_field_is_an_error_at_its_line() {
    let parsed = parse(&variant("source = \"J Demo\"\n", "journal = \"J Demo\"\n"));
    only_error(&parsed, 15, "unknown field `journal`");
}

#[test]
fn a_day_that_does_not_exist_is_a_bad_date() {
    let parsed = parse(&variant("updated = 2026-11-20", "updated = 2025-02-30"));
    // The TOML parser itself refuses it, at its line.
    only_error(&parsed, 4, "front matter: invalid date");
}

#[test]
fn a_date_in_quotes_is_a_bad_date() {
    let parsed = parse(&variant("updated = 2026-11-20", "updated = \"2026-11-20\""));
    only_error(
        &parsed,
        4,
        "front matter: invalid type: string \"2026-11-20\", expected a TOML datetime",
    );
}

#[test]
fn a_date_with_a_time_is_not_a_calendar_date() {
    let parsed = parse(&variant(
        "next_review_due = 2027-05-20",
        "next_review_due = 2027-05-20T10:00:00",
    ));
    only_error(
        &parsed,
        5,
        "next_review_due must be a calendar date like 2025-08-17, not `2027-05-20T10:00:00`",
    );
    let parsed = parse(&variant(
        "updated = 2026-11-20",
        "updated = 2026-11-20T10:00:00Z",
    ));
    only_error(&parsed, 4, "updated must be a calendar date");
}

#[test]
fn an_unknown_default_audience_is_an_error() {
    let parsed = parse(&variant(
        "default_audience = \"professional\"",
        "default_audience = \"doctor\"",
    ));
    only_error(
        &parsed,
        6,
        "default_audience: unknown audience `doctor` (expected patient, caregiver or professional)",
    );
}

#[test]
fn the_slug_must_equal_the_file_name() {
    let parsed = parse_article(Path::new("articles/other.md"), VALID, today());
    let diagnostics: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diagnostics,
        ["articles/other.md:2: slug `demo` must equal the file name `other`"]
    );
    assert!(parsed.article.is_none());
}

#[test]
fn the_slug_is_lowercase_letters_digits_and_dashes() {
    for bad in ["Demo_1", "demo 1", "démo", "demo.v2"] {
        let text = variant("slug = \"demo\"", &format!("slug = \"{bad}\""));
        let path = format!("articles/{bad}.md");
        let parsed = parse_article(Path::new(&path), &text, today());
        let diagnostics: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            diagnostics,
            [format!(
                "{path}:2: slug `{bad}` must be lowercase letters, digits and `-`"
            )]
        );
        assert!(parsed.article.is_none());
    }
}

#[test]
fn updated_after_today_is_an_error() {
    let parsed = parse(&variant("updated = 2026-11-20", "updated = 2026-11-28"));
    only_error(&parsed, 4, "updated 2026-11-28 is after today (2026-11-27)");
    // Today itself is fine.
    let parsed = parse(&variant("updated = 2026-11-20", "updated = 2026-11-27"));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

#[test]
fn the_next_review_is_not_before_the_last_update() {
    let parsed = parse(&variant(
        "next_review_due = 2027-05-20",
        "next_review_due = 2026-11-19",
    ));
    only_error(
        &parsed,
        5,
        "next review due 2026-11-19 is before the last update 2026-11-20",
    );
}

#[test]
fn an_article_related_to_itself_or_twice_to_another_is_an_error() {
    let parsed = parse(&related_article("demo", r#""demo""#));
    only_error(&parsed, 7, "related: `demo` is this article itself");
    let parsed = parse(&related_article("demo", "\"other\",\n  \"other\""));
    only_error(&parsed, 8, "related: `other` is listed twice");
}

#[test]
fn an_overdue_review_is_a_warning() {
    let text = VALID
        .replace("updated = 2026-11-20", "updated = 2026-11-01")
        .replace(
            "next_review_due = 2027-05-20",
            "next_review_due = 2026-11-26",
        );
    let article = only_warning(
        &parse(&text),
        5,
        "review overdue: it was due on 2026-11-26 (today is 2026-11-27); readers are told so",
    );
    assert_eq!(article.next_review_due.to_string(), "2026-11-26");
}

#[test]
fn the_condition_is_optional_one_line_and_left_out_of_the_data_when_absent() {
    let without = parse(VALID).article.expect("the valid article parses");
    assert_eq!(without.condition, None);
    let json = serde_json::to_value(&without).unwrap();
    assert!(json.get("condition").is_none(), "{json}");

    let with = variant(
        "question = \"Does the demo work?\"\n",
        "question = \"Does the demo work?\"\ncondition = \" Demo deficiency \"\n",
    );
    let parsed = parse(&with);
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    let article = parsed.article.expect("an article with a condition parses");
    assert_eq!(article.condition.as_deref(), Some("Demo deficiency"));
    let json = serde_json::to_value(&article).unwrap();
    assert_eq!(json["condition"], "Demo deficiency");

    let empty = variant("question =", "condition = \"  \"\nquestion =");
    only_error(&parse(&empty), 3, "condition must not be empty");
    let two_lines = variant(
        "question =",
        "condition = \"Demo\\ndeficiency\"\nquestion =",
    );
    only_error(&parse(&two_lines), 3, "condition must be one line");
}
