//! The editorial workflow: `articles new` scaffolds an article, `articles review` moves
//! its review on. Each edit is checked as `articles check` would before it is written;
//! on any error nothing is written.

use std::path::{Path, PathBuf};

use article_widget::model::{Date, ReviewStatus, Reviewer, Slug};
use article_widget::source::edit::{move_review, scaffold, ReviewMove};
use article_widget::source::{self, parse_article};

/// `articles new <slug> --question TEXT [--dir DIR]`.
pub fn new(args: &[&str]) -> Result<bool, String> {
    let (slug, flags) = slug_and_flags(args)?;
    let question = flags.value("--question")?.ok_or("--question is required")?;
    flags.only(&["--question", "--dir"])?;
    let path = flags.article_path(&slug)?;
    if path.exists() {
        return Err(format!("{} already exists", path.display()));
    }
    let text = scaffold(&slug, question, source::today());
    write_checked(&path, &text)?;
    println!(
        "wrote {}: write each audience's part, then `articles check`",
        path.display()
    );
    Ok(true)
}

/// `articles review <slug> --status STATUS [--reviewer NAME --credentials TEXT]
/// [--date YYYY-MM-DD] [--dir DIR]`.
pub fn review(args: &[&str]) -> Result<bool, String> {
    let (slug, flags) = slug_and_flags(args)?;
    flags.only(&["--status", "--reviewer", "--credentials", "--date", "--dir"])?;
    let status = flags.value("--status")?.ok_or("--status is required")?;
    // On the command line `under-review` reads better; the data says `under_review`.
    let status: ReviewStatus = status
        .replace('-', "_")
        .parse()
        .map_err(|error| format!("--status: {error}"))?;
    let reviewer = match (flags.value("--reviewer")?, flags.value("--credentials")?) {
        (Some(name), Some(credentials)) => Some(Reviewer {
            name: name.to_owned(),
            credentials: credentials.to_owned(),
        }),
        (None, None) => None,
        _ => return Err("--reviewer and --credentials go together".into()),
    };
    let date = match flags.value("--date")? {
        Some(date) => Some(
            date.parse::<Date>()
                .map_err(|error| format!("--date: {error}"))?,
        ),
        None if status == ReviewStatus::Approved => Some(source::today()),
        None => None,
    };
    let path = flags.article_path(&slug)?;
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

fn slug_and_flags<'a>(args: &'a [&'a str]) -> Result<(Slug, Flags<'a>), String> {
    let (slug, flags) = args.split_first().ok_or("the article's slug is required")?;
    let slug = Slug::parse(slug).ok_or_else(|| {
        format!("`{slug}` is not an article slug (lowercase letters, digits and -)")
    })?;
    Ok((slug, Flags(flags)))
}

/// `--name value` pairs.
struct Flags<'a>(&'a [&'a str]);

impl Flags<'_> {
    fn value(&self, name: &str) -> Result<Option<&str>, String> {
        let Some(index) = self.0.iter().position(|arg| *arg == name) else {
            return Ok(None);
        };
        match self.0.get(index + 1) {
            Some(value) if !value.starts_with("--") => Ok(Some(value)),
            _ => Err(format!("{name} needs a value")),
        }
    }

    /// Refuses any flag but `known`.
    fn only(&self, known: &[&str]) -> Result<(), String> {
        for pair in self.0.chunks(2) {
            if !known.contains(&pair[0]) {
                return Err(format!("unknown option `{}`", pair[0]));
            }
        }
        Ok(())
    }

    fn article_path(&self, slug: &Slug) -> Result<PathBuf, String> {
        let dir = self.value("--dir")?.unwrap_or("articles");
        Ok(Path::new(dir).join(format!("{slug}.md")))
    }
}
