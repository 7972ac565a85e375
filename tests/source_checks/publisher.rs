//! `publisher.toml`: the publisher's identity and words, checked like an article.

use std::path::Path;

use article_widget::source::publisher::read;
use article_widget::source::{check_dir, Diagnostic};

use crate::support::{article_named, today, TempDir, PUBLISHER};

fn problems(text: &str) -> Vec<String> {
    let (_, diagnostics) = read(Path::new("articles/publisher.toml"), text);
    diagnostics.iter().map(Diagnostic::to_string).collect()
}

#[test]
fn a_valid_publisher_is_read_whole() {
    let (publisher, diagnostics) = read(Path::new("articles/publisher.toml"), PUBLISHER);
    assert_eq!(diagnostics, []);
    let publisher = publisher.unwrap();
    assert_eq!(publisher.name, "Demo Health");
    assert_eq!(publisher.review_body.name, "Demo Board");
    assert_eq!(publisher.follow_up.unwrap().button, "Ask");
    assert_eq!(publisher.disclaimers.caregiver.heading, "For caregivers");
}

#[test]
fn the_follow_up_may_be_left_out() {
    let start = PUBLISHER.find("[follow_up]").unwrap();
    let end = PUBLISHER.find("[disclaimers.patient]").unwrap();
    let without = format!("{}{}", &PUBLISHER[..start], &PUBLISHER[end..]);
    let (publisher, diagnostics) = read(Path::new("publisher.toml"), &without);
    assert_eq!(diagnostics, []);
    assert_eq!(publisher.unwrap().follow_up, None);
}

#[test]
fn an_accent_without_enough_contrast_is_an_error_at_its_line() {
    let text = PUBLISHER.replace("accent = \"#0a58a8\"", "accent = \"#7fb2e5\"");
    let problems = problems(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "articles/publisher.toml:4: accent: `#7fb2e5` on #f4f6f8 has a contrast of"
        ),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("need at least 4.5:1 (WCAG AA)"));
    assert_eq!(
        self::problems(&PUBLISHER.replace("accent_dark = \"#8cc4ff\"", "accent_dark = \"light blue\"")),
        ["articles/publisher.toml:5: accent_dark: `light blue` is not a colour written as #rrggbb"]
    );
}

#[test]
fn empty_words_and_unsafe_links_are_errors_at_their_lines() {
    let text = PUBLISHER
        .replace("name = \"Demo Health\"", "name = \" \"")
        .replace(
            "url = \"https://demo.example/ask\"",
            "url = \"javascript:alert(1)\"",
        );
    assert_eq!(
        problems(&text),
        [
            "articles/publisher.toml:1: name must not be empty",
            "articles/publisher.toml:15: follow_up.url: `javascript:alert(1)` is not an allowed link (http, https, mailto or a relative path)",
        ]
    );
}

#[test]
fn unknown_or_missing_fields_are_errors() {
    let problems = problems(&PUBLISHER.replace("language = \"en\"", "lang = \"en\""));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("articles/publisher.toml:3: unknown field `lang`"),
        "{problems:?}"
    );
}

#[test]
fn an_articles_folder_without_a_publisher_is_an_error_and_articles_get_theirs() {
    let bare = TempDir::new("no-publisher");
    bare.write("demo.md", &article_named("demo", "2026-11-01"));
    let report = check_dir(&bare.0, today()).unwrap();
    let problems: Vec<String> = report
        .diagnostics
        .iter()
        .map(Diagnostic::to_string)
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("publisher.toml:1: missing"),
        "{problems:?}"
    );

    let dir = TempDir::articles("with-publisher");
    dir.write("demo.md", &article_named("demo", "2026-11-01"));
    let report = check_dir(&dir.0, today()).unwrap();
    assert_eq!(report.diagnostics, []);
    assert_eq!(report.articles[0].publisher.name, "Demo Health");
}
