//! The editorial workflow: `articles new` scaffolds an article, `articles review` moves
//! its review on. Each edit is checked as `articles check` would before it is written;
//! on any error nothing is written. The CLI parses each command whole (a usage error,
//! exit 2) before it runs, so nothing here reads the command line.

use std::path::{Path, PathBuf};

use crate::model::{Date, ReviewStatus, Reviewer, Slug};
use crate::source::edit::{move_review, scaffold, ReviewMove};
use crate::source::{self, parse_article};

/// `articles new SLUG --question TEXT [--dir DIR]`.
pub struct New {
    pub slug: Slug,
    pub question: String,
    /// `DIR/SLUG.md`.
    pub path: PathBuf,
}

impl New {
    pub fn run(self) -> Result<bool, String> {
        let New {
            slug,
            question,
            path,
        } = self;
        if path.exists() {
            return Err(format!("{} already exists", path.display()));
        }
        let text = scaffold(&slug, &question, source::today());
        write_checked(&path, &text)?;
        println!(
            "wrote {}: write each audience's part, then `articles check`",
            path.display()
        );
        Ok(true)
    }
}

/// `articles review SLUG --status STATUS [--reviewer NAME --credentials TEXT]
/// [--date YYYY-MM-DD] [--dir DIR]`.
pub struct Review {
    pub slug: Slug,
    /// `DIR/SLUG.md`.
    pub path: PathBuf,
    pub status: ReviewStatus,
    pub reviewer: Option<Reviewer>,
    /// The day of the review; today's for an approval when not given.
    pub date: Option<Date>,
}

impl Review {
    pub fn run(self) -> Result<bool, String> {
        let Review {
            slug,
            path,
            status,
            reviewer,
            date,
        } = self;
        let date = match date {
            None if status == ReviewStatus::Approved => Some(source::today()),
            date => date,
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|_| format!("no article `{slug}`: {} does not exist", path.display()))?;
        let change = ReviewMove {
            status,
            reviewer,
            date,
        };
        let edited =
            move_review(&text, &change).map_err(|error| format!("{}: {error}", path.display()))?;
        write_checked(&path, &edited)?;
        println!("{}: review status is now {status}", path.display());
        Ok(true)
    }
}

/// Writes `text` to `path` if it passes the article checks; else prints the problems
/// and writes nothing.
fn write_checked(path: &Path, text: &str) -> Result<(), String> {
    let parsed = parse_article(path, text, source::today());
    for diagnostic in &parsed.diagnostics {
        eprintln!("{diagnostic}");
    }
    if source::has_errors(&parsed.diagnostics) {
        return Err(format!("nothing written to {}", path.display()));
    }
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}
