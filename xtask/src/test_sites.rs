//! The sites the end-to-end tests run against besides `dist/` itself, each a copy of
//! this build with other articles: the fixture articles (states the real catalog does
//! not have), and a catalog of generated articles long enough to have several pages.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::{articles_cli, fresh_copy, generate, run_command, tools};

/// How many articles the paged test site has: more than two pages of the catalog, so
/// that a page between the first and the last is turned to.
pub const PAGED_ARTICLES: usize = 120;

/// `dist/` with the articles of `sources` in place of its own: their data, their
/// prerendered pages and their search index, each text file with its precompressed
/// siblings. `index.html` is the shell, not the
/// prerendered catalog, when `prerendered` is false.
pub fn site_of(
    toolchain: &tools::Toolchain,
    root: &Path,
    sources: &Path,
    site: &Path,
    prerendered: bool,
) -> Result<()> {
    fresh_copy(&root.join("dist"), site)?;
    std::fs::remove_dir_all(site.join("articles"))?;
    std::fs::copy(site.join("shell.html"), site.join("index.html"))?;
    run_command(
        articles_cli(toolchain)
            .arg("build")
            .arg(sources)
            .arg(site.join("articles")),
    )?;
    let _ = std::fs::remove_file(site.join("articles/.articles-build.jsonl"));
    if prerendered {
        run_command(articles_cli(toolchain).arg("site").arg(sources).arg(site))?;
    }
    search_index(toolchain, root, sources, site)?;
    // As dist/ is: the siblings of its own files, not of dist/'s articles.
    crate::precompress(site)
}

/// The full-text index of the articles of `sources` in `site/articles/search/`, as
/// Trunk's hook writes it for `dist/`.
pub fn search_index(
    toolchain: &tools::Toolchain,
    root: &Path,
    sources: &Path,
    site: &Path,
) -> Result<()> {
    let records = site.join("search-records.jsonl");
    run_command(
        articles_cli(toolchain)
            .arg("search-records")
            .arg(sources)
            .arg(&records),
    )?;
    run_command(
        toolchain
            .command("node")
            .arg(root.join("xtask/build-search-index.mjs"))
            .arg(site)
            .arg(&records),
    )?;
    std::fs::remove_file(&records)?;
    Ok(())
}

/// A site of [`PAGED_ARTICLES`] generated articles (synthetic test data).
pub fn paged_site(toolchain: &tools::Toolchain, root: &Path) -> Result<PathBuf> {
    let sources = root.join("target/e2e-paged/articles");
    let _ = std::fs::remove_dir_all(&sources);
    generate::articles(root, &sources, PAGED_ARTICLES)?;
    let site = root.join("target/e2e-paged/site");
    site_of(toolchain, root, &sources, &site, true)?;
    Ok(site)
}
