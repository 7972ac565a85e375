//! Article source files: front matter, audience fences, and every check `articles check`
//! runs. Native only: the widget receives articles already validated, as JSON.
//!
//! [`parse_article`] reads one file: `front_matter` cuts it at its `+++` lines and reads
//! the TOML (`review` and `references` read its tables), `fences` cuts the body into
//! audience variants and `body` checks their markdown. Every check reports into the
//! file's one `Diagnostics`. `catalog` adds what only a whole directory can tell
//! (duplicate slugs, related articles and translations that exist, the publisher's words
//! in each article's language) from one small [`Record`] per file;
//! [`scan_dir`] reads a folder on every core into records only, [`load_dir`] into a
//! [`Report`] that keeps every article.

mod body;
mod catalog;
mod changes;
mod diagnostics;
pub mod edit;
mod fences;
mod fields;
mod front_matter;
pub mod publisher;
mod references;
mod review;
mod scan;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub use self::catalog::{check as check_catalog, Facts, Findings, LanguageLinks, Record};
pub use self::diagnostics::{has_errors, Diagnostic, Severity};
pub use self::front_matter::overdue as overdue_warning;
pub use self::scan::{in_parallel, in_parallel_on, read_publisher, record, scan_dir, Scan, BATCH};

use self::diagnostics::Diagnostics;
use self::front_matter::FrontMatter;
use crate::model::Publisher;
use crate::model::{Article, Audience, Catalog, Date, Keyed, Language, Slug};
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
    /// can tell whether they exist, see [`load_dir`].
    pub related: Vec<(String, usize)>,
    /// The markdown of each variant, before it was parsed into the article's body.
    pub markdown: BTreeMap<Audience, String>,
    /// Its language and translations: only the whole directory can tell whether the
    /// translations exist and point back, see [`load_dir`].
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
/// share a slug, and keeps every article in memory: for the commands that need them all
/// at once. [`scan_dir`] checks the same in bounded memory.
pub fn load_dir(dir: &Path, today: Date) -> std::io::Result<Report> {
    let (publisher, publisher_diagnostics) = read_publisher(dir)?;
    let publisher = Rc::new(publisher);
    let mut records = Vec::new();
    let mut articles = Vec::new();
    let mut markdown = BTreeMap::new();
    let language = publisher_language(&publisher);
    for path in article_paths(dir)? {
        let text = std::fs::read_to_string(&path)?;
        let mut parsed = parse_article(&path, &text, today);
        let variants = std::mem::take(&mut parsed.markdown);
        let (record, article) = scan::record(&path, parsed, language);
        records.push(record);
        articles.push(article.map(|article| (article, variants)));
    }
    let findings = catalog::check(&records, dir, &publisher);
    let mut publishers = Publishers::new(&publisher);
    let mut report = Report {
        diagnostics: publisher_diagnostics,
        publisher: publisher.clone(),
        ..Report::default()
    };
    report.diagnostics.extend(findings.all(&records).cloned());
    for (index, article) in articles.into_iter().enumerate() {
        let Some((mut article, variants)) = article.filter(|_| findings.kept[index]) else {
            continue;
        };
        article.related = findings.related(&records, index);
        article.translations = findings.translations[index].clone();
        if let Some(localized) = publishers.speaking(article.language()) {
            article.publisher = localized;
        }
        markdown.insert(article.slug.to_string(), variants);
        report.articles.push(article);
    }
    report.markdown = markdown;
    report
        .articles
        .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));
    Ok(report)
}

/// The language of the articles that name none: the publisher's, else English.
pub fn publisher_language(publisher: &Publisher) -> Language {
    Language::from_tag(&publisher.language).unwrap_or_default()
}

/// The publisher in each language it is asked for, made once per language and shared.
pub struct Publishers<'a> {
    publisher: &'a Rc<Publisher>,
    by_language: BTreeMap<Language, Option<Rc<Publisher>>>,
}

impl<'a> Publishers<'a> {
    pub fn new(publisher: &'a Rc<Publisher>) -> Publishers<'a> {
        Publishers {
            publisher,
            by_language: BTreeMap::new(),
        }
    }

    /// The publisher speaking `language`; when `publisher.toml` could not be read,
    /// itself (that is reported on it); `None` when it has no words in `language`,
    /// which `catalog` reports on the article.
    pub fn speaking(&mut self, language: Language) -> Option<Rc<Publisher>> {
        let publisher = self.publisher;
        let localized = self
            .by_language
            .entry(language)
            .or_insert_with(|| publisher.in_language(language).map(Rc::new));
        match localized {
            Some(localized) => Some(localized.clone()),
            None if publisher.language.is_empty() => Some(publisher.clone()),
            None => None,
        }
    }
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
pub fn article_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_article = path.extension().is_some_and(|ext| ext == "md")
            && path.file_name().is_some_and(|name| name != "README.md");
        if is_article {
            paths.push(path);
        }
    }
    // All in one folder: their order is their file names'. Comparing names alone is
    // what makes sorting a hundred thousand paths cheap.
    paths.sort_unstable_by(|a, b| a.file_name().cmp(&b.file_name()));
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
        // Filled in by `load_dir` once both sides are known to point at each other.
        translations: Keyed::new(),
        updated: front_matter.updated?,
        next_review_due: front_matter.next_review_due?,
        review: front_matter.review?,
        // Given by `load_dir`, which reads the folder's `publisher.toml`.
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
        // Filled in by `load_dir`, which sees the whole catalog.
        related: Vec::new(),
    })
}
