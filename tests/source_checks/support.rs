//! The one valid article every test varies, the assertions they share, and temporary
//! directories for `load_dir` and the binary.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use article_widget::model::{Article, Date};
use article_widget::source::{parse_article, Diagnostic, Parsed, Severity};

/// A valid article. Line numbers, for the tests below:
/// front matter lines 1-19, body from line 20.
pub const VALID: &str = r#"+++
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
pub const APPROVED: &str = r#"status = "approved"
reviewers = [{ name = "Jane Roe", credentials = "MD" }]
reviewed = 2026-11-25"#;

pub const PATH: &str = "articles/demo.md";

/// A valid `publisher.toml`. Line numbers, for the tests of the publisher: `name` on 1,
/// `site_url` on 3, `accent` on 5, `[follow_up]` on 12.
pub const PUBLISHER: &str = r##"name = "Demo Health"
url = "https://demo.example/"
site_url = "https://demo.example/library/"
language = "en"
accent = "#0a58a8"
accent_dark = "#8cc4ff"
editorial_policy_url = "policy.html"
corrections_url = "mailto:fix@demo.example"
[review_body]
name = "Demo Board"
statement = "Clinicians check each article."
[follow_up]
heading = "Questions?"
text = "Ask our editors."
button = "Ask"
url = "https://demo.example/ask"
[disclaimers.patient]
heading = "For patients"
text = "Not advice for you."
[disclaimers.caregiver]
heading = "For caregivers"
text = "Not advice for them."
[disclaimers.professional]
heading = "For professionals"
text = "Use your judgement."
"##;

pub fn today() -> Date {
    "2026-11-27".parse().expect("a valid date")
}

pub fn parse(text: &str) -> Parsed {
    parse_article(Path::new(PATH), text, today())
}

/// `VALID` with `from` replaced by `to`; panics if `from` is not in it, so that a
/// fixture never silently stays valid.
pub fn variant(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from:?} is not in the fixture");
    VALID.replacen(from, to, 1)
}

pub fn listing(parsed: &Parsed) -> String {
    parsed
        .diagnostics
        .iter()
        .map(|diagnostic| format!("  {diagnostic}\n"))
        .collect()
}

/// The diagnostic of `severity` at `line` whose message contains `needle`; also checks
/// how it prints.
pub fn find<'a>(
    parsed: &'a Parsed,
    severity: Severity,
    line: usize,
    needle: &str,
) -> &'a Diagnostic {
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
pub fn has_error(parsed: &Parsed, line: usize, needle: &str) {
    find(parsed, Severity::Error, line, needle);
    assert!(
        parsed.article.is_none(),
        "an article with an error must not be returned"
    );
}

/// Asserts that `parsed` failed with exactly one problem: an error at `line`.
pub fn only_error(parsed: &Parsed, line: usize, needle: &str) {
    has_error(parsed, line, needle);
    assert_eq!(
        parsed.diagnostics.len(),
        1,
        "expected one diagnostic, got:\n{}",
        listing(parsed)
    );
}

/// Asserts exactly one problem, a warning at `line`, and that the article is returned.
pub fn only_warning(parsed: &Parsed, line: usize, needle: &str) -> Article {
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

pub static NEXT_DIR: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty directory of its own under the system's temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!(
            "article-widget-{name}-{}-{}",
            std::process::id(),
            NEXT_DIR.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir is created");
        TempDir(path)
    }

    /// A fresh articles folder, with a valid `publisher.toml` in it.
    pub fn articles(name: &str) -> TempDir {
        let dir = TempDir::new(name);
        dir.write("publisher.toml", PUBLISHER);
        dir
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
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
pub fn article_named(slug: &str, updated: &str) -> String {
    VALID
        .replace("slug = \"demo\"", &format!("slug = \"{slug}\""))
        .replace("Does the demo work?", &format!("What is {slug}?"))
        .replace("updated = 2026-11-20", &format!("updated = {updated}"))
}

/// `VALID` as the article `slug`, related to `related` (a TOML array's items).
pub fn related_article(slug: &str, related: &str) -> String {
    variant(
        "slug = \"demo\"\nquestion = \"Does the demo work?\"",
        &format!("slug = \"{slug}\"\nquestion = \"What about {slug}?\""),
    )
    .replace(
        "default_audience = \"professional\"\n",
        &format!("default_audience = \"professional\"\nrelated = [{related}]\n"),
    )
}

/// A valid article of some five kilobytes, its words varied by `index`: enough text
/// that an article kept in memory costs what a real one does.
pub fn long_article(slug: &str, index: usize) -> String {
    const WORDS: [&str; 8] = [
        "walking", "sleep", "water", "rest", "meals", "light", "noise", "friends",
    ];
    let mut body = String::from("Shared intro[^1].\n\n::: patient\n");
    for paragraph in 0..24 {
        for sentence in 0..4 {
            let word = WORDS[(index + paragraph * 3 + sentence) % WORDS.len()];
            body.push_str(&format!(
                "Some {word} can help on day {}. ",
                index + paragraph + sentence
            ));
        }
        body.push_str("\n\n");
    }
    body.push_str(":::\n\n::: professional\nProfessional part.\n:::\n");
    let (front_matter, _) = article_named(slug, "2026-11-01")
        .split_once("+++\nShared intro")
        .map(|(front, body)| (front.to_owned(), body.to_owned()))
        .expect("VALID has a body");
    format!("{front_matter}+++\n{body}")
}
