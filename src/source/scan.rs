//! A whole folder of sources read on every core, keeping of each file only its small
//! [`Record`]: what `articles check` and `articles build` need to check a catalog of any
//! size in bounded memory.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::catalog::{self, Facts, Findings, Record};
use super::diagnostics::Diagnostic;
use super::{article_paths, parse_article, publisher, Parsed};
use crate::model::{Article, Date, Language, Publisher};

/// A folder checked file by file: its publisher, and one record per article source.
#[derive(Debug)]
pub struct Scan {
    pub publisher: Publisher,
    /// What `publisher.toml` has wrong, or that it is missing.
    pub publisher_diagnostics: Vec<Diagnostic>,
    /// One record per source file, in path order.
    pub records: Vec<Record>,
    pub findings: Findings,
}

impl Scan {
    /// Every diagnostic, the publisher's first, then file by file in path order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.publisher_diagnostics
            .iter()
            .chain(self.findings.all(&self.records))
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics()
            .any(|diagnostic| diagnostic.severity == super::Severity::Error)
    }

    /// How many articles the catalog has: the records kept.
    pub fn article_count(&self) -> usize {
        self.findings.kept.iter().filter(|kept| **kept).count()
    }
}

/// How many sources are read between two folds of their results into the records: what
/// the threads hold besides the records stays bounded.
pub const BATCH: usize = 4096;

/// Checks every article of `dir` as [`super::load_dir`] does, on every core, but keeps
/// no article: only the records, whatever the size of the catalog.
pub fn scan_dir(dir: &Path, today: Date) -> std::io::Result<Scan> {
    let (publisher, publisher_diagnostics) = read_publisher(dir)?;
    let paths = article_paths(dir)?;
    let language = super::publisher_language(&publisher);
    let mut records = Vec::with_capacity(paths.len());
    for batch in paths.chunks(BATCH) {
        let parsed = in_parallel(batch, |path| {
            let text = std::fs::read_to_string(path)?;
            let parsed = parse_article(path, &text, today);
            Ok::<_, std::io::Error>(record(path, parsed, language).0)
        });
        for record in parsed {
            records.push(record?);
        }
    }
    let findings = catalog::check(&records, dir, &publisher);
    Ok(Scan {
        publisher,
        publisher_diagnostics,
        records,
        findings,
    })
}

/// The publisher of `dir`'s `publisher.toml` (the default, empty one when it has
/// errors) and what is wrong with it.
pub fn read_publisher(dir: &Path) -> std::io::Result<(Publisher, Vec<Diagnostic>)> {
    let path = dir.join(publisher::FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let (publisher, diagnostics) = publisher::read(&path, &text);
            Ok((publisher.unwrap_or_default(), diagnostics))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok((
            Publisher::default(),
            vec![Diagnostic::error(
                &path,
                1,
                "missing: the publisher's name, links, review body and disclaimers live here (see articles/README.md)",
            )],
        )),
        Err(error) => Err(error),
    }
}

/// The record of the file at `path` parsed into `parsed`, and its article if it had
/// no error, in its own language or else in `language`, the publisher's.
pub fn record(path: &Path, parsed: Parsed, language: Language) -> (Record, Option<Article>) {
    let mut article = parsed.article;
    if let Some(article) = &mut article {
        article.lang = Some(article.lang.unwrap_or(language));
    }
    let record = Record {
        path: path.to_path_buf(),
        facts: Facts {
            slug_line: parsed.slug_line,
            related: parsed.related,
            entry: article.as_ref().map(Article::catalog_entry),
            languages: parsed.languages,
        },
        diagnostics: parsed.diagnostics,
    };
    (record, article)
}

/// `work` done on each of `items` on every core, the results in the items' order.
pub fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |count| count.get());
    in_parallel_on(threads, items, work)
}

/// [`in_parallel`] on `threads` threads. Each takes the next item as it finishes one, so
/// that a long article holds up one thread, not a share of the work decided beforehand.
pub fn in_parallel_on<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.clamp(1, items.len().max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else {
                            return done;
                        };
                        done.push((index, work(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            // A worker that panicked has hit a bug: pass its panic on.
            .flat_map(|worker| match worker.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}
