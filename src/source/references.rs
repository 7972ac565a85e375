//! The front matter's `[[references]]`: numbered in order, each with its authors, title,
//! source and a way to find it (a doi, a pmid or a url).

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use super::diagnostics::{Diagnostics, LineIndex};
use super::fields::date;
use crate::model::{is_doi, is_pmid, Date, Reference};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    id: Spanned<u32>,
    authors: Vec<String>,
    title: String,
    source: String,
    year: u16,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    doi: Option<String>,
    pmid: Option<String>,
    url: Option<String>,
    et_al: Option<bool>,
    cited: Option<Spanned<Datetime>>,
}

/// Each reference and the line its entry starts on. A reference with a problem is kept
/// (and its problem reported), so that its citations do not also count as errors.
pub fn read(
    raw: Vec<Spanned<RawReference>>,
    lines: &LineIndex,
    today: Date,
    diagnostics: &mut Diagnostics,
) -> Vec<(Reference, usize)> {
    let mut references = Vec::with_capacity(raw.len());
    for (index, raw) in raw.into_iter().enumerate() {
        let line = lines.line(raw.span().start);
        let raw = raw.into_inner();
        let id = *raw.id.get_ref();
        let expected = index as u32 + 1;
        if id != expected {
            diagnostics.error(
                line,
                format!("reference id {id} is out of order: references are numbered 1, 2, 3... and this one should be {expected}"),
            );
        }
        check_fields(id, &raw, line, diagnostics);
        let cited = raw
            .cited
            .and_then(|cited| date("references.cited", cited, lines, diagnostics))
            .map(|(cited, cited_line)| {
                if cited > today {
                    diagnostics.error(
                        cited_line,
                        format!("reference {id}: cited {cited} is after today ({today})"),
                    );
                }
                cited
            });
        let reference = Reference {
            id,
            authors: raw.authors,
            title: raw.title,
            source: raw.source,
            year: raw.year,
            volume: raw.volume,
            issue: raw.issue,
            pages: raw.pages,
            doi: raw.doi,
            pmid: raw.pmid,
            url: raw.url,
            et_al: raw.et_al,
            cited,
        };
        references.push((reference, line));
    }
    references
}

/// Whether reference `id`, written at `line`, has what a reader needs to find it.
fn check_fields(id: u32, raw: &RawReference, line: usize, diagnostics: &mut Diagnostics) {
    if raw.authors.is_empty() || raw.authors.iter().any(|author| author.trim().is_empty()) {
        diagnostics.error(line, format!("reference {id} needs its authors"));
    }
    if raw.title.trim().is_empty() || raw.source.trim().is_empty() {
        diagnostics.error(line, format!("reference {id} needs a title and a source"));
    }
    if raw.doi.is_none() && raw.pmid.is_none() && raw.url.is_none() {
        diagnostics.error(line, format!("reference {id} needs a doi, a pmid or a url"));
    }
    if let Some(pmid) = &raw.pmid {
        if !is_pmid(pmid) {
            diagnostics.error(
                line,
                format!("reference {id}: pmid `{pmid}` is not a PubMed id"),
            );
        }
    }
    if let Some(doi) = &raw.doi {
        if !is_doi(doi) {
            diagnostics.error(
                line,
                format!("reference {id}: doi `{doi}` does not look like 10.xxxx/yyyy"),
            );
        }
    }
    // Found only by its url, a reference is a web page, which Vancouver dates.
    let only_a_url = raw.doi.is_none() && raw.pmid.is_none() && raw.url.is_some();
    if only_a_url && raw.cited.is_none() {
        diagnostics.warning(
            line,
            format!("reference {id} is a web page: add `cited = YYYY-MM-DD`, the day it was read, which Vancouver prints"),
        );
    }
    if raw.cited.is_some() && raw.url.is_none() {
        diagnostics.error(
            line,
            format!("reference {id}: `cited` dates a web page, but the reference has no url"),
        );
    }
    // Lists cut at three or six authors are where a truncated list hides: say which it is.
    if matches!(raw.authors.len(), 3 | 6) && raw.et_al.is_none() {
        diagnostics.warning(
            line,
            format!(
                "reference {id} lists exactly {} authors: add `et_al = true` if more follow, or `et_al = false` if that is all of them",
                raw.authors.len()
            ),
        );
    }
    if let Some(url) = &raw.url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            diagnostics.error(
                line,
                format!("reference {id}: url `{url}` must be http or https"),
            );
        }
    }
}
