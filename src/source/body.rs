//! The body's markdown: every citation has a reference and every reference is cited, and
//! what an article must not use is reported (footnote definitions, raw HTML, disallowed
//! URLs, level-one headings). What the markdown holds comes from [`markdown::findings`].

use std::collections::BTreeSet;

use super::diagnostics::{Diagnostics, LineIndex};
use super::fences::Segment;
use crate::markdown::{self, Finding};
use crate::model::Reference;
use crate::safe_url::SafeUrl;

/// Checks the markdown of each segment against the `references` (each with its line).
pub fn check(
    segments: &[Segment],
    references: &[(Reference, usize)],
    diagnostics: &mut Diagnostics,
) {
    let mut cited = BTreeSet::new();
    for segment in segments {
        let lines = LineIndex::new(&segment.text, segment.first_line);
        for finding in markdown::findings(&segment.text) {
            match finding {
                Finding::Citation { label, offset } => {
                    let reference = label
                        .parse::<u32>()
                        .ok()
                        .filter(|id| references.iter().any(|(reference, _)| reference.id == *id));
                    match reference {
                        Some(id) => {
                            cited.insert(id);
                        }
                        None => diagnostics.error(
                            lines.line(offset),
                            format!("citation [^{label}] has no reference: add a [[references]] entry with id = {label}"),
                        ),
                    }
                }
                Finding::FootnoteDefinition { label, offset } => diagnostics.error(
                    lines.line(offset),
                    format!(
                        "footnote definition [^{label}]: references belong in the front matter"
                    ),
                ),
                Finding::RawHtml { offset } => diagnostics.warning(
                    lines.line(offset),
                    "raw HTML is shown to readers as text, not interpreted",
                ),
                Finding::Link { url, offset } if SafeUrl::parse(&url).is_none() => {
                    diagnostics.error(
                        lines.line(offset),
                        format!("URL `{url}` is not allowed: use http, https, mailto, tel, a relative path or a #fragment"),
                    );
                }
                Finding::Heading { level: 1, offset } => diagnostics.warning(
                    lines.line(offset),
                    "the question is the page's only h1: start the body's headings at ##",
                ),
                Finding::Link { .. } | Finding::Heading { .. } => {}
            }
        }
    }
    for (reference, line) in references {
        if !cited.contains(&reference.id) {
            diagnostics.warning(*line, format!("reference {} is never cited", reference.id));
        }
    }
}
