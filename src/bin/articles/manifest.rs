//! What `articles build` remembers in OUT of its last run, so that the next one parses
//! only the sources that changed and writes only the files that would change:
//! `.articles-build.jsonl`, one JSON line of [`Header`], then one [`Entry`] per article
//! written. Source files are named by their file name only, so that nothing of the
//! author's machine is published with the data.

use std::collections::HashMap;
use std::hash::Hasher;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use article_widget::model::Date;
use article_widget::source::{self, Diagnostic, Facts, Record, Severity};
use serde::{Deserialize, Serialize};

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
}

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
    /// The warnings of its own checks, each at its line: an article written had no error.
    pub warnings: Vec<(usize, String)>,
    /// The hash of the related articles and their questions its data was written with:
    /// when another article's question changes, this one's data must be written again.
    pub related_hash: u64,
}

impl Entry {
    /// Whether its record stands for its source, unparsed, on `today`. Only an overdue
    /// review's warning changes with the day (it says the date), so such an article is
    /// parsed again; one that was not overdue when recorded and is not now has the same
    /// diagnostics.
    pub fn reusable(&self, today: Date) -> bool {
        self.next_review_due >= today
    }

    /// The record of this entry's source, at `path`, and the hashes of the source and
    /// of the related articles its data was written with.
    pub fn into_record(self, path: PathBuf) -> (Record, (u64, u64)) {
        let diagnostics = self
            .warnings
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
        (record, (self.source, self.related_hash))
    }

    /// The warnings of `record`, whose file had no error.
    pub fn warnings_of(record: &Record) -> Vec<(usize, String)> {
        record
            .diagnostics
            .iter()
            .map(|diagnostic| (diagnostic.line, diagnostic.message.clone()))
            .collect()
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
