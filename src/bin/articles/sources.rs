//! Pass one of `articles build`: every source read on every core and hashed, and either
//! parsed into its record or, when its bytes are the ones the last build recorded and
//! its checks cannot have changed with the day, given the record the manifest kept.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use article_widget::model::{Date, Language, Publisher};
use article_widget::source::{self, Record};

use crate::manifest::{self, Entry};

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
