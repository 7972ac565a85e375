//! `articles search-records [DIR] OUT`: one JSON line per article of the catalog, each
//! the article's record of the full-text index (`site::search::Record`), for
//! `xtask/build-search-index.mjs` to give Pagefind.
//!
//! In memory bounded whatever the catalog's size, as `articles site`: pass one reads
//! every source into its record and runs the whole-catalog checks (nothing is written
//! when they find an error); pass two parses each article again and writes its line, a
//! few articles per core at a time, in the order of the sources.

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::model::Keyed;
use crate::site::search;
use crate::source;

use super::passes::{self, CatalogLinks, Completion};

/// How many articles' lines are made before they are written: enough to keep every core
/// busy, few enough that the lines held stay a few megabytes.
const LINES_AT_ONCE: usize = 256;

/// Writes the records of the articles of `dir` into the file `out`; `false`, and
/// nothing written, when an article has an error.
pub fn write(dir: &Path, out: &Path) -> Result<bool, String> {
    let today = source::today();
    let Some(passes::Checked {
        publisher,
        read: passes::Read {
            records, sources, ..
        },
        findings,
    }) = passes::check_records(dir, &mut HashMap::new(), today)?
    else {
        eprintln!("articles: nothing written to {}", out.display());
        return Ok(false);
    };
    let file = std::fs::File::create(out)
        .map_err(|error| format!("cannot create {}: {error}", out.display()))?;
    let mut writer = BufWriter::new(file);
    let completion = Completion::new(&publisher);
    // A record needs neither related articles nor translations.
    let links = CatalogLinks {
        related: Vec::new(),
        translations: Keyed::new(),
    };
    let kept: Vec<usize> = (0..records.len())
        .filter(|index| findings.kept[*index])
        .collect();
    let written = (|| {
        for batch in kept.chunks(LINES_AT_ONCE) {
            let lines = source::in_parallel(batch, |index| {
                let path = &records[*index].path;
                let article = completion.article(path, sources[*index].hash, &links, today)?;
                serde_json::to_string(&search::record(&article))
                    .map_err(|error| format!("cannot encode {}: {error}", article.slug))
            });
            for line in lines {
                writeln!(writer, "{}", line?)
                    .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
            }
        }
        writer
            .flush()
            .map_err(|error| format!("cannot write {}: {error}", out.display()))
    })();
    if let Err(error) = written {
        // Half a list of records would make an index that silently misses articles.
        let _ = std::fs::remove_file(out);
        return Err(error);
    }
    println!(
        "wrote the search records of {} article(s) from {} into {}",
        kept.len(),
        dir.display(),
        out.display()
    );
    Ok(true)
}
