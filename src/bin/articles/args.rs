//! One command's arguments, split into options and positional arguments, and the
//! editorial workflow's commands read from them. Every error is a usage error: one
//! line, which `articles` prints before it exits with 2.

use std::path::{Path, PathBuf};

use article_widget::build::workflow::{New, Review};
use article_widget::model::{Date, ReviewStatus, Reviewer, Slug};

/// A command's options and positional arguments, in the order given.
pub struct Args<'a> {
    positional: Vec<&'a str>,
    /// `(name, Some(value))` for an option that takes a value, `(name, None)` for a switch.
    options: Vec<(&'a str, Option<&'a str>)>,
}

impl<'a> Args<'a> {
    /// Splits `args`: `switches` stand alone, `valued` take the next argument (or
    /// `--name=VALUE`); after `--`, every argument is positional. Any other word that
    /// starts with `-`, an option given twice, or one without its value is an error.
    pub fn parse(args: &[&'a str], switches: &[&str], valued: &[&str]) -> Result<Self, String> {
        let mut parsed = Args {
            positional: Vec::new(),
            options: Vec::new(),
        };
        let mut rest = args.iter().copied();
        while let Some(arg) = rest.next() {
            if arg == "--" {
                parsed.positional.extend(rest.by_ref());
                break;
            }
            if !arg.starts_with('-') || arg == "-" {
                parsed.positional.push(arg);
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (arg, None),
            };
            let value = if switches.contains(&name) && inline.is_none() {
                None
            } else if valued.contains(&name) {
                // The next argument, unless it is the next option: `--reviewer --dir x`
                // forgot the reviewer's name.
                match inline.or_else(|| rest.next().filter(|next| !next.starts_with("--"))) {
                    Some(value) => Some(value),
                    None => return Err(format!("{name} needs a value")),
                }
            } else {
                return Err(format!("unknown option `{arg}`"));
            };
            if parsed.options.iter().any(|(seen, _)| *seen == name) {
                return Err(format!("{name} is given twice"));
            }
            parsed.options.push((name, value));
        }
        Ok(parsed)
    }

    /// Whether the switch `name` was given.
    pub fn switch(&self, name: &str) -> bool {
        self.options.iter().any(|(seen, _)| *seen == name)
    }

    /// The value of option `name`, if it was given.
    pub fn value(&self, name: &str) -> Option<&'a str> {
        self.options
            .iter()
            .find(|(seen, _)| *seen == name)
            .and_then(|(_, value)| *value)
    }

    /// The value of option `name`, which the command cannot do without.
    pub fn required(&self, name: &str) -> Result<&'a str, String> {
        self.value(name)
            .ok_or_else(|| format!("{name} is required"))
    }

    /// Exactly the positional arguments `names`.
    pub fn exactly<const N: usize>(&self, names: [&str; N]) -> Result<[&'a str; N], String> {
        if let Some(name) = names.get(self.positional.len()) {
            return Err(format!("{name} is required"));
        }
        <[&str; N]>::try_from(self.positional.as_slice())
            .map_err(|_| format!("unexpected argument `{}`", self.positional[N]))
    }

    /// `[DIR] names...`: the articles' folder, `articles` unless given, then exactly
    /// the positional arguments `names`.
    pub fn dir_then<const N: usize>(
        &self,
        names: [&str; N],
    ) -> Result<(&'a Path, [&'a str; N]), String> {
        match self.positional.split_first() {
            Some((dir, rest)) if self.positional.len() > N => {
                let rest = Args {
                    positional: rest.to_vec(),
                    options: Vec::new(),
                };
                Ok((Path::new(*dir), rest.exactly(names)?))
            }
            _ => Ok((Path::new("articles"), self.exactly(names)?)),
        }
    }
}

/// `articles new SLUG --question TEXT [--dir DIR]`: a usage error if the arguments are
/// not those.
pub fn new(args: &[&str]) -> Result<New, String> {
    let args = Args::parse(args, &[], &["--question", "--dir"])?;
    let [slug] = args.exactly(["SLUG"])?;
    let slug = slug_of(slug)?;
    Ok(New {
        question: args.required("--question")?.to_owned(),
        path: article_path(&args, &slug),
        slug,
    })
}

/// `articles review SLUG --status STATUS [--reviewer NAME --credentials TEXT]
/// [--date YYYY-MM-DD] [--dir DIR]`: a usage error if the arguments are not those, or
/// a value is not one the option takes.
pub fn review(args: &[&str]) -> Result<Review, String> {
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

fn slug_of(slug: &str) -> Result<Slug, String> {
    Slug::parse(slug)
        .ok_or_else(|| format!("`{slug}` is not an article slug (lowercase letters, digits and -)"))
}

/// `DIR/SLUG.md`, DIR from `--dir`, `articles` unless given.
fn article_path(args: &Args, slug: &Slug) -> PathBuf {
    Path::new(args.value("--dir").unwrap_or("articles")).join(format!("{slug}.md"))
}
