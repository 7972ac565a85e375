//! Article source files: front matter, audience fences, and every check `articles check`
//! runs. Native only: the widget receives articles already validated, as JSON.
//!
//! [`parse_article`] reads one file: `front_matter` cuts it at its `+++` lines and reads
//! the TOML (`review` and `references` read its tables), `fences` cuts the body into
//! audience variants and `body` checks their markdown. Every check reports into the
//! file's one `Diagnostics`. [`check_dir`] adds what only a whole directory can tell:
//! duplicate slugs and whether related articles exist.

mod body;
mod changes;
mod diagnostics;
pub mod edit;
mod fences;
mod fields;
mod front_matter;
pub mod publisher;
mod references;
mod review;
mod translations;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub use self::diagnostics::{has_errors, Diagnostic, Severity};

use self::diagnostics::Diagnostics;
use self::front_matter::FrontMatter;
use self::translations::LanguageLinks;
use crate::model::Publisher;
use crate::model::{Article, Audience, Catalog, Date, RelatedArticle, Slug};
use crate::{markdown, readability};

/// What checking a set of articles found.
#[derive(Debug, Default)]
pub struct Report {
    /// Every article that parsed without error, sorted newest first, then by slug.
    pub articles: Vec<Article>,
    /// The markdown of each of those articles' variants, by slug.
    pub markdown: BTreeMap<String, BTreeMap<Audience, String>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The publisher of `publisher.toml`, given to every article; the default (empty)
    /// when that file has errors.
    pub publisher: Rc<Publisher>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        diagnostics::has_errors(&self.diagnostics)
    }

    /// The catalog of these articles (`index.json`).
    pub fn catalog(&self) -> Catalog {
        Catalog::of(&self.articles, &self.publisher)
    }
}

/// The outcome of parsing one source file.
#[derive(Debug)]
pub struct Parsed {
    /// The article, if the file had no error.
    pub article: Option<Article>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the slug is written, for problems that involve other files.
    pub slug_line: usize,
    /// The slugs of the related articles and their lines: only the whole directory
    /// can tell whether they exist, see [`check_dir`].
    pub related: Vec<(String, usize)>,
    /// The markdown of each variant, before it was parsed into the article's body.
    pub markdown: BTreeMap<Audience, String>,
    /// Its language and translations: only the whole directory can tell whether the
    /// translations exist and point back, see [`check_dir`].
    pub languages: LanguageLinks,
}

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    Date::from_days_since_epoch((seconds / 86_400) as i64)
}

/// Checks every `*.md` article in `dir` (its `README.md` excepted), including that no two
/// share a slug.
pub fn check_dir(dir: &Path, today: Date) -> std::io::Result<Report> {
    let mut report = Report::default();
    let publisher_path = dir.join(publisher::FILE_NAME);
    match std::fs::read_to_string(&publisher_path) {
        Ok(text) => {
            let (publisher, diagnostics) = publisher::read(&publisher_path, &text);
            report.diagnostics.extend(diagnostics);
            report.publisher = Rc::new(publisher.unwrap_or_default());
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            report.diagnostics.push(Diagnostic::error(
                &publisher_path,
                1,
                "missing: the publisher's name, links, review body and disclaimers live here (see articles/README.md)",
            ));
        }
        Err(error) => return Err(error),
    }
    let mut first_use_of_slug: HashMap<Slug, PathBuf> = HashMap::new();
    // The related slugs of each article kept, in the order of `report.articles`.
    let mut related = Vec::new();
    // The language links of each article kept, in the same order.
    let mut languages = Vec::new();
    // Every slug of the directory, even of articles with errors, so that a related
    // link to a broken article is reported once, on that article.
    let mut questions: HashMap<String, Option<(Slug, String)>> = HashMap::new();
    for path in article_paths(dir)? {
        let text = std::fs::read_to_string(&path)?;
        let parsed = parse_article(&path, &text, today);
        report.diagnostics.extend(parsed.diagnostics);
        if let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) {
            questions.entry(stem.to_owned()).or_insert(None);
        }
        let Some(article) = parsed.article else {
            continue;
        };
        if let Some(first) = first_use_of_slug.get(&article.slug) {
            let message = format!(
                "duplicate slug `{}`: {} uses it too",
                article.slug,
                first.display()
            );
            let duplicate = Diagnostic::error(&path, parsed.slug_line, message);
            report.diagnostics.push(duplicate);
            continue;
        }
        first_use_of_slug.insert(article.slug.clone(), path.clone());
        questions.insert(
            article.slug.to_string(),
            Some((article.slug.clone(), article.question.clone())),
        );
        languages.push((path.clone(), parsed.languages));
        related.push((path, parsed.related));
        report
            .markdown
            .insert(article.slug.to_string(), parsed.markdown);
        report.articles.push(article);
    }
    for (article, (path, slugs)) in report.articles.iter_mut().zip(related) {
        for (slug, line) in slugs {
            match questions.get(&slug) {
                Some(Some((slug, question))) => article.related.push(RelatedArticle {
                    slug: slug.clone(),
                    question: question.clone(),
                }),
                // That article has errors of its own, reported on it.
                Some(None) => {}
                None => {
                    let message = format!(
                        "related: no article `{slug}` in {}: related articles must be in the same catalog",
                        dir.display()
                    );
                    report
                        .diagnostics
                        .push(Diagnostic::error(&path, line, message));
                }
            }
        }
    }
    let broken = |slug: &str| matches!(questions.get(slug), Some(None));
    let language_problems = translations::link(
        &mut report.articles,
        languages,
        &broken,
        &report.publisher,
        dir,
    );
    report.diagnostics.extend(language_problems);
    report
        .articles
        .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));
    Ok(report)
}

/// Parses and checks one article source. `path` is used in diagnostics and, through its
/// file stem, to check the slug.
pub fn parse_article(path: &Path, text: &str, today: Date) -> Parsed {
    let mut diagnostics = Diagnostics::new(path);
    let Some(Source {
        mut front_matter,
        variants,
        patient_line,
    }) = read(path, text, today, &mut diagnostics)
    else {
        return Parsed {
            article: None,
            diagnostics: diagnostics.into_items(),
            slug_line: 1,
            related: Vec::new(),
            markdown: BTreeMap::new(),
            languages: LanguageLinks::default(),
        };
    };
    let related = std::mem::take(&mut front_matter.related);
    let slug_line = front_matter.slug_line;
    let languages = LanguageLinks {
        lang_line: front_matter.lang_line,
        translations: std::mem::take(&mut front_matter.translations),
    };
    let article = if diagnostics.has_errors() {
        None
    } else {
        article(front_matter, &variants)
    };
    let patient_grade = article.as_ref().and_then(readability::patient_grade);
    if let Some(grade) = patient_grade.filter(|grade| *grade > readability::PATIENT_GRADE_LIMIT) {
        diagnostics.warning(
            patient_line,
            format!(
                "the patient variant reads at grade {grade:.1} (Flesch–Kincaid); aim for {} or below: shorter sentences, everyday words",
                readability::PATIENT_GRADE_LIMIT
            ),
        );
    }
    Parsed {
        article,
        diagnostics: diagnostics.into_items(),
        slug_line,
        related,
        markdown: variants,
        languages,
    }
}

/// The `*.md` files of `dir` but its `README.md`, sorted.
fn article_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_article = path.extension().is_some_and(|ext| ext == "md")
            && path.file_name().is_some_and(|name| name != "README.md");
        if is_article {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// One source file, as far as it could be read.
struct Source {
    front_matter: FrontMatter,
    /// The markdown of each audience's variant.
    variants: BTreeMap<Audience, String>,
    /// The line a warning about the patients' variant points at.
    patient_line: usize,
}

/// Reads and checks one source file, or `None` when its front matter cannot be read.
fn read(path: &Path, text: &str, today: Date, diagnostics: &mut Diagnostics) -> Option<Source> {
    let parts = front_matter::split(text, diagnostics)?;
    // The fences are checked first, so that their problems are reported even when the
    // front matter cannot be read.
    let segments = fences::segments(&parts.body, parts.body_first_line, diagnostics);
    let stem = path.file_stem().and_then(|stem| stem.to_str());
    let front_matter = front_matter::read(&parts.front_matter, stem, today, diagnostics)?;
    let variants = fences::variants(&segments, front_matter.default_audience, diagnostics);
    if let Some(audience) = front_matter.default_audience {
        if !variants.is_empty() && !variants.contains_key(&audience) {
            diagnostics.error(
                front_matter.default_audience_line,
                format!(
                    "default_audience `{audience}` has no variant: add a `::: {audience}` fence"
                ),
            );
        }
    }
    body::check(&segments, &front_matter.references, diagnostics);
    // Where the patients' words start: their first fence, else the body.
    let patient_line = segments
        .iter()
        .find(|segment| segment.audience == Some(Audience::Patient))
        .or(segments.first())
        .map_or(1, |segment| segment.first_line.saturating_sub(1).max(1));
    Some(Source {
        front_matter,
        variants,
        patient_line,
    })
}

/// The article of a front matter and variants that passed every check. `None` only when a
/// field could not be used, which an error has already reported.
fn article(front_matter: FrontMatter, variants: &BTreeMap<Audience, String>) -> Option<Article> {
    Some(Article {
        slug: Slug::parse(&front_matter.slug)?,
        question: front_matter.question,
        condition: front_matter.condition,
        lang: front_matter.lang,
        // Filled in by `check_dir` once both sides are known to point at each other.
        translations: BTreeMap::new(),
        updated: front_matter.updated?,
        next_review_due: front_matter.next_review_due?,
        review: front_matter.review?,
        // Given by `check_dir`, which reads the folder's `publisher.toml`.
        publisher: Rc::default(),
        changes: front_matter.changes,
        default_audience: front_matter.default_audience?,
        references: front_matter
            .references
            .into_iter()
            .map(|(reference, _)| reference)
            .collect(),
        variants: variants
            .iter()
            .map(|(audience, text)| (*audience, markdown::parse(text)))
            .collect(),
        // Filled in by `check_dir`, which sees the whole catalog.
        related: Vec::new(),
    })
}
