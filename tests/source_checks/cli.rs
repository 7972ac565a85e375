//! The `articles` binary: `check` and `build` on real directories.

use std::path::Path;
use std::process::Command;

use article_widget::model::{Article, Audience, Catalog, ReviewStatus};
use article_widget::source::load_dir;

use crate::support::{article_named, today, variant, TempDir};

/// Runs the `articles` binary with `args` (paths or plain words).
fn articles<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> std::process::Output {
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
    let dir = TempDir::articles("cli-check");
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
fn stylesheet_writes_the_hashed_stylesheet_and_fails_at_a_broken_accent() {
    let dir = TempDir::articles("cli-stylesheet");
    let site = dir.0.join("site");
    std::fs::create_dir_all(&site).unwrap();
    let output = articles(&[Path::new("stylesheet"), &dir.0, &site]);
    assert_eq!(output.status.code(), Some(0));
    let written: Vec<String> = std::fs::read_dir(&site)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 1);
    assert!(
        written[0].starts_with("widget-") && written[0].ends_with(".css"),
        "{written:?}"
    );

    let publisher = dir.0.join("publisher.toml");
    let text = std::fs::read_to_string(&publisher).unwrap();
    let line = text
        .lines()
        .position(|line| line.starts_with("accent ="))
        .unwrap()
        + 1;
    std::fs::write(
        &publisher,
        text.replace("accent = \"#", "accent = \"not-a-colour#"),
    )
    .unwrap();
    std::fs::remove_file(site.join(&written[0])).unwrap();
    let output = articles(&[Path::new("stylesheet"), &dir.0, &site]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let at = format!("{}:{line}: ", publisher.display());
    assert!(
        stderr.lines().any(|error| error.starts_with(&at)),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(&site).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn check_prints_warnings_and_still_succeeds() {
    let dir = TempDir::articles("cli-warning");
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
    let dir = TempDir::articles("cli-build");
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
    // Beside the data, the manifest the next build reads to write only what changed.
    assert_eq!(
        written,
        [
            ".articles-build.jsonl",
            "alpha.json",
            "beta.json",
            "index.json"
        ]
    );

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

    let expected = load_dir(&dir.0, today()).unwrap();
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
    let dir = TempDir::articles("cli-build-error");
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

#[test]
fn check_strict_fails_on_a_warning() {
    let dir = TempDir::articles("cli-strict");
    dir.write("demo.md", &variant("Shared outro.", "# Outro"));
    let output = articles(&[Path::new("check"), Path::new("--strict"), &dir.0]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--strict: warnings count as errors"),
        "{stderr}"
    );
}

#[test]
fn the_readmes_readability_table_is_the_articles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = articles(&[Path::new("readability"), &root.join("articles")]);
    assert_eq!(output.status.code(), Some(0));
    let table = String::from_utf8(output.stdout).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let start = readme.find("<!-- readability:start -->\n").unwrap() + 27;
    let end = readme.find("<!-- readability:end -->").unwrap();
    assert_eq!(
        &readme[start..end],
        table,
        "update README.md with `cargo run --bin articles -- readability`"
    );
    // Every English article has its row, with a grade for each of its variants: the
    // grade is Flesch–Kincaid's, which measures English only.
    let english = load_dir(&root.join("articles"), article_widget::source::today())
        .unwrap()
        .articles
        .iter()
        .filter(|article| article.language() == article_widget::model::Language::English)
        .count();
    assert_eq!(table.lines().count(), 2 + english);
}

#[test]
fn review_moves_the_status_in_place_keeping_formatting_and_comments() {
    let dir = TempDir::articles("cli-review");
    // The author's own comments and spacing, which an edit must keep.
    let original = article_named("demo", "2026-11-01").replace(
        "[review]\nstatus = \"submitted\"",
        "# Reviewed by the board in December.\n[review]\nstatus   = \"submitted\" # not yet",
    );
    let path = dir.write("demo.md", &original);
    let dir_arg = dir.0.to_str().unwrap();

    let output = articles(&[
        "review",
        "demo",
        "--status",
        "under-review",
        "--reviewer",
        "Jane Roe",
        "--credentials",
        "MD, FAAN",
        "--dir",
        dir_arg,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let under_review = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        under_review,
        original.replace(
            "status   = \"submitted\" # not yet",
            "status   = \"under_review\" # not yet\nreviewers = [{ name = \"Jane Roe\", credentials = \"MD, FAAN\" }]",
        )
    );

    let output = articles(&[
        "review",
        "demo",
        "--status",
        "approved",
        "--date",
        "2026-11-02",
        "--dir",
        dir_arg,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let approved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        approved,
        under_review
            .replace("\"under_review\"", "\"approved\"")
            .replace("\"MD, FAAN\" }]", "\"MD, FAAN\" }]\nreviewed = 2026-11-02")
    );
    let article = load_dir(&dir.0, today()).unwrap().articles.remove(0);
    assert_eq!(article.review.status, ReviewStatus::Approved);
}

#[test]
fn review_writes_nothing_for_a_move_the_rules_forbid() {
    let dir = TempDir::articles("cli-review-refused");
    let original = article_named("demo", "2026-11-01");
    let path = dir.write("demo.md", &original);
    let dir_arg = dir.0.to_str().unwrap();
    // 1: the article or the move is wrong; 2: the command line is (a usage error).
    for (args, code, says) in [
        (
            vec![
                "review",
                "demo",
                "--status",
                "approved",
                "--date",
                "2026-11-02",
                "--dir",
                dir_arg,
            ],
            1,
            "an approved article names the humans who reviewed it",
        ),
        (
            vec![
                "review",
                "demo",
                "--status",
                "approved",
                "--reviewer",
                "A B",
                "--credentials",
                "MD",
                "--date",
                "2026-10-01",
                "--dir",
                dir_arg,
            ],
            1,
            "changed after its review on 2026-10-01",
        ),
        (
            vec!["review", "demo", "--status", "done", "--dir", dir_arg],
            2,
            "--status: unknown review status `done`",
        ),
        (
            vec![
                "review",
                "demo",
                "--status",
                "approved",
                "--date",
                "2026-02-30",
                "--dir",
                dir_arg,
            ],
            2,
            "--date:",
        ),
        (
            vec!["review", "gone", "--status", "submitted", "--dir", dir_arg],
            1,
            "no article `gone`",
        ),
        (
            vec![
                "review",
                "demo",
                "--status",
                "approved",
                "--reviewer",
                "A B",
                "--dir",
                dir_arg,
            ],
            2,
            "go together",
        ),
    ] {
        let output = articles(&args);
        assert_eq!(output.status.code(), Some(code), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            original,
            "{args:?} wrote"
        );
    }
}

#[test]
fn new_scaffolds_an_article_that_checks_clean_and_never_overwrites() {
    let dir = TempDir::articles("cli-new");
    let dir_arg = dir.0.to_str().unwrap();
    let output = articles(&[
        "new",
        "knee-pain",
        "--question",
        "What helps \"runner's\" knee pain?",
        "--dir",
        dir_arg,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = load_dir(&dir.0, article_widget::source::today()).unwrap();
    assert_eq!(report.diagnostics, []);
    let article = &report.articles[0];
    assert_eq!(article.question, "What helps \"runner's\" knee pain?");
    assert_eq!(article.review.status, ReviewStatus::Submitted);
    assert_eq!(article.audiences(), Audience::ALL);

    let again = articles(&["new", "knee-pain", "--question", "Again?", "--dir", dir_arg]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let bad = articles(&["new", "Knee Pain", "--question", "?", "--dir", dir_arg]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not an article slug"));
}

/// Every command, as `articles --help` lists them.
const COMMANDS: [&str; 10] = [
    "check",
    "readability",
    "new",
    "review",
    "build",
    "stylesheet",
    "site",
    "search-records",
    "md",
    "markdown",
];

/// The one line a usage error prints, after checking it exits 2 and prints nothing else.
fn usage_error(args: &[&str]) -> String {
    let output = articles(args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line:\n{stderr}");
    assert!(stderr.starts_with("articles: "), "{args:?}: {stderr}");
    assert!(output.stdout.is_empty(), "{args:?}");
    stderr
}

#[test]
fn help_lists_every_command() {
    for help in ["--help", "-h", "help"] {
        let output = articles(&[help]);
        assert_eq!(output.status.code(), Some(0), "{help}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains("usage: articles COMMAND"), "{stdout}");
        // Each command's line: two spaces, its name, its arguments.
        let listed: Vec<&str> = stdout
            .lines()
            .filter_map(|line| line.strip_prefix("  "))
            .filter(|line| !line.starts_with(' '))
            .filter_map(|line| line.split(' ').next())
            .collect();
        assert_eq!(listed, COMMANDS, "{stdout}");
    }
}

#[test]
fn every_command_answers_help_with_its_usage() {
    for command in COMMANDS {
        for help in [
            vec![command, "--help"],
            vec![command, "-h"],
            vec!["help", command],
            // Help, whatever else the command line holds.
            vec![command, "--no-such-option", "--help"],
        ] {
            let output = articles(&help);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(0), "{help:?}: {stderr}");
            assert!(stderr.is_empty(), "{help:?}: {stderr}");
            let stdout = String::from_utf8(output.stdout).unwrap();
            assert!(
                stdout.starts_with(&format!("usage: articles {command}")),
                "{help:?}: {stdout}"
            );
        }
    }
    // The options of `review`, which once answered `--help` with "--status is required".
    let review = String::from_utf8(articles(&["review", "--help"]).stdout).unwrap();
    for option in [
        "SLUG",
        "--status",
        "--reviewer",
        "--credentials",
        "--date",
        "--dir",
    ] {
        assert!(review.contains(option), "{option}: {review}");
    }
}

#[test]
fn version_prints_the_crates_version() {
    let output = articles(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("articles {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unknown_command_is_one_line_and_exit_2() {
    let stderr = usage_error(&["frobnicate", "articles"]);
    assert!(stderr.contains("unknown command `frobnicate`"), "{stderr}");
    assert!(usage_error(&[]).contains("no command given"));
    assert!(usage_error(&["--frobnicate"]).contains("unknown option `--frobnicate`"));
    assert!(usage_error(&["help", "frobnicate"]).contains("unknown command `frobnicate`"));
}

#[test]
fn a_missing_or_bad_argument_is_one_line_and_exit_2() {
    for (args, says) in [
        (vec!["review", "demo"], "review: --status is required"),
        (vec!["review"], "review: SLUG is required"),
        (vec!["new", "demo"], "new: --question is required"),
        (
            vec!["new", "demo", "--question"],
            "new: --question needs a value",
        ),
        (vec!["build"], "build: OUT is required"),
        (vec!["site"], "site: SITE is required"),
        (vec!["search-records"], "search-records: OUT is required"),
        (vec!["markdown"], "markdown: OUT is required"),
        (
            vec!["build", "a", "b", "c"],
            "build: unexpected argument `c`",
        ),
        (vec!["md", "extra"], "md: unexpected argument `extra`"),
        (vec!["check", "--stric"], "check: unknown option `--stric`"),
        (
            vec!["site", "--site-url", "ftp://example.org/", "out"],
            "site: --site-url `ftp://example.org/`",
        ),
        (
            vec![
                "review",
                "demo",
                "--status",
                "submitted",
                "--dir",
                "a",
                "--dir",
                "b",
            ],
            "review: --dir is given twice",
        ),
    ] {
        let stderr = usage_error(&args);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        // The command's own help is named, for the rest of its usage.
        let command = args[0];
        assert!(
            stderr.contains(&format!("articles {command} --help")),
            "{args:?}: {stderr}"
        );
    }
}
