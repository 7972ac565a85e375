//! The build engine: what every command of the `articles` CLI does once its command line
//! is read. `check` and `readability` print what the checks find; `data` writes the
//! widget's JSON (`articles build`), `static_site` the prerendered site, `search_records`
//! the full-text index's records, `write_markdown` each variant's markdown, `workflow`
//! the editorial edits (`new`, `review`). Native only: it reads and writes files.
//!
//! It lives in the library, not beside the binary, so that tests can call it directly
//! and the library's rules hold for it too: tidy (`tests/tidy.rs`) and its circle check
//! see it, and clippy lints it with the library's lints. The binary keeps only the
//! parsing of its command line and the dispatch to these functions.
//!
//! `data`, `static_site` and `search_records` read a catalog of any size in bounded
//! memory through the two passes of `passes`: every source checked into a small record
//! first, then each article parsed again and written, one per core. `manifest` is what
//! an incremental `articles build` remembers, `catalog_pages` the catalog's pages it
//! writes. Diagnostics are printed to stderr as `path:line: message`, and what was
//! written to stdout, as the CLI promises; each function returns `Ok(false)` when the
//! articles have an error, and an `Err` when a file cannot be read or written.

mod catalog_pages;
pub mod data;
mod manifest;
mod passes;
pub mod search_records;
pub mod static_site;
pub mod workflow;

use std::path::Path;

use crate::source::{self, Report};

/// `articles check [--strict] DIR`: checks `dir` on every core, keeping of each article
/// only its record, so that memory stays bounded whatever the size of the catalog.
/// `strict`: warnings fail too.
pub fn check(dir: &Path, strict: bool) -> Result<bool, String> {
    let scan = source::scan_dir(dir, source::today())
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    let mut diagnostics = 0;
    for diagnostic in scan.diagnostics() {
        eprintln!("{diagnostic}");
        diagnostics += 1;
    }
    if scan.has_errors() {
        return Ok(false);
    }
    if strict && diagnostics > 0 {
        eprintln!("articles: --strict: warnings count as errors");
        return Ok(false);
    }
    println!(
        "checked {} article(s) in {}: no errors",
        scan.article_count(),
        dir.display()
    );
    Ok(true)
}

/// `articles readability DIR`: the Flesch-Kincaid grade of each article's variants, as
/// a markdown table on stdout.
pub fn readability(dir: &Path) -> Result<bool, String> {
    let report = load_printing(dir)?;
    if report.has_errors() {
        return Ok(false);
    }
    print!("{}", crate::readability::table(&report.articles));
    Ok(true)
}

/// `articles markdown DIR OUT`: the article data as `articles build` writes it, but each
/// variant as its markdown: what a renderer of markdown, not of the widget's documents,
/// needs.
pub fn write_markdown(dir: &Path, out: &Path) -> Result<bool, String> {
    let Some(report) = load_for_writing(dir, out)? else {
        return Ok(false);
    };
    for article in &report.articles {
        let mut json = serde_json::to_value(article)
            .map_err(|error| format!("cannot encode {}: {error}", article.slug))?;
        let markdown = report.markdown.get(article.slug.as_str());
        json["variants"] = serde_json::to_value(markdown)
            .map_err(|error| format!("cannot encode {}: {error}", article.slug))?;
        write_json(&out.join(format!("{}.json", article.slug)), &json)?;
    }
    println!(
        "wrote the markdown of {} article(s) from {} into {}",
        report.articles.len(),
        dir.display(),
        out.display()
    );
    Ok(true)
}

/// Every article of `dir`, kept in memory ([`source::load_dir`]), its diagnostics
/// printed.
fn load_printing(dir: &Path) -> Result<Report, String> {
    let report = source::load_dir(dir, source::today())
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for diagnostic in &report.diagnostics {
        eprintln!("{diagnostic}");
    }
    Ok(report)
}

/// The report of `dir` when it has no error, with `out` created to write it into;
/// `None` (and nothing written) when it has errors.
fn load_for_writing(dir: &Path, out: &Path) -> Result<Option<Report>, String> {
    let report = load_printing(dir)?;
    if report.has_errors() {
        eprintln!("articles: nothing written to {}", out.display());
        return Ok(None);
    }
    std::fs::create_dir_all(out)
        .map_err(|error| format!("cannot create {}: {error}", out.display()))?;
    Ok(Some(report))
}

fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), String> {
    let json = serde_json::to_string(value)
        .map_err(|error| format!("cannot encode {}: {error}", path.display()))?;
    std::fs::write(path, json).map_err(|error| format!("cannot write {}: {error}", path.display()))
}
