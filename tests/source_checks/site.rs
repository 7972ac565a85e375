//! `articles site` keeps records, not articles, and parses each article again to write
//! its pages: what it writes is, file for file and byte for byte, the site of the
//! articles `load_dir` holds all at once in memory, as it was written before.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use article_widget::site::feed::{self, FeedArticle, FEED_FILE};
use article_widget::site::files::Site;
use article_widget::site::{page, prerender, sitemap};
use article_widget::source::{load_dir, today};

use crate::support::{article_named, related_article, TempDir, PUBLISHER};
use crate::translations::{in_language, SPANISH_WORDS};

/// A site as Trunk builds it, as far as `articles site` reads it: a title and a
/// description to replace, relative links to move, the Wasm's start and its preload,
/// and the widget's host.
const TEMPLATE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta name="description" content="Medical questions answered." />
    <title>Medical articles</title>
    <link rel="manifest" href="manifest.webmanifest" />
    <link rel="preload" href="/article-widget-1f_bg.wasm" as="fetch" type="application/wasm">
    <script type="module">
import init from '/article-widget-1f.js';
const wasm = await init({ module_or_path: '/article-widget-1f_bg.wasm' });
    </script>
  </head>
  <body>
    <a class="app-name" href="./">Medical articles</a>
    <main>
      <div data-article-widget></div>
    </main>
  </body>
</html>
"#;

/// Every file under `dir`, by its path below it, with its text.
fn files(dir: &Path) -> BTreeMap<PathBuf, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The site of `dir`'s articles as `articles site` wrote it before it streamed: from
/// every article held at once, in the catalog's order, and its publisher.
fn site_in_memory(dir: &Path, site_url: Option<&str>) -> BTreeMap<PathBuf, String> {
    let report = load_dir(dir, today()).unwrap();
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);
    let publisher = &report.publisher;
    let stylesheet = prerender::stylesheet(&publisher.accent, &publisher.accent_dark);
    let site_url = site_url.unwrap_or(&publisher.site_url);
    let pages = Site {
        template: TEMPLATE,
        article_template: TEMPLATE,
        stylesheet: &stylesheet,
        site_url,
        today: today(),
        pinned: None,
    };
    let mut files = BTreeMap::new();
    let mut add = |path: &str, text: String| files.insert(PathBuf::from(path), text);
    add("index.html", pages.catalog_page(&report.catalog()).unwrap());
    add("shell.html", page::shell(TEMPLATE, &stylesheet.file_name));
    add(&stylesheet.file_name, stylesheet.text.clone());
    for article in &report.articles {
        for (path, text) in pages.article_files(article).unwrap() {
            add(&path, text);
        }
    }
    let articles = report.articles.iter();
    let sitemap_xml = pages.sitemap(articles.map(|article| (&article.slug, article.updated)));
    add("sitemap.xml", sitemap_xml);
    add(
        "robots.txt",
        sitemap::robots(&format!("{site_url}sitemap.xml")),
    );
    let feed_xml = feed::feed(
        report.articles.iter().map(FeedArticle::of),
        &publisher.name,
        &publisher.language,
        site_url,
        today(),
    );
    add(FEED_FILE, feed_xml);
    files
}

/// Runs `articles site` over `dir` into a fresh site holding only [`TEMPLATE`], and
/// compares every file it wrote with [`site_in_memory`]'s.
fn writes_what_the_articles_in_memory_make(dir: &Path, site_url: Option<&str>) {
    let site = TempDir::new("site");
    site.write("index.html", TEMPLATE);
    let mut command = Command::new(env!("CARGO_BIN_EXE_articles"));
    command.arg("site");
    if let Some(url) = site_url {
        command.args(["--site-url", url]);
    }
    let output = command.arg(dir).arg(&site.0).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let written = files(&site.0);
    let expected = site_in_memory(dir, site_url);
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (path, text) in &expected {
        // Not `assert_eq!`: a page is some tens of kilobytes.
        assert!(written[path] == *text, "{} differs", path.display());
    }
}

#[test]
fn the_site_of_the_projects_articles_is_the_one_their_articles_in_memory_make() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    writes_what_the_articles_in_memory_make(&articles, None);
}

#[test]
fn related_articles_and_translations_reach_the_pages_written_one_article_at_a_time() {
    let dir = TempDir::new("site-catalog");
    dir.write("publisher.toml", &format!("{PUBLISHER}{SPANISH_WORDS}"));
    let related = "default_audience = \"professional\"\nrelated = [\"alpha\", \"demo-es\"]\n";
    dir.write(
        "demo.md",
        &in_language("demo", "en", r#"es = "demo-es""#)
            .replace("default_audience = \"professional\"\n", related),
    );
    dir.write(
        "demo-es.md",
        &in_language("demo-es", "es", r#"en = "demo""#),
    );
    dir.write("alpha.md", &related_article("alpha", "\"demo\""));
    dir.write("beta.md", &article_named("beta", "2026-11-24"));
    writes_what_the_articles_in_memory_make(&dir.0, Some("https://staging.example/health/"));
    // The pages do say what the rest of the catalog gives them.
    let pages = site_in_memory(&dir.0, None);
    let demo = &pages[Path::new("articles/demo/index.html")];
    assert!(demo.contains("What about alpha?"), "{demo}");
    assert!(demo.contains("hreflang=\"es\""), "{demo}");
}

/// When `file` was last written.
fn modified(file: &Path) -> std::time::SystemTime {
    std::fs::metadata(file).unwrap().modified().unwrap()
}

fn long_ago() -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000)
}

/// Marks `file` as written [`long_ago`], so that a later write shows.
fn age(file: &Path) {
    let old = long_ago();
    std::fs::File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

#[test]
fn every_page_of_the_catalog_gets_a_static_page_written_when_it_changes_and_removed_when_gone() {
    let dir = TempDir::new("site-catalog-pages");
    dir.write("publisher.toml", PUBLISHER);
    // 101 articles, one a day, newest first: pages of 50, 50 and 1.
    let day = |index: usize| format!("2026-{:02}-{:02}", 1 + index / 28, 1 + index % 28);
    for index in 0..101 {
        dir.write(
            &format!("a{index:03}.md"),
            &article_named(&format!("a{index:03}"), &day(index)),
        );
    }
    let site = TempDir::new("site-catalog-pages-out");
    site.write("index.html", TEMPLATE);
    let build = || {
        let output = Command::new(env!("CARGO_BIN_EXE_articles"))
            .arg("site")
            .arg(&dir.0)
            .arg(&site.0)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    build();
    let second = site.0.join("catalog/2/index.html");
    let third = site.0.join("catalog/3/index.html");
    let page = std::fs::read_to_string(&second).unwrap();
    // Page 2 holds the 51st to the 100th newest, with links to its neighbours.
    assert!(page.contains("What is a050?") && page.contains("What is a001?"));
    assert!(!page.contains("What is a051?") && !page.contains("What is a000?"));
    assert!(page.contains("Page 2 of 3"), "{page}");
    assert!(
        page.contains("href=\"../../catalog/3/\" rel=\"next\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../\" rel=\"prev\""), "{page}");
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://demo.example/library/catalog/2/\">")
    );
    let last = std::fs::read_to_string(&third).unwrap();
    assert!(last.contains("What is a000?") && !last.contains("rel=\"next\""));
    let root = std::fs::read_to_string(site.0.join("index.html")).unwrap();
    assert!(
        root.contains("href=\"./catalog/2/\" rel=\"next\""),
        "{root}"
    );
    let sitemap = std::fs::read_to_string(site.0.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://demo.example/library/catalog/3/</loc>"),
        "{sitemap}"
    );

    // Nothing changed: nothing written again. One article of page 2 changed: that page.
    // (The first run took Trunk's page for the template, and kept it as `shell.html`.)
    build();
    age(&second);
    age(&third);
    build();
    assert_eq!(modified(&second), long_ago());
    assert_eq!(modified(&third), long_ago());
    dir.write(
        "a010.md",
        &article_named("a010", &day(10)).replace("What is a010?", "What is a010 now?"),
    );
    build();
    assert!(std::fs::read_to_string(&second)
        .unwrap()
        .contains("What is a010 now?"));
    assert_ne!(modified(&second), long_ago());
    assert_eq!(modified(&third), long_ago());

    // The catalog shrinks to two pages, then to one: the pages past it go.
    std::fs::remove_file(dir.0.join("a000.md")).unwrap();
    build();
    assert!(second.is_file() && !third.exists() && !site.0.join("catalog/3").exists());
    for index in 1..51 {
        std::fs::remove_file(dir.0.join(format!("a{index:03}.md"))).unwrap();
    }
    build();
    assert!(!site.0.join("catalog").exists());
    let root = std::fs::read_to_string(site.0.join("index.html")).unwrap();
    assert!(!root.contains("catalog/2/"), "{root}");
}
