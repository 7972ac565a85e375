//! The editorial workflow: `articles new` scaffolds an article, `articles review` moves
//! its review on. Each edit is checked as `articles check` would before it is written;
//! on any error nothing is written. Each command is parsed whole (a usage error, exit 2)
//! before it reads or writes anything.

use std::path::{Path, PathBuf};

use article_widget::model::{Date, ReviewStatus, Reviewer, Slug};
use article_widget::source::edit::{move_review, scaffold, ReviewMove};
use article_widget::source::{self, parse_article};

use crate::args::Args;

/// `articles new SLUG --question TEXT [--dir DIR]`.
pub struct New {
    slug: Slug,
    question: String,
    path: PathBuf,
}

impl New {
    /// A usage error if the arguments are not those.
    pub fn parse(args: &[&str]) -> Result<New, String> {
        let args = Args::parse(args, &[], &["--question", "--dir"])?;
        let [slug] = args.exactly(["SLUG"])?;
        let slug = slug_of(slug)?;
        Ok(New {
            question: args.required("--question")?.to_owned(),
            path: article_path(&args, &slug),
            slug,
        })
    }

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
    slug: Slug,
    path: PathBuf,
    status: ReviewStatus,
    reviewer: Option<Reviewer>,
    date: Option<Date>,
}

impl Review {
    /// A usage error if the arguments are not those, or a value is not one the
    /// option takes.
    pub fn parse(args: &[&str]) -> Result<Review, String> {
        let args = Args::parse(
            args,
            &[],
            &["--status", "--reviewer", "--credentials", "--date", "--dir"],
        )?;
        let [slug] = args.exactly(["SLUG"])?;
        let slug = slug_of(slug)?;
        // On the command line `under-review` reads better; the data says `under_review`.
        let status: ReviewStatus = args
            .required("--status")?
            .replace('-', "_")
            .parse()
            .map_err(|error| format!("--status: {error}"))?;
        let reviewer = match (args.value("--reviewer"), args.value("--credentials")) {
            (Some(name), Some(credentials)) => Some(Reviewer {
                name: name.to_owned(),
                credentials: credentials.to_owned(),
            }),
            (None, None) => None,
            _ => return Err("--reviewer and --credentials go together".into()),
        };
        let date = args
            .value("--date")
            .map(|date| date.parse::<Date>())
            .transpose()
            .map_err(|error| format!("--date: {error}"))?;
        Ok(Review {
            path: article_path(&args, &slug),
            slug,
            status,
            reviewer,
            date,
        })
    }

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

fn slug_of(slug: &str) -> Result<Slug, String> {
    Slug::parse(slug)
        .ok_or_else(|| format!("`{slug}` is not an article slug (lowercase letters, digits and -)"))
}

/// `DIR/SLUG.md`, DIR from `--dir`, `articles` unless given.
fn article_path(args: &Args, slug: &Slug) -> PathBuf {
    Path::new(args.value("--dir").unwrap_or("articles")).join(format!("{slug}.md"))
}
