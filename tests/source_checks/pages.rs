//! `articles build` of a catalog past one page: `index.json` is the first page with the
//! size of the whole, `catalog/<n>.json` the others, and every rebuild writes only the
//! pages that change and leaves what a build from nothing leaves.

use std::path::Path;

use article_widget::model::{Catalog, CatalogEntry, CatalogPage, PAGE_SIZE};

use crate::build::{age, assert_same_as_a_clean_build, build, files, written_since};
use crate::support::{article_named, TempDir};

fn slug(index: usize) -> String {
    format!("article-{index:03}")
}

/// `count` articles, their days repeating so that the order falls back on the slug.
fn write_articles(dir: &TempDir, count: usize) {
    for index in 0..count {
        let updated = format!("2026-{:02}-{:02}", 1 + index % 10, 1 + index % 28);
        dir.write(
            &format!("{}.md", slug(index)),
            &article_named(&slug(index), &updated),
        );
    }
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every entry of the catalog in `out`, its pages walked in order, and its first page.
fn whole_catalog(out: &Path) -> (Vec<CatalogEntry>, Catalog) {
    let first: Catalog = read(&out.join("index.json"));
    let mut entries = first.articles.clone();
    for page in 2..=first.page_count() {
        let page: CatalogPage = read(&out.join(format!("catalog/{page}.json")));
        assert!(!page.articles.is_empty() && page.articles.len() <= PAGE_SIZE);
        entries.extend(page.articles);
    }
    assert_eq!(entries.len(), first.total());
    (entries, first)
}

/// The names of the catalog's pages after the first.
fn pages(out: &Path) -> Vec<String> {
    files(out)
        .into_iter()
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.starts_with("catalog"))
        .collect()
}

#[test]
fn a_catalog_past_one_page_is_written_in_pages_newest_first_with_the_size_of_its_data() {
    let dir = TempDir::articles("pages-written");
    write_articles(&dir, 120);
    let out = dir.0.join("out");
    build(&dir.0, &out);

    let (entries, first) = whole_catalog(&out);
    assert_eq!(
        (first.articles.len(), first.total, first.page_size),
        (50, 120, PAGE_SIZE)
    );
    assert_eq!(pages(&out), ["catalog/2.json", "catalog/3.json"]);
    let mut expected = entries.clone();
    expected.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));
    assert_eq!(entries, expected);
    let data_bytes: u64 = entries
        .iter()
        .map(|entry| {
            let path = out.join(format!("{}.json", entry.slug));
            std::fs::metadata(path).unwrap().len()
        })
        .sum();
    assert_eq!(first.data_bytes, data_bytes);

    // Nothing changed: nothing written, not even a page.
    let then = age(&out);
    let said = build(&dir.0, &out);
    assert!(said.contains("0 written, 120 unchanged"), "{said}");
    assert_eq!(written_since(&out, then), Vec::<String>::new());

    // A page deleted from the output is written again, alone.
    std::fs::remove_file(out.join("catalog/2.json")).unwrap();
    build(&dir.0, &out);
    assert_eq!(written_since(&out, then), ["catalog/2.json"]);
}

#[test]
fn an_article_that_moves_to_the_first_page_shifts_every_page_as_a_clean_build_would() {
    let dir = TempDir::articles("pages-moved");
    write_articles(&dir, 120);
    let out = dir.0.join("out");
    build(&dir.0, &out);
    let then = age(&out);
    dir.write(
        "article-100.md",
        &article_named("article-100", "2026-11-01"),
    );
    build(&dir.0, &out);
    assert_eq!(
        written_since(&out, then),
        [
            ".articles-build.jsonl",
            "article-100.json",
            "catalog/2.json",
            "catalog/3.json",
            "index.json"
        ]
    );
    let (entries, _) = whole_catalog(&out);
    assert_eq!(entries[0].slug.as_str(), "article-100");
    assert_same_as_a_clean_build(&dir.0, &out);

    // Newest on the last page only: the pages before it stay as they are.
    let then = age(&out);
    let last = entries.last().unwrap().slug.to_string();
    std::fs::remove_file(dir.0.join(format!("{last}.md"))).unwrap();
    build(&dir.0, &out);
    assert_eq!(
        written_since(&out, then),
        [".articles-build.jsonl", "catalog/3.json", "index.json"]
    );
    assert_same_as_a_clean_build(&dir.0, &out);
}

#[test]
fn a_catalog_that_shrinks_loses_its_stale_pages_then_its_catalog_folder() {
    let dir = TempDir::articles("pages-shrink");
    write_articles(&dir, 120);
    let out = dir.0.join("out");
    build(&dir.0, &out);
    for index in 90..120 {
        std::fs::remove_file(dir.0.join(format!("{}.md", slug(index)))).unwrap();
    }
    build(&dir.0, &out);
    assert_eq!(pages(&out), ["catalog/2.json"]);
    assert_same_as_a_clean_build(&dir.0, &out);

    for index in 40..90 {
        std::fs::remove_file(dir.0.join(format!("{}.md", slug(index)))).unwrap();
    }
    build(&dir.0, &out);
    assert_eq!(pages(&out), Vec::<String>::new());
    assert!(!out.join("catalog").exists());
    let (entries, first) = whole_catalog(&out);
    assert_eq!((entries.len(), first.page_count()), (40, 1));
    assert_same_as_a_clean_build(&dir.0, &out);
}
