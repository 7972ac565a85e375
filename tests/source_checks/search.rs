//! `articles search-records`: one record of the full-text index per article of the
//! catalog, read back as Pagefind will read it.

use std::path::{Path, PathBuf};
use std::process::Command;

use article_widget::site::search::{self, Record};
use article_widget::source::{load_dir, today};

use crate::support::{article_named, variant, TempDir, PUBLISHER};
use crate::translations::{in_language, SPANISH_WORDS};

/// Runs `articles search-records DIR OUT` and reads back its lines.
fn search_records(dir: &Path, out: &Path) -> (std::process::Output, Vec<Record>) {
    let output = Command::new(env!("CARGO_BIN_EXE_articles"))
        .arg("search-records")
        .arg(dir)
        .arg(out)
        .output()
        .expect("the articles binary runs");
    let records = std::fs::read_to_string(out)
        .map(|text| {
            text.lines()
                .map(|line| serde_json::from_str(line).expect("each line is a record"))
                .collect()
        })
        .unwrap_or_default();
    (output, records)
}

fn out_file(dir: &TempDir) -> PathBuf {
    dir.0.join("records.jsonl")
}

#[test]
fn every_article_of_the_real_catalog_has_its_record_as_the_library_makes_it() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let out = TempDir::new("search-real");
    let (output, records) = search_records(&articles, &out_file(&out));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let report = load_dir(&articles, today()).unwrap();
    let mut expected: Vec<Record> = report.articles.iter().map(search::record).collect();
    let mut records = records;
    let by_slug = |record: &Record| record.meta.slug.to_string();
    expected.sort_by_key(by_slug);
    records.sort_by_key(by_slug);
    assert!(!records.is_empty());
    assert!(records == expected, "the records differ from the library's");
}

#[test]
fn a_record_holds_every_variants_words_raw_html_as_text_and_the_catalogs_names() {
    let dir = TempDir::new("search");
    dir.write("publisher.toml", &format!("{PUBLISHER}{SPANISH_WORDS}"));
    dir.write(
        "demo.md",
        &variant(
            "Patient part.",
            "Patient part about quokkas.\n\n<div onclick=\"alert(1)\">Raw & bold</div>",
        ),
    );
    dir.write("demo-es.md", &in_language("demo-es", "es", ""));
    dir.write("beta.md", &article_named("beta", "2026-11-24"));
    let (output, records) = search_records(&dir.0, &out_file(&dir));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let slugs: Vec<String> = records.iter().map(|r| r.meta.slug.to_string()).collect();
    assert_eq!(
        slugs,
        ["beta", "demo-es", "demo"],
        "every article, in path order"
    );

    let demo = &records[2];
    assert_eq!(demo.url, "articles/demo/");
    assert_eq!(demo.language, "en", "one index for every language");
    // The question first, then the patient's own words and the professional's.
    assert!(demo.content.starts_with("Does the demo work?\n\n"));
    for words in ["quokkas", "Professional part.", "Shared outro."] {
        assert!(
            demo.content.contains(words),
            "{words} in {:?}",
            demo.content
        );
    }
    assert!(
        demo.content
            .contains("<div onclick=\"alert(1)\">Raw & bold</div>"),
        "raw HTML stays the literal text it is: {:?}",
        demo.content
    );
    assert!(!demo.content.contains("[^1]") && !demo.content.contains(":::"));
    let json = serde_json::to_value(demo).unwrap();
    assert_eq!(
        json["meta"],
        serde_json::json!({
            "slug": "demo",
            "question": "Does the demo work?",
            "lang": "en",
            "updated": "2026-11-20",
            "review_status": "submitted",
            "audiences": "patient,professional",
        })
    );
    assert_eq!(
        json["filters"],
        serde_json::json!({
            "audience": ["patient", "professional"],
            "lang": ["en"],
            "review_status": ["submitted"],
        })
    );
    assert_eq!(json["sort"], serde_json::json!({ "updated": "2026-11-20" }));

    let spanish = &records[1];
    assert_eq!(
        (spanish.meta.lang.as_str(), spanish.language.as_str()),
        ("es", "en")
    );
    assert_eq!(spanish.filters.lang, [spanish.meta.lang]);
}

#[test]
fn search_records_writes_nothing_when_an_article_has_an_error() {
    let dir = TempDir::articles("search-error");
    dir.write("alpha.md", &article_named("alpha", "2026-11-01"));
    let bad = dir.write("demo.md", &variant("Patient part.", "Patient part[^9]."));
    let out = out_file(&dir);
    let (output, _) = search_records(&dir.0, &out);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}:23: citation [^9] has no reference: add a [[references]] entry with id = 9",
        bad.display()
    );
    assert!(stderr.lines().any(|line| line == expected), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists(), "no records are written on error");
}
