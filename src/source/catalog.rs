//! What only the whole catalog can tell, worked out from one small [`Record`] per source
//! file rather than from the articles themselves, so that a catalog of any size is
//! checked in little memory: duplicate slugs, whether related articles exist, and
//! whether each article's translations exist, are in their language and point back,
//! and the publisher has words in its language.
//!
//! Each check is a function over the records that reports into [`Findings`]; a new
//! whole-catalog check is one more such function, called
//! from [`check`], with whatever it needs of each file added to [`Facts`] (and filled in
//! by `scan::record`). `articles build` remembers the facts of each source as they are,
//! so they need nothing more to survive an incremental build.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::diagnostics::Diagnostic;
use crate::model::{CatalogEntry, Keyed, Language, Publisher, RelatedArticle, Slug};

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
    /// The article's line of the catalog (`index.json`), when the file had no error;
    /// its `lang` is the article's language, its own or the publisher's.
    pub entry: Option<CatalogEntry>,
    pub languages: LanguageLinks,
}

/// What one source file says of its language, with the lines to report problems on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LanguageLinks {
    /// Where `lang` is written, else the slug's line.
    pub lang_line: usize,
    /// Each translation's language, slug and line, as written.
    pub translations: Vec<(Language, String, usize)>,
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
    /// The translations of each record that point back, by language.
    pub translations: Vec<Keyed<Language, Slug>>,
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

/// Runs every whole-catalog check over `records`, the files of `dir` in path order, whose
/// publisher is `publisher`.
pub fn check(records: &[Record], dir: &Path, publisher: &Publisher) -> Findings {
    let mut findings = Findings {
        diagnostics: vec![Vec::new(); records.len()],
        kept: vec![false; records.len()],
        translations: vec![Keyed::new(); records.len()],
        by_name: HashMap::with_capacity(records.len()),
    };
    duplicate_slugs(records, &mut findings);
    related(records, dir, &mut findings);
    publisher_words(records, publisher, &mut findings);
    translations(records, dir, &mut findings);
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

/// The language of a record's article: its entry's, which `scan::record` set.
fn language_of(record: &Record) -> Option<Language> {
    record.facts.entry.as_ref().and_then(|entry| entry.lang)
}

/// The publisher has words (review body, follow-up, disclaimers) in the language of
/// every article kept, unless `publisher.toml` itself could not be read (reported there).
fn publisher_words(records: &[Record], publisher: &Publisher, findings: &mut Findings) {
    if publisher.language.is_empty() {
        return;
    }
    let mut speaks: BTreeMap<Language, bool> = BTreeMap::new();
    for (index, record) in records.iter().enumerate() {
        let Some(language) = language_of(record).filter(|_| findings.kept[index]) else {
            continue;
        };
        let spoken = *speaks
            .entry(language)
            .or_insert_with(|| publisher.in_language(language).is_some());
        if !spoken {
            let message = format!(
                "lang `{language}`: publisher.toml has no words in `{language}`: add a [translations.{language}] table with its review body, follow-up and disclaimers"
            );
            let line = record.facts.languages.lang_line;
            findings.diagnostics[index].push(Diagnostic::error(&record.path, line, message));
        }
    }
}

/// Each translation of an article kept is an article of the catalog, in the language it
/// is listed under, that lists this one back; those that are become its translations.
fn translations(records: &[Record], dir: &Path, findings: &mut Findings) {
    for (index, record) in records.iter().enumerate() {
        let (Some(language_here), Some(entry)) = (language_of(record), &record.facts.entry) else {
            continue;
        };
        if !findings.kept[index] {
            continue;
        }
        for (language, other, line) in &record.facts.languages.translations {
            let Some(slug) = Slug::parse(other) else {
                continue;
            };
            let problem = match findings.by_name.get(other) {
                // That article has errors of its own, reported on it.
                Some(None) => continue,
                None => format!(
                    "translations.{language}: no article `{other}` in {}: a translation must be in the same catalog",
                    dir.display()
                ),
                Some(Some(there)) => {
                    let there = &records[*there];
                    let written_in = language_of(there);
                    let points_back = there
                        .facts
                        .languages
                        .translations
                        .iter()
                        .rev()
                        .find(|(listed, _, _)| Some(*listed) == Some(language_here))
                        .is_some_and(|(_, back, _)| *back == entry.slug.as_str());
                    if written_in != Some(*language) {
                        let written_in = written_in.map_or(String::new(), |lang| lang.to_string());
                        format!("translations.{language}: `{other}` is in `{written_in}`, not `{language}`")
                    } else if !points_back {
                        format!(
                            "translations.{language}: `{other}` does not point back: add `{language_here} = \"{}\"` to its translations",
                            entry.slug
                        )
                    } else {
                        findings.translations[index].insert(*language, slug);
                        continue;
                    }
                }
            };
            findings.diagnostics[index].push(Diagnostic::error(&record.path, *line, problem));
        }
    }
}
