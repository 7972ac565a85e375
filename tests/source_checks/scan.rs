//! `articles check` over many files: on every core, its diagnostics still in path order,
//! and its memory bounded whatever the size of the catalog.

use std::path::Path;
use std::process::Command;

use article_widget::source::{in_parallel_on, load_dir};

use crate::support::{article_named, long_article, TempDir};

#[test]
fn work_done_in_parallel_comes_back_in_the_order_of_its_items() {
    let items: Vec<usize> = (0..1000).collect();
    // Uneven work, so that the threads finish out of order.
    let done = in_parallel_on(4, &items, |item| {
        if item % 7 == 0 {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        item * 2
    });
    assert_eq!(done, items.iter().map(|item| item * 2).collect::<Vec<_>>());
    assert_eq!(
        in_parallel_on(3, &[] as &[usize], |item| *item),
        Vec::<usize>::new()
    );
}

#[test]
fn check_prints_every_diagnostic_in_path_order_with_its_line_whatever_the_threads() {
    let dir = TempDir::articles("scan-order");
    for index in 0..60 {
        let slug = format!("article-{index:02}");
        let mut text = article_named(&slug, "2026-11-01");
        // Every third has an error, every fifth a warning, and one a missing related
        // article: the whole catalog's finding goes with its file.
        if index % 3 == 0 {
            text = text.replace("Patient part.", "Patient part[^9].");
        }
        if index % 5 == 0 {
            text = text.replace("Shared outro.", "# Outro");
        }
        if index == 31 {
            text = text.replace(
                "default_audience = \"professional\"\n",
                "default_audience = \"professional\"\nrelated = [\"nowhere\"]\n",
            );
        }
        dir.write(&format!("{slug}.md"), &text);
    }
    let output = Command::new(env!("CARGO_BIN_EXE_articles"))
        .arg("check")
        .arg(&dir.0)
        .output()
        .expect("the articles binary runs");
    assert_eq!(output.status.code(), Some(1));
    let printed: Vec<String> = String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(str::to_owned)
        .collect();
    // The same lines as the single-threaded load_dir, in the same order…
    let expected: Vec<String> = load_dir(&dir.0, article_widget::source::today())
        .unwrap()
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.to_string())
        .collect();
    assert_eq!(printed, expected);
    assert_eq!(printed.len(), 20 + 12 + 1, "{printed:#?}");
    // …which is path order, each `path:line: message`.
    let places: Vec<(String, usize)> = printed
        .iter()
        .map(|line| {
            let mut parts = line.splitn(3, ':');
            let path = parts.next().unwrap().to_owned();
            let line: usize = parts.next().unwrap().parse().expect("a line number");
            (path, line)
        })
        .collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted);
    let related = format!(
        "{}:7: related: no article `nowhere` in {}: related articles must be in the same catalog",
        dir.0.join("article-31.md").display(),
        dir.0.display()
    );
    assert!(printed.contains(&related), "{printed:#?}");
}

/// The peak resident memory of `articles` run with `args`, as it reports it.
fn peak_rss_kb(args: &[&Path]) -> u64 {
    let output = Command::new(env!("CARGO_BIN_EXE_articles"))
        .args(args)
        .env("ARTICLES_RESOURCE_USAGE", "1")
        .output()
        .expect("the articles binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
        .lines()
        .find_map(|line| line.strip_prefix("articles: peak RSS "))
        .and_then(|peak| peak.trim_end_matches(" kB").parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in:\n{stderr}"))
}

/// A folder of `count` long articles.
fn catalog(name: &str, count: usize) -> TempDir {
    let dir = TempDir::articles(name);
    for index in 0..count {
        let slug = format!("article-{index:04}");
        dir.write(&format!("{slug}.md"), &long_article(&slug, index));
    }
    dir
}

#[test]
fn check_and_build_memory_stays_bounded_as_the_catalog_grows() {
    let small = catalog("scan-memory-small", 100);
    let large = catalog("scan-memory-large", 1000);
    let check = |dir: &TempDir| peak_rss_kb(&[Path::new("check"), &dir.0]);
    let build = |dir: &TempDir| peak_rss_kb(&[Path::new("build"), &dir.0, &dir.0.join("out")]);
    // Every article kept in memory would cost some 30 kB each: 900 more, 27 MB more.
    // Records alone cost well under 1 kB each.
    let bound_kb = 8_000;
    for (what, small, large) in [
        ("check", check(&small), check(&large)),
        ("build", build(&small), build(&large)),
    ] {
        assert!(
            large < small + bound_kb,
            "{what}: peak RSS {small} kB for 100 articles, {large} kB for 1,000"
        );
    }
}
