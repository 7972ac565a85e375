//! The article source format: front matter, audience fences, and every rule
//! `articles check` enforces, each shown on a small variant of one valid article; then
//! `check_dir` and the `articles` binary on real directories.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use article_widget::document::Block;
use article_widget::markdown;
use article_widget::model::{Article, Audience, Catalog, Date, ReviewStatus};
use article_widget::source::{check_dir, parse_article, Diagnostic, Parsed, Severity};

/// A valid article. Line numbers, for the tests below:
/// front matter lines 1-19, body from line 20.
const VALID: &str = r#"+++
slug = "demo"
question = "Does the demo work?"
updated = 2026-11-20
next_review_due = 2027-05-20
default_audience = "professional"

[review]
status = "submitted"

[[references]]
id = 1
authors = ["Roe J", "Doe A"]
title = "A controlled trial of demos"
source = "J Demo"
year = 2020
doi = "10.1000/demo.1"
pmid = "123456"
+++
Shared intro[^1].

::: patient
Patient part.
:::

::: professional
Professional part.
:::

Shared outro.
"#;

/// The review of an approved article, to replace `status = "submitted"` with.
const APPROVED: &str = r#"status = "approved"
reviewers = [{ name = "Jane Roe", credentials = "MD" }]
reviewed = 2026-11-25"#;

const PATH: &str = "articles/demo.md";

fn today() -> Date {
    "2026-11-27".parse().expect("a valid date")
}

fn parse(text: &str) -> Parsed {
    parse_article(Path::new(PATH), text, today())
}

/// `VALID` with `from` replaced by `to`; panics if `from` is not in it, so that a
/// fixture never silently stays valid.
fn variant(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from:?} is not in the fixture");
    VALID.replacen(from, to, 1)
}

fn listing(parsed: &Parsed) -> String {
    parsed
        .diagnostics
        .iter()
        .map(|diagnostic| format!("  {diagnostic}\n"))
        .collect()
}

/// The diagnostic of `severity` at `line` whose message contains `needle`; also checks
/// how it prints.
fn find<'a>(parsed: &'a Parsed, severity: Severity, line: usize, needle: &str) -> &'a Diagnostic {
    let found = parsed
        .diagnostics
        .iter()
        .find(|d| d.severity == severity && d.line == line && d.message.contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no {severity:?} at line {line} containing {needle:?}; got:\n{}",
                listing(parsed)
            )
        });
    assert_eq!(found.path, Path::new(PATH));
    let printed = found.to_string();
    let expected = match severity {
        Severity::Error => format!("{PATH}:{line}: {}", found.message),
        Severity::Warning => format!("{PATH}:{line}: warning: {}", found.message),
    };
    assert_eq!(printed, expected);
    assert!(printed.contains(needle));
    found
}

/// Asserts that `parsed` failed with an error at `line` containing `needle`, among others.
fn has_error(parsed: &Parsed, line: usize, needle: &str) {
    find(parsed, Severity::Error, line, needle);
    assert!(
        parsed.article.is_none(),
        "an article with an error must not be returned"
    );
}

/// Asserts that `parsed` failed with exactly one problem: an error at `line`.
fn only_error(parsed: &Parsed, line: usize, needle: &str) {
    has_error(parsed, line, needle);
    assert_eq!(
        parsed.diagnostics.len(),
        1,
        "expected one diagnostic, got:\n{}",
        listing(parsed)
    );
}

/// Asserts exactly one problem, a warning at `line`, and that the article is returned.
fn only_warning(parsed: &Parsed, line: usize, needle: &str) -> Article {
    find(parsed, Severity::Warning, line, needle);
    assert_eq!(
        parsed.diagnostics.len(),
        1,
        "expected one diagnostic, got:\n{}",
        listing(parsed)
    );
    parsed
        .article
        .clone()
        .expect("a warning does not stop the article")
}

// ---------------------------------------------------------------------------------
// Valid articles

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
    let patient = &article.variants[&Audience::Patient];
    let professional = &article.variants[&Audience::Professional];
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
fn an_article_without_fences_has_one_variant_for_its_default_audience() {
    let text = variant(
        "::: patient\nPatient part.\n:::\n\n::: professional\nProfessional part.\n:::\n",
        "Everyone reads this.\n",
    )
    .replace(
        "default_audience = \"professional\"",
        "default_audience = \"caregiver\"",
    );
    let parsed = parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    let article = parsed.article.unwrap();
    assert_eq!(article.default_audience, Audience::Caregiver);
    assert_eq!(article.audiences(), [Audience::Caregiver]);
    assert_eq!(
        article.variants[&Audience::Caregiver],
        markdown::parse("Shared intro[^1].\n\nEveryone reads this.\n\nShared outro.")
    );
}

#[test]
fn a_byte_order_mark_before_the_front_matter_is_ignored() {
    let parsed = parse(&format!("\u{feff}{VALID}"));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    assert!(parsed.article.is_some());
}

#[test]
fn fence_lines_inside_code_blocks_are_ordinary_text() {
    for fence in ["```", "~~~"] {
        let text = variant(
            "Shared outro.\n",
            &format!("{fence}text\n::: doctor\n:::\n::: patient\n{fence}\n\nShared outro.\n"),
        );
        let parsed = parse(&text);
        assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
        let article = parsed.article.unwrap();
        assert_eq!(
            article.audiences(),
            [Audience::Patient, Audience::Professional]
        );
        let code = Block::Code {
            language: Some("text".into()),
            text: "::: doctor\n:::\n::: patient\n".into(),
        };
        for document in article.variants.values() {
            assert!(document.blocks.contains(&code), "{document:?}");
        }
    }
}

// ---------------------------------------------------------------------------------
// Diagnostics print as `path:line: message`

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

// ---------------------------------------------------------------------------------
// Front matter

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
fn an_unknown_review_status_is_an_error() {
    let parsed = parse(&variant("status = \"submitted\"", "status = \"published\""));
    only_error(
        &parsed,
        9,
        "review.status: unknown review status `published`",
    );
}

// ---------------------------------------------------------------------------------
// Audience fences

#[test]
fn an_unknown_audience_in_a_fence_is_an_error_at_the_fence() {
    let parsed = parse(&variant("::: patient", "::: doctor"));
    has_error(&parsed, 22, "unknown audience `doctor`");
}

#[test]
fn an_unclosed_fence_is_an_error_at_its_opening_line() {
    let parsed = parse(&variant(
        "Professional part.\n:::\n",
        "Professional part.\n",
    ));
    only_error(
        &parsed,
        26,
        "the `::: professional` fence is never closed: add a `:::` line",
    );
}

#[test]
fn fences_do_not_nest() {
    // Without its closing line, the patient fence is still open at line 25.
    let parsed = parse(&variant("Patient part.\n:::\n", "Patient part.\n"));
    has_error(
        &parsed,
        25,
        "audience fences do not nest: close the `::: patient` fence of line 22 first",
    );
}

#[test]
fn a_stray_closing_fence_is_an_error() {
    let parsed = parse(&variant("Shared outro.\n", "Shared outro.\n:::\n"));
    only_error(&parsed, 31, "`:::` closes no audience fence");
}

#[test]
fn the_default_audience_needs_a_variant() {
    let parsed = parse(&variant(
        "default_audience = \"professional\"",
        "default_audience = \"caregiver\"",
    ));
    only_error(
        &parsed,
        6,
        "default_audience `caregiver` has no variant: add a `::: caregiver` fence",
    );
}

#[test]
fn an_empty_variant_is_an_error() {
    let text = variant("Shared intro[^1].\n", "")
        .replace("Patient part.\n", "")
        .replace("Professional part.\n", "Professional part[^1].\n")
        .replace("Shared outro.\n", "");
    let parsed = parse(&text);
    only_error(&parsed, 20, "the patient variant is empty");
}

#[test]
fn an_article_without_a_body_is_an_error() {
    let end = VALID.find("+++\nShared").unwrap() + 4;
    let text = VALID[..end].to_owned();
    let parsed = parse(&text);
    has_error(&parsed, 20, "the professional variant is empty");
}

// ---------------------------------------------------------------------------------
// Citations and references

#[test]
fn a_citation_without_a_reference_is_an_error() {
    let parsed = parse(&variant("Patient part.", "Patient part[^7]."));
    only_error(
        &parsed,
        23,
        "citation [^7] has no reference: add a [[references]] entry with id = 7",
    );
}

#[test]
fn a_reference_never_cited_is_a_warning_and_the_article_is_kept() {
    let parsed = parse(&variant("Shared intro[^1].", "Shared intro."));
    let article = only_warning(&parsed, 11, "reference 1 is never cited");
    assert_eq!(article.references.len(), 1);
}

#[test]
fn reference_ids_must_run_in_order() {
    let parsed =
        parse(&variant("id = 1\n", "id = 2\n").replace("Shared intro[^1].", "Shared intro[^2]."));
    only_error(
        &parsed,
        11,
        "reference id 2 is out of order: references are numbered 1, 2, 3... and this one should be 1",
    );
}

#[test]
fn a_reference_needs_a_doi_a_pmid_or_a_url() {
    let parsed = parse(&variant(
        "doi = \"10.1000/demo.1\"\npmid = \"123456\"\n",
        "",
    ));
    only_error(&parsed, 11, "reference 1 needs a doi, a pmid or a url");
    // A url alone will do.
    let parsed = parse(&variant(
        "doi = \"10.1000/demo.1\"\npmid = \"123456\"\n",
        "url = \"https://example.org/trial\"\n",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

#[test]
fn a_pmid_is_digits() {
    let parsed = parse(&variant("pmid = \"123456\"", "pmid = \"PMC123456\""));
    only_error(
        &parsed,
        11,
        "reference 1: pmid `PMC123456` is not a PubMed id",
    );
}

#[test]
fn a_doi_looks_like_10_prefix_slash_suffix() {
    let parsed = parse(&variant(
        "doi = \"10.1000/demo.1\"",
        "doi = \"doi:10.1000/demo.1\"",
    ));
    only_error(
        &parsed,
        11,
        "reference 1: doi `doi:10.1000/demo.1` does not look like 10.xxxx/yyyy",
    );
    let parsed = parse(&variant("doi = \"10.1000/demo.1\"", "doi = \"10.1000\""));
    only_error(&parsed, 11, "doi `10.1000` does not look like");
}

#[test]
fn a_reference_url_must_be_http_or_https() {
    let parsed = parse(&variant(
        "pmid = \"123456\"\n",
        "pmid = \"123456\"\nurl = \"ftp://example.org/trial\"\n",
    ));
    only_error(
        &parsed,
        11,
        "reference 1: url `ftp://example.org/trial` must be http or https",
    );
}

#[test]
fn a_reference_needs_authors_a_title_and_a_source() {
    let parsed = parse(&variant("authors = [\"Roe J\", \"Doe A\"]", "authors = []"));
    only_error(&parsed, 11, "reference 1 needs its authors");
    let parsed = parse(&variant(
        "title = \"A controlled trial of demos\"",
        "title = \" \"",
    ));
    only_error(&parsed, 11, "reference 1 needs a title and a source");
}

#[test]
fn a_footnote_definition_in_the_body_is_an_error() {
    let parsed = parse(&variant(
        "Shared outro.\n",
        "Shared outro.\n\n[^1]: Roe J. A controlled trial.\n",
    ));
    has_error(
        &parsed,
        32,
        "footnote definition [^1]: references belong in the front matter",
    );
}

// ---------------------------------------------------------------------------------
// Markdown

#[test]
fn raw_html_is_a_warning() {
    let parsed = parse(&variant("Patient part.", "Patient <b>part</b>."));
    let diagnostics: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diagnostics,
        [
            "articles/demo.md:23: warning: raw HTML is shown to readers as text, not interpreted",
            "articles/demo.md:23: warning: raw HTML is shown to readers as text, not interpreted",
        ]
    );
    assert!(parsed.article.is_some());

    let parsed = parse(&variant(
        "Shared outro.\n",
        "Shared outro.\n\n<div>\nblock\n</div>\n",
    ));
    // One warning for each line of an HTML block.
    let lines: Vec<usize> = parsed.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [32, 33, 34]);
    for line in lines {
        find(
            &parsed,
            Severity::Warning,
            line,
            "raw HTML is shown to readers as text",
        );
    }
    assert!(parsed.article.is_some());
}

#[test]
fn a_javascript_link_is_an_error() {
    let parsed = parse(&variant(
        "Professional part.",
        "Professional [part](javascript:alert(1)).",
    ));
    only_error(
        &parsed,
        27,
        "URL `javascript:alert(1)` is not allowed: use http, https, mailto, tel, a relative path or a #fragment",
    );
    let parsed = parse(&variant(
        "Shared outro.",
        "Shared ![outro](data:image/png;base64,AAAA).",
    ));
    only_error(
        &parsed,
        30,
        "URL `data:image/png;base64,AAAA` is not allowed",
    );
}

#[test]
fn allowed_links_are_not_reported() {
    let parsed = parse(&variant(
        "Shared outro.",
        "[a](https://example.org) [b](mailto:x@example.org) [c](tel:+15551234) [d](#ref-1) [e](?article=demo) ![f](/img.png)",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

#[test]
fn a_level_one_heading_is_a_warning() {
    let parsed = parse(&variant("Shared outro.", "# Outro"));
    only_warning(
        &parsed,
        30,
        "the question is the page's only h1: start the body's headings at ##",
    );
    let parsed = parse(&variant("Shared outro.", "## Outro"));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

// ---------------------------------------------------------------------------------
// Slug, dates and review

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

// ---------------------------------------------------------------------------------
// Directories

static NEXT_DIR: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty directory of its own under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!(
            "article-widget-{name}-{}-{}",
            std::process::id(),
            NEXT_DIR.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir is created");
        TempDir(path)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).expect("fixture is written");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `VALID` with another slug (and question, and update day).
fn article_named(slug: &str, updated: &str) -> String {
    VALID
        .replace("slug = \"demo\"", &format!("slug = \"{slug}\""))
        .replace("Does the demo work?", &format!("What is {slug}?"))
        .replace("updated = 2026-11-20", &format!("updated = {updated}"))
}

#[test]
fn check_dir_skips_the_readme_and_other_files_and_sorts_newest_first() {
    let dir = TempDir::new("check-dir");
    dir.write("README.md", "# Not an article\n\nNo front matter here.\n");
    dir.write("notes.txt", "not markdown");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    dir.write("beta.md", &article_named("beta", "2026-11-10"));
    dir.write("gamma.md", &article_named("gamma", "2026-11-01"));
    let report = check_dir(&dir.0, today()).expect("the dir is readable");
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert!(!report.has_errors());
    let slugs: Vec<&str> = report.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["beta", "alpha", "gamma"]);
}

#[test]
fn check_dir_reports_errors_with_the_file_path() {
    let dir = TempDir::new("check-dir-errors");
    dir.write("good.md", &article_named("good", "2026-11-01"));
    let bad = dir.write(
        "bad.md",
        &article_named("bad", "2026-11-01").replace("::: patient", "::: doctor"),
    );
    let report = check_dir(&dir.0, today()).unwrap();
    assert!(report.has_errors());
    let slugs: Vec<&str> = report.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["good"]);
    let printed: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    let expected = format!(
        "{}:22: unknown audience `doctor` (expected patient, caregiver or professional)",
        bad.display()
    );
    assert!(printed.contains(&expected), "{printed:?}");
}

/// Two files that claim one slug. The slug must equal the file name, so with UTF-8 file
/// names no two files can share a slug; the file-name check cannot read a name that is
/// not UTF-8, so such files are where duplicates can still happen.
#[cfg(unix)]
#[test]
fn duplicate_slugs_across_files_are_an_error() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = TempDir::new("duplicates");
    let first = dir.0.join(OsStr::from_bytes(b"a-\xff.md"));
    let second = dir.0.join(OsStr::from_bytes(b"b-\xff.md"));
    std::fs::write(&first, VALID).unwrap();
    std::fs::write(&second, VALID).unwrap();
    let report = check_dir(&dir.0, today()).unwrap();
    assert!(report.has_errors());
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
    let duplicate = &report.diagnostics[0];
    assert_eq!(duplicate.path, second);
    assert_eq!(duplicate.line, 2);
    assert_eq!(duplicate.severity, Severity::Error);
    assert_eq!(
        duplicate.message,
        format!("duplicate slug `demo`: {} uses it too", first.display())
    );
    assert_eq!(
        duplicate.to_string(),
        format!("{}:2: {}", second.display(), duplicate.message)
    );
}

/// `VALID` as the article `slug`, related to `related` (a TOML array's items).
fn related_article(slug: &str, related: &str) -> String {
    variant(
        "slug = \"demo\"\nquestion = \"Does the demo work?\"",
        &format!("slug = \"{slug}\"\nquestion = \"What about {slug}?\""),
    )
    .replace(
        "default_audience = \"professional\"\n",
        &format!("default_audience = \"professional\"\nrelated = [{related}]\n"),
    )
}

#[test]
fn related_articles_get_their_questions_from_the_catalog() {
    let dir = TempDir::new("related");
    dir.write("first.md", &related_article("first", r#""second""#));
    dir.write("second.md", &related_article("second", r#""first""#));
    let report = check_dir(&dir.0, today()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let first = report.articles.iter().find(|a| a.slug == "first").unwrap();
    assert_eq!(first.related.len(), 1);
    assert_eq!(first.related[0].slug, "second");
    assert_eq!(first.related[0].question, "What about second?");
}

#[test]
fn a_related_article_missing_from_the_catalog_is_an_error_at_its_line() {
    let dir = TempDir::new("related-missing");
    let path = dir.write("first.md", &related_article("first", r#""nowhere""#));
    let report = check_dir(&dir.0, today()).unwrap();
    assert!(report.has_errors());
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
    let missing = &report.diagnostics[0];
    assert_eq!(missing.path, path);
    // `related` is written on line 7, right after `default_audience`.
    assert_eq!(missing.line, 7);
    assert!(
        missing
            .message
            .starts_with("related: no article `nowhere` in "),
        "{}",
        missing.message
    );
}

#[test]
fn an_article_related_to_itself_or_twice_to_another_is_an_error() {
    let parsed = parse(&related_article("demo", r#""demo""#));
    only_error(&parsed, 7, "related: `demo` is this article itself");
    let parsed = parse(&related_article("demo", "\"other\",\n  \"other\""));
    only_error(&parsed, 8, "related: `other` is listed twice");
}

// ---------------------------------------------------------------------------------
// The `articles` binary

fn articles(args: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_articles"))
        .args(args)
        .output()
        .expect("the articles binary runs")
}

#[test]
fn the_real_catalog_checks_clean() {
    let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let output = articles(&[Path::new("check"), &catalog]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr:\n{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("no errors"), "{stdout}");
}

#[test]
fn check_exits_1_and_prints_path_line_message_for_a_broken_article() {
    let dir = TempDir::new("cli-check");
    let path = dir.write("demo.md", &variant("Patient part.", "Patient part[^9]."));
    let output = articles(&[Path::new("check"), &dir.0]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}:23: citation [^9] has no reference: add a [[references]] entry with id = 9",
        path.display()
    );
    assert!(
        stderr.lines().any(|line| line == expected),
        "expected {expected:?} in:\n{stderr}"
    );
}

#[test]
fn check_prints_warnings_and_still_succeeds() {
    let dir = TempDir::new("cli-warning");
    let path = dir.write("demo.md", &variant("Shared outro.", "# Outro"));
    let output = articles(&[Path::new("check"), &dir.0]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}:30: warning: the question is the page's only h1: start the body's headings at ##",
        path.display()
    );
    assert!(stderr.lines().any(|line| line == expected), "{stderr}");
}

#[test]
fn build_writes_json_that_reads_back_into_the_model() {
    let dir = TempDir::new("cli-build");
    dir.write("README.md", "not an article");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    dir.write("beta.md", &article_named("beta", "2026-11-10"));
    let out = dir.0.join("out");
    let output = articles(&[Path::new("build"), &dir.0, &out]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["alpha.json", "beta.json", "index.json"]);

    let index = std::fs::read_to_string(out.join("index.json")).unwrap();
    let catalog: Catalog = serde_json::from_str(&index).expect("index.json is a Catalog");
    let slugs: Vec<&str> = catalog.articles.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["beta", "alpha"]);
    assert_eq!(catalog.articles[0].question, "What is beta?");
    assert_eq!(catalog.articles[0].updated.to_string(), "2026-11-10");
    assert_eq!(catalog.articles[0].review_status, ReviewStatus::Submitted);
    assert_eq!(
        catalog.articles[0].audiences,
        [Audience::Patient, Audience::Professional]
    );

    let expected = check_dir(&dir.0, today()).unwrap();
    for article in &expected.articles {
        let json = std::fs::read_to_string(out.join(format!("{}.json", article.slug))).unwrap();
        let read: Article = serde_json::from_str(&json).expect("<slug>.json is an Article");
        assert_eq!(&read, article);
        assert_eq!(
            catalog.articles.iter().find(|e| e.slug == read.slug),
            Some(&read.catalog_entry())
        );
    }
}

#[test]
fn build_writes_the_real_catalog() {
    let dir = TempDir::new("cli-build-real");
    let catalog_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let out = dir.0.join("out");
    let output = articles(&[Path::new("build"), &catalog_dir, &out]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let catalog: Catalog =
        serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    assert!(!catalog.articles.is_empty());
    for entry in &catalog.articles {
        let json = std::fs::read_to_string(out.join(format!("{}.json", entry.slug))).unwrap();
        let article: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(article.catalog_entry(), *entry);
    }
}

#[test]
fn build_writes_nothing_when_an_article_has_an_error() {
    let dir = TempDir::new("cli-build-error");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    let bad = dir.write(
        "beta.md",
        &article_named("beta", "2026-11-01").replace("status = \"submitted\"", "status = \"done\""),
    );
    let out = dir.0.join("out");
    let output = articles(&[Path::new("build"), &dir.0, &out]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}:9: review.status: unknown review status `done` (expected submitted, under_review or approved)",
        bad.display()
    );
    assert!(stderr.lines().any(|line| line == expected), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists(), "build must not write anything on error");
}
