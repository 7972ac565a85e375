//! The front matter's `[review]` table: its status, its reviewers and its date, and the
//! rules that tie them together.

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use super::diagnostics::{Diagnostics, LineIndex};
use super::fields::{date, parse_field};
use crate::model::{Date, Review, ReviewStatus, Reviewer};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    status: Spanned<String>,
    #[serde(default)]
    reviewers: Vec<RawReviewer>,
    #[serde(default)]
    reviewed: Option<Spanned<Datetime>>,
}

/// Reads and checks the review, or `None` (reported) when its status or its date cannot
/// be used.
pub fn read(
    raw: Spanned<RawReview>,
    updated: Option<Date>,
    today: Date,
    lines: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Option<Review> {
    let review_line = lines.line(raw.span().start);
    let raw = raw.into_inner();
    let status_line = lines.line(raw.status.span().start);
    let status: Option<ReviewStatus> = parse_field("review.status", raw.status, lines, diagnostics);
    let reviewed = match raw.reviewed {
        Some(reviewed) => Some(date("review.reviewed", reviewed, lines, diagnostics)?),
        None => None,
    };
    if let Some((reviewed, line)) = reviewed {
        if reviewed > today {
            diagnostics.error(
                line,
                format!("review date {reviewed} is after today ({today})"),
            );
        }
    }
    let reviewers: Vec<Reviewer> = raw
        .reviewers
        .into_iter()
        .map(|raw| Reviewer {
            name: raw.name,
            credentials: raw.credentials,
        })
        .collect();
    for reviewer in &reviewers {
        if reviewer.name.trim().is_empty() || reviewer.credentials.trim().is_empty() {
            diagnostics.error(review_line, "each reviewer needs a name and credentials");
        }
    }
    let status = status?;
    let reviewed = reviewed.map(|(date, _)| date);
    check_status(status, &reviewers, reviewed, status_line, diagnostics);
    // A review covers the text as it was: an approved article changed since needs a new one.
    if let (ReviewStatus::Approved, Some(reviewed), Some(updated)) = (status, reviewed, updated) {
        if updated > reviewed {
            diagnostics.error(
                status_line,
                format!(
                    "changed after its review on {reviewed} (updated {updated}): set the status to under_review"
                ),
            );
        }
    }
    Some(Review {
        status,
        reviewers,
        reviewed,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewer {
    name: String,
    credentials: String,
}

/// Whether the reviewers and the review date are what `status` needs.
fn check_status(
    status: ReviewStatus,
    reviewers: &[Reviewer],
    reviewed: Option<Date>,
    line: usize,
    diagnostics: &mut Diagnostics,
) {
    match status {
        ReviewStatus::Submitted if !reviewers.is_empty() || reviewed.is_some() => {
            diagnostics.error(
                line,
                "a submitted article has not been reviewed: use under_review or approved, or remove the reviewers and review date",
            );
        }
        ReviewStatus::UnderReview if reviewers.is_empty() => {
            diagnostics.error(line, "an article under review names its reviewers");
        }
        ReviewStatus::Approved if reviewers.is_empty() => {
            diagnostics.error(line, "an approved article names the humans who reviewed it");
        }
        ReviewStatus::Approved if reviewed.is_none() => {
            diagnostics.error(
                line,
                "an approved article gives its review date (`reviewed`)",
            );
        }
        _ => {}
    }
}
