//! The TOML front matter between the `+++` lines: the file cut in two, then each field
//! read and checked. The `[review]` table and the `[[references]]` have modules of their
//! own.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use super::changes::{self, RawChange};
use super::diagnostics::{Diagnostics, LineIndex};
use super::fields::{date, one_line, parse_field};
use super::references::{self, RawReference};
use super::review::{self, RawReview};
use crate::model::{Audience, Change, Date, Language, Reference, Review, Slug};

/// A source file cut at its `+++` lines.
pub struct Parts<'a> {
    /// The TOML between the `+++` lines.
    pub front_matter: String,
    /// The body's lines, each with its line ending.
    pub body: Vec<&'a str>,
    /// The file line of the body's first line.
    pub body_first_line: usize,
}

/// The front matter's fields after their checks. A field whose value cannot be used is
/// `None`, and its problem has been reported.
pub struct FrontMatter {
    pub slug: String,
    /// Where the slug is written, for problems that involve other files.
    pub slug_line: usize,
    pub question: String,
    /// The medical condition the article is about, if it names one.
    pub condition: Option<String>,
    /// The language it is written in, if it says; else its publisher's.
    pub lang: Option<Language>,
    /// Where `lang` is written, else where the slug is.
    pub lang_line: usize,
    /// The same article in other languages: each language, slug and line. Only the
    /// whole directory can tell whether they exist and point back.
    pub translations: Vec<(Language, String, usize)>,
    pub updated: Option<Date>,
    pub next_review_due: Option<Date>,
    pub default_audience: Option<Audience>,
    pub default_audience_line: usize,
    pub review: Option<Review>,
    /// The article's history, newest first.
    pub changes: Vec<Change>,
    /// Each reference and the line its entry starts on.
    pub references: Vec<(Reference, usize)>,
    /// The slugs of the related articles, each once, and their lines.
    pub related: Vec<(String, usize)>,
}

/// Cuts `text` into its front matter and its body, or reports why it cannot.
pub fn split<'a>(text: &'a str, diagnostics: &mut Diagnostics) -> Option<Parts<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.first().map(|line| line.trim_end()) != Some("+++") {
        diagnostics.error(
            1,
            "expected front matter: the file must start with a `+++` line",
        );
        return None;
    }
    let Some(closing) = lines
        .iter()
        .skip(1)
        .position(|line| line.trim_end() == "+++")
        .map(|index| index + 1)
    else {
        diagnostics.error(1, "front matter is not closed: add a `+++` line after it");
        return None;
    };
    let body = lines.split_off(closing + 1);
    Some(Parts {
        front_matter: lines[1..closing].concat(),
        body,
        // File lines are 1-based: the closing `+++` stands on line `closing + 1`.
        body_first_line: closing + 2,
    })
}

/// Reads and checks the front matter `text`. `stem` is the file name without its
/// extension, which the slug must equal. `None` when the TOML itself cannot be read.
pub fn read(
    text: &str,
    stem: Option<&str>,
    today: Date,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    // The front matter starts on the file's line 2, after the opening `+++`.
    let lines = LineIndex::new(text, 2);
    let raw: RawFrontMatter = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error.span().map_or(1, |span| lines.line(span.start));
            diagnostics.error(line, format!("front matter: {}", error.message()));
            return None;
        }
    };

    let slug_line = lines.line(raw.slug.span().start);
    let slug = raw.slug.into_inner();
    check_slug(&slug, slug_line, stem, diagnostics);

    let question_line = lines.line(raw.question.span().start);
    let question = raw.question.into_inner();
    if question.trim().is_empty() {
        diagnostics.error(question_line, "question must not be empty");
    }

    let condition = raw
        .condition
        .and_then(|condition| one_line("condition", condition, &lines, diagnostics));

    let lang_line = raw
        .lang
        .as_ref()
        .map_or(slug_line, |lang| lines.line(lang.span().start));
    let lang = raw
        .lang
        .and_then(|lang| parse_field("lang", lang, &lines, diagnostics));
    let translations = translations(raw.translations, &slug, lang, &lines, diagnostics);

    let updated = date("updated", raw.updated, &lines, diagnostics);
    let next_review_due = date("next_review_due", raw.next_review_due, &lines, diagnostics);
    if let (Some((updated, updated_line)), Some((next, next_line))) = (updated, next_review_due) {
        if updated > today {
            diagnostics.error(
                updated_line,
                format!("updated {updated} is after today ({today})"),
            );
        }
        if next < updated {
            diagnostics.error(
                next_line,
                format!("next review due {next} is before the last update {updated}"),
            );
        } else if next < today {
            diagnostics.warning(next_line, overdue(next, today));
        }
    }

    let default_audience_line = lines.line(raw.default_audience.span().start);
    let default_audience = parse_field(
        "default_audience",
        raw.default_audience,
        &lines,
        diagnostics,
    );

    let review = review::read(
        raw.review,
        updated.map(|(date, _)| date),
        today,
        &lines,
        diagnostics,
    );
    let changes = changes::read(
        raw.changes,
        updated.map(|(date, _)| date),
        today,
        &lines,
        diagnostics,
    );
    let references = references::read(raw.references, &lines, today, diagnostics);
    let related = related(raw.related, &slug, &lines, diagnostics);
    Some(FrontMatter {
        slug,
        slug_line,
        question,
        condition,
        lang,
        lang_line,
        translations,
        updated: updated.map(|(date, _)| date),
        next_review_due: next_review_due.map(|(date, _)| date),
        default_audience,
        default_audience_line,
        review,
        changes,
        references,
        related,
    })
}

// The raw front matter, exactly as written. `Spanned` keeps where each value stands so
// that every problem can name its line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    slug: Spanned<String>,
    question: Spanned<String>,
    #[serde(default)]
    condition: Option<Spanned<String>>,
    #[serde(default)]
    lang: Option<Spanned<String>>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<String>>,
    updated: Spanned<Datetime>,
    next_review_due: Spanned<Datetime>,
    default_audience: Spanned<String>,
    review: Spanned<RawReview>,
    #[serde(default)]
    references: Vec<Spanned<RawReference>>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    #[serde(default)]
    changes: Vec<Spanned<RawChange>>,
}

/// The warning of a review due on `next`, overdue `today`: the one check whose words
/// change with the day, which `articles build` says again from what it remembers.
pub fn overdue(next: Date, today: Date) -> String {
    format!("review overdue: it was due on {next} (today is {today}); readers are told so")
}

fn check_slug(slug: &str, line: usize, stem: Option<&str>, diagnostics: &mut Diagnostics) {
    if Slug::parse(slug).is_none() {
        diagnostics.error(
            line,
            format!("slug `{slug}` must be lowercase letters, digits and `-`"),
        );
    }
    if let Some(stem) = stem.filter(|stem| *stem != slug) {
        diagnostics.error(
            line,
            format!("slug `{slug}` must equal the file name `{stem}`"),
        );
    }
}

/// The related slugs with their lines, without this article's own and without repeats
/// (both reported). Only the whole directory can tell whether they exist.
fn related(
    raw: Vec<Spanned<String>>,
    slug: &str,
    lines: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, usize)> {
    let mut related: Vec<(String, usize)> = Vec::new();
    for entry in raw {
        let line = lines.line(entry.span().start);
        let other = entry.into_inner();
        if other == slug {
            diagnostics.error(line, format!("related: `{other}` is this article itself"));
        } else if related.iter().any(|(seen, _)| *seen == other) {
            diagnostics.error(line, format!("related: `{other}` is listed twice"));
        } else {
            related.push((other, line));
        }
    }
    related
}

/// The translations with their lines: each key a language the widget speaks, other than
/// the article's own (when it names one), each value a slug other than its own. Only the
/// whole directory can tell whether they exist and point back.
fn translations(
    raw: BTreeMap<String, Spanned<String>>,
    slug: &str,
    lang: Option<Language>,
    lines: &LineIndex,
    diagnostics: &mut Diagnostics,
) -> Vec<(Language, String, usize)> {
    let mut translations = Vec::new();
    for (tag, other) in raw {
        let line = lines.line(other.span().start);
        let other = other.into_inner();
        let language = match tag.parse::<Language>() {
            Ok(language) => language,
            Err(error) => {
                diagnostics.error(line, format!("translations: {error}"));
                continue;
            }
        };
        if Some(language) == lang {
            diagnostics.error(
                line,
                format!("translations.{tag}: this article is itself in `{tag}`"),
            );
        } else if other == slug {
            diagnostics.error(
                line,
                format!("translations.{tag}: `{other}` is this article itself"),
            );
        } else if Slug::parse(&other).is_none() {
            diagnostics.error(
                line,
                format!("translations.{tag}: `{other}` is not a slug (lowercase letters, digits and `-`)"),
            );
        } else {
            translations.push((language, other, line));
        }
    }
    translations
}
