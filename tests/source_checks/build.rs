//! `articles build` into a folder it built before: only what changed is parsed and
//! written, and the result is what a build from nothing makes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use article_widget::model::Article;

use crate::support::{article_named, related_article, TempDir};

pub fn build(dir: &Path, out: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_articles"))
        .arg("build")
        .arg(dir)
        .arg(out)
        .output()
        .expect("the articles binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every file under `dir`, its folders walked (the catalog's pages are in `catalog/`),
/// named from `dir`.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(dir.join(&folder)).unwrap() {
            let entry = entry.unwrap();
            let name = folder.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                folders.push(name);
            } else {
                files.push(name);
            }
        }
    }
    files.sort();
    files
}

/// Dates every file of `out` an hour back, so that a file written again is told apart
/// however coarse the file system's clock.
pub fn age(out: &Path) -> SystemTime {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for name in files(out) {
        let file = std::fs::File::options()
            .write(true)
            .open(out.join(name))
            .unwrap();
        file.set_modified(then).unwrap();
    }
    then
}

/// The names of the files of `out` written since `then`, or new.
pub fn written_since(out: &Path, then: SystemTime) -> Vec<String> {
    files(out)
        .into_iter()
        .filter(|name| {
            let metadata = std::fs::metadata(out.join(name)).unwrap();
            metadata.modified().unwrap() != then
        })
        .map(|name| name.to_string_lossy().into_owned())
        .collect()
}

/// The incremental build's `out` holds exactly what a build from nothing of `dir` writes.
pub fn assert_same_as_a_clean_build(dir: &Path, out: &Path) {
    let clean = dir.join("clean");
    let _ = std::fs::remove_dir_all(&clean);
    build(dir, &clean);
    assert_eq!(contents(out), contents(&clean));
}

/// Every JSON file under `dir` and its bytes.
pub fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files(dir)
        .into_iter()
        .filter(|name| name.extension().is_some_and(|ext| ext == "json"))
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

#[test]
fn a_second_build_with_nothing_changed_writes_nothing() {
    let dir = TempDir::articles("build-again");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    dir.write("beta.md", &article_named("beta", "2026-11-10"));
    let out = dir.0.join("out");
    assert!(build(&dir.0, &out).contains("2 written"));
    let then = age(&out);
    let said = build(&dir.0, &out);
    assert!(
        said.contains("0 source(s) parsed, 0 written, 2 unchanged"),
        "{said}"
    );
    assert_eq!(written_since(&out, then), Vec::<String>::new());
}

#[test]
fn one_changed_article_is_written_again_alone_and_the_data_is_a_clean_builds() {
    let dir = TempDir::articles("build-one");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    let beta = dir.write("beta.md", &article_named("beta", "2026-11-10"));
    dir.write("gamma.md", &article_named("gamma", "2026-11-05"));
    let out = dir.0.join("out");
    build(&dir.0, &out);
    let then = age(&out);
    // Of the same length, so that the size of the data, which index.json says, is too.
    let changed = article_named("beta", "2026-11-10").replace("Shared outro.", "Edited outro.");
    std::fs::write(&beta, changed).unwrap();
    let said = build(&dir.0, &out);
    assert!(
        said.contains("1 source(s) parsed, 1 written, 2 unchanged"),
        "{said}"
    );
    // The catalog's line of beta did not change, so neither did index.json.
    assert_eq!(
        written_since(&out, then),
        [".articles-build.jsonl", "beta.json"]
    );
    assert_same_as_a_clean_build(&dir.0, &out);

    // A longer article: its line is the same, but index.json says the new size.
    let then = age(&out);
    let longer = article_named("beta", "2026-11-10").replace("Shared outro.", "A longer outro.");
    std::fs::write(&beta, longer).unwrap();
    build(&dir.0, &out);
    assert_eq!(
        written_since(&out, then),
        [".articles-build.jsonl", "beta.json", "index.json"]
    );
    assert_same_as_a_clean_build(&dir.0, &out);
}

#[test]
fn a_changed_question_is_written_again_into_the_articles_that_relate_to_it() {
    let dir = TempDir::articles("build-related");
    dir.write("first.md", &related_article("first", r#""second""#));
    let second = dir.write("second.md", &related_article("second", r#""third""#));
    dir.write("third.md", &related_article("third", r#""first""#));
    let out = dir.0.join("out");
    build(&dir.0, &out);
    let then = age(&out);
    let asked_anew = related_article("second", r#""third""#)
        .replace("What about second?", "What else about second?");
    std::fs::write(&second, asked_anew).unwrap();
    build(&dir.0, &out);
    // first.json carries second's question; third.json does not.
    assert_eq!(
        written_since(&out, then),
        [
            ".articles-build.jsonl",
            "first.json",
            "index.json",
            "second.json"
        ]
    );
    let first: Article =
        serde_json::from_str(&std::fs::read_to_string(out.join("first.json")).unwrap()).unwrap();
    assert_eq!(first.related[0].question, "What else about second?");
    assert_same_as_a_clean_build(&dir.0, &out);
}

#[test]
fn a_removed_article_loses_its_data_and_its_line_of_the_catalog() {
    let dir = TempDir::articles("build-removed");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    let beta = dir.write("beta.md", &article_named("beta", "2026-11-10"));
    let out = dir.0.join("out");
    build(&dir.0, &out);
    std::fs::remove_file(beta).unwrap();
    build(&dir.0, &out);
    assert!(!out.join("beta.json").exists());
    assert_same_as_a_clean_build(&dir.0, &out);
}

#[test]
fn a_changed_publisher_writes_every_article_again() {
    let dir = TempDir::articles("build-publisher");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    dir.write("beta.md", &article_named("beta", "2026-11-10"));
    let out = dir.0.join("out");
    build(&dir.0, &out);
    let publisher = std::fs::read_to_string(dir.0.join("publisher.toml")).unwrap();
    dir.write(
        "publisher.toml",
        &publisher.replace("Demo Health", "Demo Health Library"),
    );
    let said = build(&dir.0, &out);
    assert!(said.contains("2 written"), "{said}");
    let alpha = std::fs::read_to_string(out.join("alpha.json")).unwrap();
    assert!(alpha.contains("Demo Health Library"));
}

#[test]
fn data_deleted_from_the_output_is_written_again() {
    let dir = TempDir::articles("build-deleted");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    let out = dir.0.join("out");
    build(&dir.0, &out);
    std::fs::remove_file(out.join("alpha.json")).unwrap();
    std::fs::remove_file(out.join("index.json")).unwrap();
    build(&dir.0, &out);
    assert!(out.join("alpha.json").exists());
    assert!(out.join("index.json").exists());
}

#[test]
fn an_overdue_review_is_said_with_todays_date_on_every_build_without_parsing_or_writing_again() {
    let dir = TempDir::articles("build-overdue");
    let overdue = article_named("alpha", "2020-01-01").replace(
        "next_review_due = 2027-05-20",
        "next_review_due = 2021-01-01",
    );
    dir.write("alpha.md", &overdue);
    let out = dir.0.join("out");
    build(&dir.0, &out);
    let then = age(&out);
    let output = Command::new(env!("CARGO_BIN_EXE_articles"))
        .arg("build")
        .arg(&dir.0)
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Its warning comes from what the first build remembered, not from parsing again.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("0 source(s) parsed"), "{stdout}");
    let today = article_widget::source::today();
    assert!(
        stderr.contains(&format!(
            "warning: review overdue: it was due on 2021-01-01 (today is {today})"
        )),
        "{stderr}"
    );
    assert_eq!(written_since(&out, then), Vec::<String>::new());
}

#[test]
fn a_build_with_an_error_leaves_the_last_builds_data_as_it_was() {
    let dir = TempDir::articles("build-error-again");
    let alpha = dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    let out = dir.0.join("out");
    build(&dir.0, &out);
    let before = contents(&out);
    std::fs::write(
        alpha,
        article_named("alpha", "2026-11-01").replace("::: patient", "::: doctor"),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_articles"))
        .arg("build")
        .arg(&dir.0)
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(contents(&out), before);
}

#[test]
fn the_real_catalog_builds_into_what_load_dir_makes_of_it_translations_and_all() {
    let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let dir = TempDir::new("build-real-report");
    let out = dir.0.join("out");
    build(&catalog, &out);
    let report = article_widget::source::load_dir(&catalog, article_widget::source::today())
        .expect("the catalog is readable");
    let mut data_bytes = 0;
    for expected in &report.articles {
        let json = std::fs::read_to_string(out.join(format!("{}.json", expected.slug))).unwrap();
        data_bytes += json.len() as u64;
        let written: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(&written, expected);
    }
    let index = std::fs::read_to_string(out.join("index.json")).unwrap();
    let written: article_widget::model::Catalog = serde_json::from_str(&index).unwrap();
    // One page: every entry, and the size of the whole that "Save all" announces.
    let expected = article_widget::model::Catalog {
        total: report.articles.len(),
        page_size: article_widget::model::PAGE_SIZE,
        data_bytes,
        ..report.catalog()
    };
    assert_eq!(written, expected);
    assert!(!out.join("catalog").exists());
}
