//! What only the whole catalog can tell, worked out from one small [`Record`] per source
//! file rather than from the articles themselves, so that a catalog of any size is
//! checked in little memory: duplicate slugs, and whether related articles exist.
//!
//! Each check is a function over the records that reports into [`Findings`]; a new
//! whole-catalog check (such as one over translations) is one more such function, called
//! from [`check`], with whatever it needs of each file added to [`Facts`] (and filled in
//! by `scan::record`). `articles build` remembers the facts of each source as they are,
//! so they need nothing more to survive an incremental build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::diagnostics::Diagnostic;
use crate::model::{CatalogEntry, RelatedArticle};

/// All the catalog keeps of one source file: where it is, what it says of itself, and
/// what its own checks found.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub path: PathBuf,
    pub facts: Facts,
    /// What the checks of this file alone found, in their order.
    pub diagnostics: Vec<Diagnostic>,
}

/// What one file says that the whole-catalog checks and the catalog need: plain data,
/// which a build can remember beside the source's hash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    /// Where the slug is written, for problems that involve other files.
    pub slug_line: usize,
    /// The slugs of the related articles, and their lines.
    pub related: Vec<(String, usize)>,
    /// The article's line of the catalog (`index.json`), when the file had no error.
    pub entry: Option<CatalogEntry>,
}

impl Record {
    /// The name other articles give it: its file name without `.md`.
    fn name(&self) -> Option<&str> {
        self.path.file_stem().and_then(|stem| stem.to_str())
    }
}

/// The outcome of the whole-catalog checks, record by record.
#[derive(Debug, Default)]
pub struct Findings {
    /// What the whole-catalog checks found in each record, by its place in the records.
    pub diagnostics: Vec<Vec<Diagnostic>>,
    /// Whether each record is an article of the catalog: it had no error, and no
    /// earlier file took its slug.
    pub kept: Vec<bool>,
    /// The record each name (file name or slug) stands for: `None` for a file with
    /// errors, so that a related link to a broken article is reported once, on that
    /// article.
    by_name: HashMap<String, Option<usize>>,
}

impl Findings {
    /// The related articles of record `index`, with their questions, as far as they
    /// exist (the ones that do not were reported).
    pub fn related(&self, records: &[Record], index: usize) -> Vec<RelatedArticle> {
        records[index]
            .facts
            .related
            .iter()
            .filter_map(|(slug, _)| {
                let other = (*self.by_name.get(slug)?)?;
                let entry = records[other].facts.entry.as_ref()?;
                Some(RelatedArticle {
                    slug: entry.slug.clone(),
                    question: entry.question.clone(),
                })
            })
            .collect()
    }

    /// Every diagnostic: each record's own, then what the whole catalog found in it, in
    /// the records' order (the files' sorted paths).
    pub fn all<'a>(&'a self, records: &'a [Record]) -> impl Iterator<Item = &'a Diagnostic> {
        records
            .iter()
            .zip(&self.diagnostics)
            .flat_map(|(record, found)| record.diagnostics.iter().chain(found))
    }
}

/// Runs every whole-catalog check over `records`, the files of `dir` in path order.
pub fn check(records: &[Record], dir: &Path) -> Findings {
    let mut findings = Findings {
        diagnostics: vec![Vec::new(); records.len()],
        kept: vec![false; records.len()],
        by_name: HashMap::with_capacity(records.len()),
    };
    duplicate_slugs(records, &mut findings);
    related(records, dir, &mut findings);
    findings
}

/// Keeps the first file of each slug; any later one is an error. With slugs equal to
/// file names only names that are not UTF-8 can collide.
fn duplicate_slugs(records: &[Record], findings: &mut Findings) {
    let mut first_use: HashMap<&str, &Path> = HashMap::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        if let Some(name) = record.name() {
            findings.by_name.entry(name.to_owned()).or_insert(None);
        }
        let Some(entry) = &record.facts.entry else {
            continue;
        };
        if let Some(first) = first_use.get(entry.slug.as_str()) {
            let message = format!(
                "duplicate slug `{}`: {} uses it too",
                entry.slug,
                first.display()
            );
            let duplicate = Diagnostic::error(&record.path, record.facts.slug_line, message);
            findings.diagnostics[index].push(duplicate);
            continue;
        }
        first_use.insert(entry.slug.as_str(), &record.path);
        findings.kept[index] = true;
        findings.by_name.insert(entry.slug.to_string(), Some(index));
    }
}

/// Every related slug of an article kept names an article of the catalog.
fn related(records: &[Record], dir: &Path, findings: &mut Findings) {
    for (index, record) in records.iter().enumerate() {
        if !findings.kept[index] {
            continue;
        }
        for (slug, line) in &record.facts.related {
            if findings.by_name.contains_key(slug) {
                continue;
            }
            let message = format!(
                "related: no article `{slug}` in {}: related articles must be in the same catalog",
                dir.display()
            );
            findings.diagnostics[index].push(Diagnostic::error(&record.path, *line, message));
        }
    }
}
