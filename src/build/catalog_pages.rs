//! The catalog's files as `articles build` writes them: `index.json`, its first page with
//! the publisher and the size of the whole, then `catalog/<n>.json` for page `n` from 2
//! on. Each is written only when its bytes change, so that a sync by checksum or date
//! uploads only what did; pages past the last one are removed when the catalog shrinks.
//! Slugs cannot hold a `/`, so `catalog/` never meets an article's `<slug>.json`.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde::Serialize;

use crate::model::{Catalog, CatalogEntry, Publisher, PAGE_FOLDER, PAGE_SIZE};

use super::manifest;

/// What the last build wrote of the catalog, as the manifest remembers it.
pub struct Last<'a> {
    /// The hash of `index.json`.
    pub index: Option<u64>,
    /// The hashes of pages 2, 3, … in order.
    pub pages: &'a [u64],
    /// Whether the lines of the catalog are the ones the last build wrote, none gone:
    /// then the pages after the first are as they were, and are not even hashed again.
    pub lines_unchanged: bool,
}

/// The catalog's files, written: the hashes of `index.json` and of each later page.
pub struct Written {
    pub index: u64,
    pub pages: Vec<u64>,
}

/// A page from 2 on, as `CatalogPage` writes it, from borrowed entries.
#[derive(Serialize)]
struct Page<'a> {
    articles: &'a [&'a CatalogEntry],
}

/// Writes the catalog of `entries` (newest first) into `out`: `data_bytes` is the size
/// of every article's data together.
pub fn write(
    out: &Path,
    entries: &[&CatalogEntry],
    publisher: &Publisher,
    data_bytes: u64,
    last: Last,
) -> Result<Written, String> {
    let first = Catalog::first_page_of(
        entries.iter().copied(),
        Rc::new(publisher.in_own_language()),
        data_bytes,
    );
    let index = write_if_changed(&out.join("index.json"), &first, last.index)?;

    let pages = entries.chunks(PAGE_SIZE).skip(1);
    let folder = out.join(PAGE_FOLDER);
    let mut hashes = Vec::with_capacity(pages.len());
    for (page, last_hash) in pages.zip(last.pages.iter().map(Some).chain(std::iter::repeat(None))) {
        if hashes.is_empty() {
            std::fs::create_dir_all(&folder)
                .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        }
        let path = out.join(Catalog::page_file(hashes.len() + 2));
        let hash = match last_hash {
            Some(hash) if last.lines_unchanged && path.is_file() => *hash,
            last_hash => write_if_changed(&path, &Page { articles: page }, last_hash.copied())?,
        };
        hashes.push(hash);
    }
    remove_stale_pages(&folder, hashes.len() + 1)?;
    Ok(Written {
        index,
        pages: hashes,
    })
}

/// Removes the pages past `page_count` from `folder`, and the folder itself when the
/// catalog is one page and nothing else is in it: a catalog that shrank must not leave
/// pages that a reader's browser would still walk.
fn remove_stale_pages(folder: &Path, page_count: usize) -> Result<(), String> {
    remove_pages_past(
        folder,
        page_count,
        |name| name.strip_suffix(".json")?.parse().ok(),
        |path| std::fs::remove_file(path),
    )
}

/// Removes from `folder` each entry whose name `page_of` reads as a page number past
/// `page_count` (or before 2), through `remove`, and then `folder` itself if nothing is
/// left in it. Only the build's own pages: anything else someone put there stays.
pub fn remove_pages_past(
    folder: &Path,
    page_count: usize,
    page_of: impl Fn(&str) -> Option<usize>,
    remove: impl Fn(&Path) -> std::io::Result<()>,
) -> Result<(), String> {
    let cannot =
        |error: std::io::Error| format!("cannot remove from {}: {error}", folder.display());
    let listing = match std::fs::read_dir(folder) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        listing => listing.map_err(cannot)?,
    };
    for entry in listing {
        let path = entry.map_err(cannot)?.path();
        let number = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(&page_of);
        if number.is_some_and(|number| !(2..=page_count).contains(&number)) {
            remove(&path).map_err(cannot)?;
        }
    }
    match std::fs::remove_dir(folder) {
        Err(error)
            if !matches!(
                error.kind(),
                std::io::ErrorKind::DirectoryNotEmpty | std::io::ErrorKind::NotFound
            ) =>
        {
            Err(cannot(error))
        }
        _ => Ok(()),
    }
}

/// Writes `value` as JSON to `path` unless the file there already has the text of hash
/// `last`; returns the text's hash.
pub fn write_if_changed(
    path: &PathBuf,
    value: &impl Serialize,
    last: Option<u64>,
) -> Result<u64, String> {
    let cannot_write =
        |error: &dyn std::fmt::Display| format!("cannot write {}: {error}", path.display());
    let hash = manifest::hash_json(value).map_err(|error| cannot_write(&error))?;
    if last == Some(hash) && path.is_file() {
        return Ok(hash);
    }
    let mut writer =
        std::io::BufWriter::new(std::fs::File::create(path).map_err(|error| cannot_write(&error))?);
    let data = crate::json::to_data(value).map_err(|error| cannot_write(&error))?;
    std::io::Write::write_all(&mut writer, &data).map_err(|error| cannot_write(&error))?;
    std::io::Write::flush(&mut writer).map_err(|error| cannot_write(&error))?;
    Ok(hash)
}

#[cfg(test)]
mod tests {
    use crate::model::{Audience, CatalogPage, Date, ReviewStatus, Slug};

    use super::*;

    #[test]
    fn a_page_is_written_as_a_catalog_page_reads_it() {
        let entry = CatalogEntry {
            slug: Slug::parse("als").unwrap(),
            question: "What treats ALS?".into(),
            lang: None,
            updated: Date::new(2026, 11, 27).unwrap(),
            review_status: ReviewStatus::Submitted,
            audiences: Audience::ALL.to_vec(),
        };
        let page = Page {
            articles: &[&entry],
        };
        let owned = CatalogPage {
            articles: vec![entry.clone()],
        };
        let written = crate::json::to_data(&page).unwrap();
        let read = crate::json::from_data::<CatalogPage>(std::str::from_utf8(&written).unwrap());
        assert_eq!(read, Ok(owned));
    }
}
