//! `load_dir` on real directories: which files it reads, duplicate slugs and related
//! articles.

use article_widget::source::{load_dir, Severity};

use crate::support::{article_named, related_article, today, TempDir, VALID};

#[test]
fn load_dir_skips_the_readme_and_other_files_and_sorts_newest_first() {
    let dir = TempDir::articles("check-dir");
    dir.write("README.md", "# Not an article\n\nNo front matter here.\n");
    dir.write("notes.txt", "not markdown");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    dir.write("beta.md", &article_named("beta", "2026-11-10"));
    dir.write("gamma.md", &article_named("gamma", "2026-11-01"));
    let report = load_dir(&dir.0, today()).expect("the dir is readable");
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert!(!report.has_errors());
    let slugs: Vec<&str> = report.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["beta", "alpha", "gamma"]);
}

#[test]
fn load_dir_reports_errors_with_the_file_path() {
    let dir = TempDir::articles("check-dir-errors");
    dir.write("good.md", &article_named("good", "2026-11-01"));
    let bad = dir.write(
        "bad.md",
        &article_named("bad", "2026-11-01").replace("::: patient", "::: doctor"),
    );
    let report = load_dir(&dir.0, today()).unwrap();
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

    let dir = TempDir::articles("duplicates");
    let first = dir.0.join(OsStr::from_bytes(b"a-\xff.md"));
    let second = dir.0.join(OsStr::from_bytes(b"b-\xff.md"));
    std::fs::write(&first, VALID).unwrap();
    std::fs::write(&second, VALID).unwrap();
    let report = load_dir(&dir.0, today()).unwrap();
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

#[test]
fn related_articles_get_their_questions_from_the_catalog() {
    let dir = TempDir::articles("related");
    dir.write("first.md", &related_article("first", r#""second""#));
    dir.write("second.md", &related_article("second", r#""first""#));
    let report = load_dir(&dir.0, today()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let first = report.articles.iter().find(|a| a.slug == "first").unwrap();
    assert_eq!(first.related.len(), 1);
    assert_eq!(first.related[0].slug, "second");
    assert_eq!(first.related[0].question, "What about second?");
}

#[test]
fn a_related_article_missing_from_the_catalog_is_an_error_at_its_line() {
    let dir = TempDir::articles("related-missing");
    let path = dir.write("first.md", &related_article("first", r#""nowhere""#));
    let report = load_dir(&dir.0, today()).unwrap();
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
