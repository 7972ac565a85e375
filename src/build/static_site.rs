//! `articles site [DIR] SITE`: the static site, written into a site Trunk has built.
//! Its `index.html` is the template of every page: the publisher's catalog at the
//! root and each later page of it `catalog/<n>/`, each article's page
//! `articles/<slug>/` (its default audience) and each
//! audience's page `articles/<slug>/<audience>/`, and the fragments partners' pages
//! show first, `articles/<slug>/<audience>.html` (and `default.html`); beside them the
//! widget's stylesheet, `sitemap.xml`, `robots.txt` and `feed.xml`, the Atom feed of the
//! articles' changes.
//!
//! In memory bounded whatever the catalog's size, as `articles build`: pass one reads
//! every source into its record and runs the whole-catalog checks (nothing is written
//! when they find an error); the catalog's page and the sitemap are made from the
//! records' lines of the catalog; pass two parses each article again and writes its
//! pages, one article per core at a time.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use crate::config::catalog_page_in_path;
use crate::model::{pages_of, Catalog, CatalogEntry, Publisher, PAGE_SIZE};
use crate::site::article_code::{with_article_code, ArticleCode, ARTICLE_CODE_FILE};
use crate::site::embed_panel::{PinnedLoader, PINNED_FILE};
use crate::site::feed::{Feed, FeedArticle, FEED_FILE};
use crate::site::files::{catalog_page_file, Site, CATALOG_PAGES_FOLDER};
use crate::site::{page, prerender, sitemap};
use crate::source;

use super::catalog_pages;
use super::passes::{self, CatalogLinks, Completion};

/// Writes the site of the articles of `dir` into `site`, served from `site_url` (else
/// publisher.toml's); `false`, and nothing written, when an article has an error.
pub fn write(dir: &Path, site: &Path, site_url: Option<&str>) -> Result<bool, String> {
    let today = source::today();
    // No manifest: every source is parsed in pass one.
    let Some(passes::Checked {
        publisher,
        read: passes::Read {
            records, sources, ..
        },
        findings,
    }) = passes::check_records_for_writing(dir, &mut HashMap::new(), site, today)?
    else {
        return Ok(false);
    };
    // Trunk's page is kept as `shell.html`, the template of every page: running again
    // over a site already written makes the same site. The service worker opens it
    // offline at any address it has no copy of.
    let template_path = site.join("index.html");
    let shell_path = site.join("shell.html");
    let template = match std::fs::read_to_string(&shell_path) {
        Ok(shell) => shell,
        Err(_) => std::fs::read_to_string(&template_path)
            .map_err(|error| format!("cannot read {}: {error}", template_path.display()))?,
    };
    let stylesheet = prerender::stylesheet(&publisher.accent, &publisher.accent_dark);
    write_file(&site.join(&stylesheet.file_name), &stylesheet.text)?;
    write_file(&shell_path, &page::shell(&template, &stylesheet.file_name))?;
    let site_url = site_url.map_or_else(|| publisher.site_url.clone(), str::to_owned);
    let pinned = pinned_loader(site)?;
    let article_template = match article_code(site)? {
        Some(code) => with_article_code(&template, &code),
        None => template.clone(),
    };
    let pages = Site {
        template: &template,
        article_template: &article_template,
        stylesheet: &stylesheet,
        site_url: &site_url,
        today,
        pinned: pinned.as_ref(),
    };

    let entries = passes::catalog_entries(&records, &findings);
    // Its first page only: that is what the page shows (`Site::catalog_page`).
    let catalog = Catalog::first_page_of(
        entries.iter().copied(),
        Rc::new(publisher.in_own_language()),
        0,
    );
    write_file(&template_path, &pages.catalog_page(&catalog)?)?;
    drop(catalog);
    write_catalog_pages(site, &pages, &entries, &publisher)?;

    let completion = Completion::new(&publisher);
    // The newest changes of the articles written so far, for `feed.xml`.
    let mut feed = Feed::default();
    let kept: Vec<usize> = (0..records.len())
        .filter(|index| findings.kept[*index])
        .collect();
    // In batches, so that a failure stops the writing soon.
    for batch in kept.chunks(source::BATCH) {
        let written = source::in_parallel(batch, |index| {
            let links = CatalogLinks::of(&records, &findings, *index);
            let path = &records[*index].path;
            let article = completion.article(path, sources[*index].hash, &links, today)?;
            for (file, text) in pages.article_files(&article)? {
                let file = site.join(file);
                if let Some(folder) = file.parent() {
                    std::fs::create_dir_all(folder)
                        .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
                }
                write_file(&file, &text)?;
            }
            Ok::<FeedArticle, String>(FeedArticle::of(&article))
        });
        for article in written {
            feed.add(article?);
        }
    }

    let articles = entries.iter().map(|entry| (&entry.slug, entry.updated));
    write_file(&site.join("sitemap.xml"), &pages.sitemap(articles))?;
    write_file(
        &site.join("robots.txt"),
        &sitemap::robots(&format!("{site_url}sitemap.xml")),
    )?;
    write_file(
        &site.join(FEED_FILE),
        &feed.to_xml(&publisher.name, &publisher.language, &site_url, today),
    )?;
    println!(
        "prerendered the catalog and {} article(s) into {}",
        entries.len(),
        site.display()
    );
    Ok(true)
}

/// `articles stylesheet [DIR] SITE`: only the widget's stylesheet, from the publisher's
/// accents, under the content-hashed name `articles site` gives it. Trunk's hook writes
/// it first, so that the pinned loader (`xtask/pin-loader.mjs`), which names it by its
/// hash, is made before the pages that offer it. `false` when publisher.toml has errors.
pub fn write_stylesheet(dir: &Path, site: &Path) -> Result<bool, String> {
    let (publisher, diagnostics) = source::read_publisher(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    let mut has_errors = false;
    for diagnostic in &diagnostics {
        has_errors |= diagnostic.severity == source::Severity::Error;
        eprintln!("{diagnostic}");
    }
    if has_errors {
        eprintln!("articles: nothing written to {}", site.display());
        return Ok(false);
    }
    let stylesheet = prerender::stylesheet(&publisher.accent, &publisher.accent_dark);
    write_file(&site.join(&stylesheet.file_name), &stylesheet.text)?;
    println!("wrote {}", site.join(&stylesheet.file_name).display());
    Ok(true)
}

/// The article-only Wasm the site's `article-only.json` names (see [`build_manifest`]):
/// without it every page starts the full app.
fn article_code(site: &Path) -> Result<Option<ArticleCode>, String> {
    build_manifest(
        site,
        ARTICLE_CODE_FILE,
        ArticleCode::from_json,
        "every page starts the full app",
    )
}

/// The pinned loader the site's `pinned.json` names (see [`build_manifest`]): without it
/// the embed panels offer no pinned code.
fn pinned_loader(site: &Path) -> Result<Option<PinnedLoader>, String> {
    build_manifest(
        site,
        PINNED_FILE,
        PinnedLoader::from_json,
        "the embed panels offer no pinned code",
    )
}

/// What a file Trunk's hook writes into the site (`file`, JSON read by `parse`) says;
/// None, said once with what follows (`without`), where the site has none (a site the
/// hook did not build); an error where it is not what `parse` reads.
fn build_manifest<T>(
    site: &Path,
    file: &str,
    parse: fn(&str) -> Result<T, String>,
    without: &str,
) -> Result<Option<T>, String> {
    let path = site.join(file);
    match std::fs::read_to_string(&path) {
        Ok(json) => parse(&json)
            .map(Some)
            .map_err(|error| format!("{}:1: {error}", path.display())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            println!("no {}: {without}", path.display());
            Ok(None)
        }
        Err(error) => Err(format!("cannot read {}: {error}", path.display())),
    }
}

/// The catalog's static pages from the second on (`catalog/<n>/index.html`, see
/// [`catalog_page_file`]), one page per core at a time. Each is written only when its
/// bytes change, so that a sync by checksum or date uploads only what did (a new
/// article moves every entry along, and so changes every page; an article's edit
/// changes its own page); the pages past the last are removed when the catalog shrinks.
fn write_catalog_pages(
    site: &Path,
    pages: &Site,
    entries: &[&CatalogEntry],
    publisher: &Publisher,
) -> Result<(), String> {
    let page_count = pages_of(entries.len(), PAGE_SIZE);
    let numbers: Vec<usize> = (2..=page_count).collect();
    for batch in numbers.chunks(source::BATCH) {
        let written = source::in_parallel(batch, |&page| {
            // Its own, on each thread: the catalog shares its publisher by `Rc`.
            let first = Catalog::first_page_of(
                entries.iter().copied(),
                Rc::new(publisher.in_own_language()),
                0,
            );
            let own: Vec<CatalogEntry> = entries
                .chunks(PAGE_SIZE)
                .nth(page - 1)
                .unwrap_or_default()
                .iter()
                .map(|entry| (*entry).clone())
                .collect();
            let text = pages.catalog_page_at(&first, page, &own)?;
            let file = site.join(catalog_page_file(page));
            if let Some(folder) = file.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
            }
            write_if_changed(&file, &text)
        });
        for page in written {
            page?;
        }
    }
    remove_stale_catalog_pages(&site.join(CATALOG_PAGES_FOLDER), page_count)
}

/// Removes the catalog's static pages past `page_count` from `folder` (each `<n>/`
/// with its `index.html`), and `folder` when no page is left: a catalog that shrank
/// must not leave pages that readers and crawlers would still walk.
fn remove_stale_catalog_pages(folder: &Path, page_count: usize) -> Result<(), String> {
    catalog_pages::remove_pages_past(
        folder,
        page_count,
        |name| catalog_page_in_path(&format!("/{CATALOG_PAGES_FOLDER}/{name}/")),
        |page| {
            match std::fs::remove_file(page.join("index.html")) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
            // Left when someone put something else there.
            match std::fs::remove_dir(page) {
                Err(error) if error.kind() != std::io::ErrorKind::DirectoryNotEmpty => Err(error),
                _ => Ok(()),
            }
        },
    )
}

/// Writes `text` to `path` unless the file there has it already.
fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    match std::fs::read(path) {
        Ok(old) if old == text.as_bytes() => Ok(()),
        _ => write_file(path, text),
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}
