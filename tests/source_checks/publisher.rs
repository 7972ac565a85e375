//! `publisher.toml`: the publisher's identity and words, checked like an article.

use std::path::Path;

use article_widget::source::publisher::read;
use article_widget::source::{load_dir, Diagnostic};

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
    assert_eq!(publisher.site_url, "https://demo.example/library/");
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
            "articles/publisher.toml:5: accent: `#7fb2e5` on #f4f6f8 has a contrast of"
        ),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("need at least 4.5:1 (WCAG AA)"));
    assert_eq!(
        self::problems(&PUBLISHER.replace("accent_dark = \"#8cc4ff\"", "accent_dark = \"light blue\"")),
        ["articles/publisher.toml:6: accent_dark: `light blue` is not a colour written as #rrggbb"]
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
            "articles/publisher.toml:16: follow_up.url: `javascript:alert(1)` is not an allowed link (http, https, mailto or a relative path)",
        ]
    );
}

#[test]
fn unknown_or_missing_fields_are_errors() {
    let problems = problems(&PUBLISHER.replace("language = \"en\"", "lang = \"en\""));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("articles/publisher.toml:4: unknown field `lang`"),
        "{problems:?}"
    );
}

#[test]
fn the_site_url_must_be_an_absolute_http_folder_address() {
    let with = |site_url: &str| {
        problems(&PUBLISHER.replace(
            "site_url = \"https://demo.example/library/\"",
            &format!("site_url = \"{site_url}\""),
        ))
    };
    for good in [
        "https://health.example.org/",
        "http://localhost:8080/library/",
    ] {
        assert_eq!(with(good), Vec::<String>::new(), "{good}");
    }
    for (bad, why) in [
        (
            "library/",
            "is not an absolute http or https address with a host",
        ),
        (
            "ftp://example.org/",
            "is not an absolute http or https address with a host",
        ),
        (
            "https:///library/",
            "is not an absolute http or https address with a host",
        ),
        (
            "https://example.org/a b/",
            "is not an absolute http or https address with a host",
        ),
        (
            "https://example.org/library",
            "must end with `/`, as page addresses are written after it",
        ),
        (
            "https://example.org/?lang=en",
            "must not have a query or a fragment",
        ),
        (
            "https://example.org/#top/",
            "must not have a query or a fragment",
        ),
    ] {
        assert_eq!(
            with(bad),
            [format!(
                "articles/publisher.toml:3: site_url: `{bad}` {why}"
            )],
            "{bad}"
        );
    }
    let without = PUBLISHER.replace("site_url = \"https://demo.example/library/\"\n", "");
    let (publisher, diagnostics) = read(Path::new("articles/publisher.toml"), &without);
    assert_eq!(publisher, None);
    let problems: Vec<String> = diagnostics.iter().map(Diagnostic::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "articles/publisher.toml:1: site_url is missing: add the absolute address"
        ),
        "{problems:?}"
    );
}

#[test]
fn an_articles_folder_without_a_publisher_is_an_error_and_articles_get_theirs() {
    let bare = TempDir::new("no-publisher");
    bare.write("demo.md", &article_named("demo", "2026-11-01"));
    let report = load_dir(&bare.0, today()).unwrap();
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
    let report = load_dir(&dir.0, today()).unwrap();
    assert_eq!(report.diagnostics, []);
    assert_eq!(report.articles[0].publisher.name, "Demo Health");
}

#[test]
fn a_spanish_review_body_says_its_name_with_its_article() {
    let spanish = PUBLISHER.replace("language = \"en\"", "language = \"es\"");
    assert_ne!(spanish, PUBLISHER, "the fixture names its language");
    let problems = problems(&spanish);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("review_body: add `in_sentence`, the name with its article"),
        "{problems:?}"
    );
    let with_article = spanish.replace(
        "name = \"Demo Board\"",
        "name = \"Demo Board\"\nin_sentence = \"el Demo Board\"",
    );
    let (publisher, diagnostics) = read(Path::new("articles/publisher.toml"), &with_article);
    assert_eq!(diagnostics, []);
    assert_eq!(
        publisher.unwrap().review_body.in_sentence.as_deref(),
        Some("el Demo Board")
    );
}
