//! The front matter's `[[changes]]`: the article's history, one dated summary for each
//! change a reader should know of, such as a correction or new guidance, and its kind
//! (`kind = "correction"`; an ordinary update when absent).

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use super::diagnostics::{Diagnostics, LineIndex};
use super::fields::{date, parse_field};
use crate::model::{Change, ChangeKind, Date};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    date: Spanned<Datetime>,
    summary: Spanned<String>,
    /// `correction`, or `update` (the default when absent).
    #[serde(default)]
    kind: Option<Spanned<String>>,
}

/// Reads and checks the changes, newest first. Each has a summary and a date that is
/// neither in the future nor after the article's `updated`, which a change moves.
pub fn read(
    raw: Vec<Spanned<RawChange>>,
    updated: Option<Date>,
    today: Date,
    lines: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Vec<Change> {
    let mut changes = Vec::new();
    for raw in raw {
        let raw = raw.into_inner();
        let summary_line = lines.line(raw.summary.span().start);
        let summary = raw.summary.into_inner().trim().to_owned();
        if summary.is_empty() {
            diagnostics.error(summary_line, "changes: each change needs a summary");
        }
        let kind = raw.kind.map_or(Some(ChangeKind::Update), |kind| {
            parse_field("changes.kind", kind, lines, diagnostics)
        });
        let Some((date, line)) = date("changes.date", raw.date, lines, diagnostics) else {
            continue;
        };
        if date > today {
            diagnostics.error(line, format!("changes: {date} is after today ({today})"));
        } else if let Some(updated) = updated.filter(|updated| date > *updated) {
            diagnostics.error(
                line,
                format!("changes: {date} is after `updated` ({updated}): set `updated` to the latest change"),
            );
        }
        changes.push(Change {
            date,
            summary,
            kind: kind.unwrap_or_default(),
        });
    }
    changes.sort_by_key(|change| std::cmp::Reverse(change.date));
    changes
}
