//! The two passes of `articles build`, `articles site` and `articles search-records`. Pass one: every source read
//! on every core and hashed, and either parsed into its record or, when its bytes are the
//! ones the last build recorded and its checks cannot have changed with the day, given the
//! record the manifest kept; then the whole-catalog checks. Pass two: an article parsed
//! again and completed with what only the catalog knows.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde::Serialize;

use crate::model::{Article, CatalogEntry, Date, Keyed, Language, Publisher, RelatedArticle, Slug};
use crate::source::{self, Findings, Record};

use super::manifest::{self, Entry};

/// The sources of DIR after pass one and the whole-catalog checks, without an error.
pub struct Checked {
    pub publisher: Publisher,
    pub read: Read,
    pub findings: Findings,
}

/// [`check_records`], for a command that writes into the folder `out`: `None` when
/// the diagnostics printed have an error, and then nothing is to be written to `out`;
/// otherwise `out` is created.
pub fn check_records_for_writing(
    dir: &Path,
    previous: &mut HashMap<String, Entry>,
    out: &Path,
    today: Date,
) -> Result<Option<Checked>, String> {
    let Some(checked) = check_records(dir, previous, today)? else {
        eprintln!("articles: nothing written to {}", out.display());
        return Ok(None);
    };
    std::fs::create_dir_all(out)
        .map_err(|error| format!("cannot create {}: {error}", out.display()))?;
    Ok(Some(checked))
}

/// Pass one over DIR (see [`read`]) and the whole-catalog checks over its records, their
/// diagnostics printed: `None` when any is an error.
pub fn check_records(
    dir: &Path,
    previous: &mut HashMap<String, Entry>,
    today: Date,
) -> Result<Option<Checked>, String> {
    let cannot_read = |error: std::io::Error| format!("cannot read {}: {error}", dir.display());
    let (publisher, publisher_diagnostics) = source::read_publisher(dir).map_err(cannot_read)?;
    let paths = source::article_paths(dir).map_err(cannot_read)?;
    let read = read(paths, previous, &publisher, today)?;
    let findings = source::check_catalog(&read.records, dir, &publisher);
    let diagnostics = publisher_diagnostics
        .iter()
        .chain(findings.all(&read.records));
    let mut has_errors = false;
    for diagnostic in diagnostics {
        has_errors |= diagnostic.severity == source::Severity::Error;
        eprintln!("{diagnostic}");
    }
    if has_errors {
        return Ok(None);
    }
    Ok(Some(Checked {
        publisher,
        read,
        findings,
    }))
}

/// The lines of the catalog's articles, newest first, then by slug: `index.json`'s order.
pub fn catalog_entries<'a>(records: &'a [Record], findings: &Findings) -> Vec<&'a CatalogEntry> {
    let mut entries: Vec<&CatalogEntry> = records
        .iter()
        .zip(&findings.kept)
        .filter_map(|(record, kept)| record.facts.entry.as_ref().filter(|_| *kept))
        .collect();
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));
    entries
}

/// What the rest of the catalog gives an article: its links to other articles of the
/// catalog (not the widget's links that open a page, `components::article_link::Links`).
#[derive(Serialize)]
pub struct CatalogLinks {
    /// Its related articles, with their questions.
    pub related: Vec<RelatedArticle>,
    /// Its translations that point back.
    pub translations: Keyed<Language, Slug>,
}

impl CatalogLinks {
    /// The links of the article of record `index`.
    pub fn of(records: &[Record], findings: &Findings, index: usize) -> CatalogLinks {
        CatalogLinks {
            related: findings.related(records, index),
            translations: findings.translations[index].clone(),
        }
    }
}

/// Pass two: what completes an article parsed again, the publisher in each language.
pub struct Completion {
    /// The publisher in each language of the catalog: every one has its own, or the
    /// checks stopped the command.
    publishers: BTreeMap<Language, Publisher>,
    /// The language of the articles that name none.
    language: Language,
}

impl Completion {
    pub fn new(publisher: &Publisher) -> Completion {
        let shared = Rc::new(publisher.clone());
        let mut speaking = source::Publishers::new(&shared);
        // Made once per language, here, rather than once per article.
        let publishers = Language::ALL
            .iter()
            .filter_map(|language| Some((*language, (*speaking.speaking(*language)?).clone())))
            .collect();
        Completion {
            publishers,
            language: source::publisher_language(publisher),
        }
    }

    /// The article at `path` parsed again (pass one kept only its record), when its
    /// bytes still hash to `source_hash`, completed with its `links`.
    pub fn article(
        &self,
        path: &Path,
        source_hash: u64,
        links: &CatalogLinks,
        today: Date,
    ) -> Result<Article, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let changed = || {
            format!(
                "{} changed since it was checked: run the command again",
                path.display()
            )
        };
        if manifest::hash(text.as_bytes()) != source_hash {
            return Err(changed());
        }
        let mut article = source::parse_article(path, &text, today)
            .article
            .ok_or_else(changed)?;
        article.related = links.related.clone();
        article.translations = links.translations.clone();
        article.lang = Some(article.lang.unwrap_or(self.language));
        if let Some(localized) = self.publishers.get(&article.language()) {
            article.publisher = Rc::new(localized.clone());
        }
        Ok(article)
    }
}

/// One source after pass one.
struct PassOne {
    /// Its file name in DIR, when it is UTF-8 (a manifest remembers no other).
    file: Option<String>,
    source_hash: u64,
    /// Its record and its next review, when it was parsed: `None` when the last
    /// build's entry stands for it.
    parsed: Option<(Record, Option<Date>)>,
}

/// What the build knows of one source besides its record.
pub struct Source {
    pub file: Option<String>,
    pub hash: u64,
    /// `None` when the file had an error.
    pub next_review_due: Option<Date>,
    /// The hashes of the source and of the related articles its data was last written
    /// with.
    pub last_written: Option<(u64, u64)>,
}

/// The sources of DIR after pass one.
pub struct Read {
    /// One per source, in path order.
    pub records: Vec<Record>,
    /// One per source, beside its record.
    pub sources: Vec<Source>,
    /// Whether any line of the catalog may differ from the last build's.
    pub entries_changed: bool,
    /// How many sources were parsed.
    pub parsed: usize,
}

/// Every source of DIR at `paths`, batch by batch, each entry of the last build moved into
/// its source's record; what is left in `previous` are the articles withdrawn since.
pub fn read(
    mut paths: Vec<PathBuf>,
    previous: &mut HashMap<String, Entry>,
    publisher: &Publisher,
    today: Date,
) -> Result<Read, String> {
    let language = source::publisher_language(publisher);
    let mut records = Vec::with_capacity(paths.len());
    let mut sources = Vec::with_capacity(paths.len());
    let mut entries_changed = false;
    let mut parsed_count = 0;
    for batch in paths.chunks_mut(source::BATCH) {
        let passed = source::in_parallel(batch, |path| pass_one(path, previous, language, today));
        for (path, passed) in batch.iter_mut().zip(passed) {
            let path = std::mem::take(path);
            let PassOne {
                file,
                source_hash,
                parsed,
            } = passed.map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            let last = file.as_ref().and_then(|file| previous.remove(file));
            let (record, next_review_due, last_written) = match (parsed, last) {
                (Some((record, next_review_due)), last) => {
                    parsed_count += 1;
                    entries_changed |=
                        last.as_ref().map(|last| &last.facts.entry) != Some(&record.facts.entry);
                    let last_written = last.map(|last| (last.source, last.links_hash));
                    (record, next_review_due, last_written)
                }
                (None, Some(last)) => {
                    let next_review_due = Some(last.next_review_due);
                    let (record, last_written) = last.into_record(path, today);
                    (record, next_review_due, Some(last_written))
                }
                (None, None) => return Err(format!("{}: no record", path.display())),
            };
            records.push(record);
            sources.push(Source {
                file,
                hash: source_hash,
                next_review_due,
                last_written,
            });
        }
    }
    Ok(Read {
        records,
        sources,
        entries_changed,
        parsed: parsed_count,
    })
}

/// Pass one for the source at `path`: its hash, and its record unless the last build's
/// entry stands for it (the same bytes, and checks that cannot have changed with the day).
fn pass_one(
    path: &Path,
    previous: &HashMap<String, Entry>,
    language: Language,
    today: Date,
) -> std::io::Result<PassOne> {
    let bytes = std::fs::read(path)?;
    let source_hash = manifest::hash(&bytes);
    let file = path
        .file_name()
        .and_then(|name| name.to_str())
        .map(str::to_owned);
    let last = file.as_ref().and_then(|file| previous.get(file));
    if last.is_some_and(|last| last.source == source_hash && last.reusable(today)) {
        return Ok(PassOne {
            file,
            source_hash,
            parsed: None,
        });
    }
    let text = String::from_utf8(bytes)
        .map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidData, error))?;
    let parsed = source::parse_article(path, &text, today);
    let (record, article) = source::record(path, parsed, language);
    Ok(PassOne {
        file,
        source_hash,
        parsed: Some((record, article.map(|article| article.next_review_due))),
    })
}
