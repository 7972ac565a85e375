//! What `articles build` remembers in OUT of its last run, so that the next one parses
//! only the sources that changed and writes only the files that would change:
//! `.articles-build.jsonl`, one JSON line of [`Header`], then one [`Entry`] per article
//! written. Source files are named by their file name only, so that nothing of the
//! author's machine is published with the data.

use std::collections::HashMap;
use std::hash::Hasher;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Date;
use crate::source::{self, Diagnostic, Facts, Record, Severity};

pub const FILE_NAME: &str = ".articles-build.jsonl";

/// What every entry depends on beyond its own source: when any of it changes, no entry
/// can be trusted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The hash of the `articles` executable: new code may parse or write differently.
    pub tool: u64,
    /// The hash of `publisher.toml`, which every article's data carries.
    pub publisher: u64,
    /// The day of the build. The checks that read the date only ever find more wrong
    /// as days pass, except for an overdue review, which `Entry::reusable` handles; a
    /// clock set back is the one case where a remembered check may be wrong.
    pub built_on: Date,
    /// The hash of the `index.json` written.
    pub index: u64,
    /// The hashes of the catalog's pages written after the first, `catalog/2.json` on.
    #[serde(default)]
    pub pages: Vec<u64>,
}

/// A warning as remembered: its line and its message.
pub type Warning = (usize, String);

/// One article written: its source's hash, its record, and what its data was written with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The source's file name in DIR.
    pub file: String,
    /// The hash of the source's bytes.
    pub source: u64,
    /// What the source says that the whole-catalog checks need; its `entry` is there, as
    /// the article was written.
    pub facts: Facts,
    pub next_review_due: Date,
    /// The warnings of its own checks (an article written had no error), but for the
    /// overdue review's, whose words change with the day.
    pub warnings: Vec<Warning>,
    /// Where among `warnings` the overdue review's warning goes, and its line, when the
    /// review was overdue.
    pub overdue: Option<(usize, usize)>,
    /// The hash of the related articles and their questions its data was written with:
    /// when another article's question changes, this one's data must be written again.
    pub links_hash: u64,
}

impl Entry {
    /// Whether its record stands for its source, unparsed, on `today`. Of the checks of
    /// an article without error only the overdue review's changes with the day: a review
    /// overdue when recorded stays so and its warning is said again with today's date,
    /// but one that fell due since has no place among the warnings yet, so its source is
    /// parsed again (once: the next build remembers where the warning goes).
    pub fn reusable(&self, today: Date) -> bool {
        self.overdue.is_some() || self.next_review_due >= today
    }

    /// The record of this entry's source, at `path`, on `today`, and the hashes of the
    /// source and of the related articles its data was written with.
    pub fn into_record(self, path: PathBuf, today: Date) -> (Record, (u64, u64)) {
        let mut warnings = self.warnings;
        if let Some((place, line)) = self.overdue {
            let warning = (line, source::overdue_warning(self.next_review_due, today));
            warnings.insert(place.min(warnings.len()), warning);
        }
        let diagnostics = warnings
            .into_iter()
            .map(|(line, message)| Diagnostic {
                path: path.clone(),
                line,
                severity: Severity::Warning,
                message,
            })
            .collect();
        let record = Record {
            path,
            facts: self.facts,
            diagnostics,
        };
        (record, (self.source, self.links_hash))
    }

    /// The warnings of `record`, whose file had no error and whose review is due on
    /// `next_review_due`, as of `today`: the others, and where the overdue one goes.
    pub fn warnings_of(
        record: &Record,
        next_review_due: Date,
        today: Date,
    ) -> (Vec<Warning>, Option<(usize, usize)>) {
        let overdue = source::overdue_warning(next_review_due, today);
        let mut warnings = Vec::new();
        let mut place = None;
        for diagnostic in &record.diagnostics {
            if place.is_none() && diagnostic.message == overdue {
                place = Some((warnings.len(), diagnostic.line));
            } else {
                warnings.push((diagnostic.line, diagnostic.message.clone()));
            }
        }
        (warnings, place)
    }
}

/// The last build's manifest, when it was made with `header`'s tool and publisher on or
/// before `today`; else none, and everything is built afresh.
pub fn load(
    out: &Path,
    tool: u64,
    publisher: u64,
    today: Date,
) -> Option<(Header, HashMap<String, Entry>)> {
    let text = std::fs::read_to_string(out.join(FILE_NAME)).ok()?;
    let mut lines = text.lines();
    let header: Header = serde_json::from_str(lines.next()?).ok()?;
    if header.tool != tool || header.publisher != publisher || header.built_on > today {
        return None;
    }
    let lines: Vec<&str> = lines.collect();
    let mut entries = HashMap::with_capacity(lines.len());
    for batch in lines.chunks(source::BATCH) {
        let read = source::in_parallel(batch, |line| serde_json::from_str::<Entry>(line));
        for entry in read {
            // A manifest that cannot be read whole is no guide to what is up to date.
            let entry = entry.ok()?;
            entries.insert(entry.file.clone(), entry);
        }
    }
    Some((header, entries))
}

/// Writes the manifest beside a temporary name first, so that a build stopped halfway
/// leaves the last whole one. It is not synced to disk: a manifest lost in a crash only
/// means entries missing, whose articles are then built again.
pub fn save(
    out: &Path,
    header: &Header,
    entries: impl Iterator<Item = Entry>,
) -> std::io::Result<()> {
    let path = out.join(FILE_NAME);
    let partial = out.join(format!("{FILE_NAME}.partial"));
    let mut writer = BufWriter::new(std::fs::File::create(&partial)?);
    serde_json::to_writer(&mut writer, header)?;
    writer.write_all(b"\n")?;
    for entry in entries {
        serde_json::to_writer(&mut writer, &entry)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    std::fs::rename(partial, path)
}

/// A hash of `bytes`: to tell whether a file changed, not to resist anyone.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// A hash of `value`'s JSON, which is what the build writes of it.
pub fn hash_json(value: &impl Serialize) -> std::io::Result<u64> {
    let mut hasher = HashingWriter::default();
    serde_json::to_writer(&mut hasher, value)?;
    Ok(hasher.hash())
}

/// A writer that only hashes what is written: to tell whether a file would change
/// without holding its text.
#[derive(Default)]
struct HashingWriter(std::hash::DefaultHasher);

impl HashingWriter {
    fn hash(&self) -> u64 {
        self.0.finish()
    }
}

impl Write for HashingWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::source::LanguageLinks;

    use super::*;

    fn day(text: &str) -> Date {
        text.parse().expect("a valid date")
    }

    fn warning(line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: PathBuf::from("articles/demo.md"),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    fn entry(next_review_due: Date, record: &Record, today: Date) -> Entry {
        let (warnings, overdue) = Entry::warnings_of(record, next_review_due, today);
        Entry {
            file: "demo.md".into(),
            source: 1,
            facts: record.facts.clone(),
            next_review_due,
            warnings,
            overdue,
            links_hash: 2,
        }
    }

    fn record(diagnostics: Vec<Diagnostic>) -> Record {
        Record {
            path: PathBuf::from("articles/demo.md"),
            facts: Facts {
                slug_line: 2,
                related: Vec::new(),
                entry: None,
                languages: LanguageLinks::default(),
            },
            diagnostics,
        }
    }

    #[test]
    fn an_overdue_reviews_warning_is_said_again_in_its_place_with_the_day_of_the_build() {
        let due = day("2026-01-01");
        let built = day("2026-02-01");
        let first = record(vec![
            warning(3, "raw HTML is shown as text"),
            warning(5, source::overdue_warning(due, built)),
            warning(30, "start the body's headings at ##"),
        ]);
        let entry = entry(due, &first, built);
        assert_eq!(entry.overdue, Some((1, 5)));
        assert_eq!(entry.warnings.len(), 2);
        let later = day("2026-03-01");
        assert!(entry.reusable(later));
        let (again, hashes) = entry.into_record(first.path.clone(), later);
        assert_eq!(hashes, (1, 2));
        assert_eq!(
            again.diagnostics,
            [
                warning(3, "raw HTML is shown as text"),
                warning(5, source::overdue_warning(due, later)),
                warning(30, "start the body's headings at ##"),
            ]
        );
    }

    #[test]
    fn a_review_that_fell_due_since_the_last_build_has_its_source_parsed_again() {
        let due = day("2026-01-01");
        let entry = entry(due, &record(Vec::new()), day("2025-12-01"));
        assert_eq!(entry.overdue, None);
        assert!(entry.reusable(day("2025-12-31")));
        assert!(entry.reusable(due));
        assert!(!entry.reusable(day("2026-01-02")));
    }
}
