//! Article source files: front matter, audience fences, and every check `articles check`
//! runs. Native only: the widget receives articles already validated, as JSON.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use crate::markdown::{self, Finding};
use crate::model::{
    Article, Audience, Date, Reference, RelatedArticle, Review, ReviewStatus, Reviewer,
};
use crate::safe_url;

/// How bad a problem is: an error stops the build, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, at one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    /// `path:line: message`, with `warning: ` before the message of a warning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match self.severity {
            Severity::Error => write!(f, "{path}:{}: {}", self.line, self.message),
            Severity::Warning => write!(f, "{path}:{}: warning: {}", self.line, self.message),
        }
    }
}

/// What checking a set of articles found.
#[derive(Debug, Default)]
pub struct Report {
    /// Every article that parsed without error, sorted newest first, then by slug.
    pub articles: Vec<Article>,
    /// The markdown of each of those articles' variants, by slug.
    pub markdown: BTreeMap<String, BTreeMap<Audience, String>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Error)
    }
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

    let mut report = Report::default();
    let mut first_use_of_slug: HashMap<String, PathBuf> = HashMap::new();
    // The related slugs of each article kept, in the order of `report.articles`.
    let mut related = Vec::new();
    // Every slug of the directory, even of articles with errors, so that a related
    // link to a broken article is reported once, on that article.
    let mut questions: HashMap<String, Option<String>> = HashMap::new();
    for path in paths {
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
            report.diagnostics.push(Diagnostic {
                path: path.clone(),
                line: parsed.slug_line,
                severity: Severity::Error,
                message: format!(
                    "duplicate slug `{}`: {} uses it too",
                    article.slug,
                    first.display()
                ),
            });
            continue;
        }
        first_use_of_slug.insert(article.slug.clone(), path.clone());
        questions.insert(article.slug.clone(), Some(article.question.clone()));
        related.push((path, parsed.related));
        report
            .markdown
            .insert(article.slug.clone(), parsed.markdown);
        report.articles.push(article);
    }
    for (article, (path, slugs)) in report.articles.iter_mut().zip(related) {
        for (slug, line) in slugs {
            match questions.get(&slug) {
                Some(Some(question)) => article.related.push(RelatedArticle {
                    slug,
                    question: question.clone(),
                }),
                // That article has errors of its own, reported on it.
                Some(None) => {}
                None => report.diagnostics.push(Diagnostic {
                    path: path.clone(),
                    line,
                    severity: Severity::Error,
                    message: format!(
                        "related: no article `{slug}` in {}: related articles must be in the same catalog",
                        dir.display()
                    ),
                }),
            }
        }
    }
    report
        .articles
        .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));
    Ok(report)
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
}

/// Parses and checks one article source. `path` is used in diagnostics and, through its
/// file stem, to check the slug.
pub fn parse_article(path: &Path, text: &str, today: Date) -> Parsed {
    let mut checker = Checker {
        path,
        diagnostics: Vec::new(),
    };
    let mut related = Vec::new();
    let mut markdown = BTreeMap::new();
    let article = checker.article(text, today, &mut related, &mut markdown);
    let slug_line = article.as_ref().map_or(1, |(_, line)| *line);
    let has_errors = checker
        .diagnostics
        .iter()
        .any(|diagnostic| diagnostic.severity == Severity::Error);
    Parsed {
        article: article.filter(|_| !has_errors).map(|(article, _)| article),
        diagnostics: checker.diagnostics,
        slug_line,
        related,
        markdown,
    }
}

// The raw front matter, exactly as written. `Spanned` keeps where each value stands so
// that every problem can name its line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    slug: Spanned<String>,
    question: Spanned<String>,
    updated: Spanned<Datetime>,
    next_review_due: Spanned<Datetime>,
    default_audience: Spanned<String>,
    review: Spanned<RawReview>,
    #[serde(default)]
    references: Vec<Spanned<RawReference>>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    status: Spanned<String>,
    #[serde(default)]
    reviewers: Vec<RawReviewer>,
    #[serde(default)]
    reviewed: Option<Spanned<Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewer {
    name: String,
    credentials: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    id: Spanned<u32>,
    authors: Vec<String>,
    title: String,
    source: String,
    year: u16,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    doi: Option<String>,
    pmid: Option<String>,
    url: Option<String>,
}

/// A run of body lines that belongs to every audience (`None`) or to one.
struct Segment {
    audience: Option<Audience>,
    /// The file line of the segment's first line.
    first_line: usize,
    text: String,
}

struct Checker<'a> {
    path: &'a Path,
    diagnostics: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, line: usize, severity: Severity, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            path: self.path.to_path_buf(),
            line,
            severity,
            message: message.into(),
        });
    }

    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.report(line, Severity::Error, message);
    }

    fn warning(&mut self, line: usize, message: impl Into<String>) {
        self.report(line, Severity::Warning, message);
    }

    /// The article and the line of its slug, or `None` when the front matter is unusable.
    fn article(
        &mut self,
        text: &str,
        today: Date,
        related: &mut Vec<(String, usize)>,
        markdown: &mut BTreeMap<Audience, String>,
    ) -> Option<(Article, usize)> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        if lines.first().map(|line| line.trim_end()) != Some("+++") {
            self.error(
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
            self.error(1, "front matter is not closed: add a `+++` line after it");
            return None;
        };
        let front_matter: String = lines[1..closing].concat();
        // File lines are 1-based and the front matter starts on line 2.
        let front_matter_lines = LineIndex::new(&front_matter);
        let front_matter_line = |offset: usize| front_matter_lines.line(offset) + 1;

        let segments = self.segments(&lines[closing + 1..], closing + 2);

        let raw: RawFrontMatter = match toml::from_str(&front_matter) {
            Ok(raw) => raw,
            Err(error) => {
                let line = error.span().map_or(1, |span| front_matter_line(span.start));
                self.error(line, format!("front matter: {}", error.message()));
                return None;
            }
        };
        let line_of = |span: Range<usize>| front_matter_line(span.start);

        let slug_line = line_of(raw.slug.span());
        let slug = raw.slug.into_inner();
        let slug_is_well_formed = !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !slug_is_well_formed {
            self.error(
                slug_line,
                format!("slug `{slug}` must be lowercase letters, digits and `-`"),
            );
        }
        let stem = self.path.file_stem().and_then(|stem| stem.to_str());
        if stem.is_some_and(|stem| stem != slug) {
            self.error(
                slug_line,
                format!(
                    "slug `{slug}` must equal the file name `{}`",
                    stem.unwrap_or("")
                ),
            );
        }

        let question_line = line_of(raw.question.span());
        let question = raw.question.into_inner();
        if question.trim().is_empty() {
            self.error(question_line, "question must not be empty");
        }

        let updated = self.date("updated", raw.updated, &line_of);
        let next_review_due = self.date("next_review_due", raw.next_review_due, &line_of);
        if let (Some((updated, updated_line)), Some((next, next_line))) = (updated, next_review_due)
        {
            if updated > today {
                self.error(
                    updated_line,
                    format!("updated {updated} is after today ({today})"),
                );
            }
            if next < updated {
                self.error(
                    next_line,
                    format!("next review due {next} is before the last update {updated}"),
                );
            }
        }

        let default_audience_line = line_of(raw.default_audience.span());
        let default_audience = match raw.default_audience.into_inner().parse::<Audience>() {
            Ok(audience) => Some(audience),
            Err(error) => {
                self.error(default_audience_line, format!("default_audience: {error}"));
                None
            }
        };

        let review = self.review(raw.review, today, &line_of);
        let references = self.references(raw.references, &line_of);
        for entry in raw.related {
            let line = line_of(entry.span());
            let other = entry.into_inner();
            if other == slug {
                self.error(line, format!("related: `{other}` is this article itself"));
            } else if related.iter().any(|(seen, _)| *seen == other) {
                self.error(line, format!("related: `{other}` is listed twice"));
            } else {
                related.push((other, line));
            }
        }

        let variants = self.variants(&segments, default_audience);
        if let Some(audience) = default_audience {
            if !variants.is_empty() && !variants.contains_key(&audience) {
                self.error(
                    default_audience_line,
                    format!("default_audience `{audience}` has no variant: add a `::: {audience}` fence"),
                );
            }
        }
        self.check_markdown(&segments, &references);

        let article = Article {
            slug,
            question,
            updated: updated?.0,
            next_review_due: next_review_due?.0,
            review: review?,
            default_audience: default_audience?,
            references: references
                .into_iter()
                .map(|(reference, _)| reference)
                .collect(),
            variants: variants
                .iter()
                .map(|(audience, text)| (*audience, markdown::parse(text)))
                .collect(),
            // Filled in by `check_dir`, which sees the whole catalog.
            related: Vec::new(),
        };
        *markdown = variants;
        Some((article, slug_line))
    }

    fn date(
        &mut self,
        field: &str,
        value: Spanned<Datetime>,
        line_of: &dyn Fn(Range<usize>) -> usize,
    ) -> Option<(Date, usize)> {
        let line = line_of(value.span());
        let datetime = value.into_inner();
        let date = match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => Date::new(date.year, date.month, date.day),
            _ => None,
        };
        if date.is_none() {
            self.error(
                line,
                format!("{field} must be a calendar date like 2025-08-17, not `{datetime}`"),
            );
        }
        date.map(|date| (date, line))
    }

    fn review(
        &mut self,
        raw: Spanned<RawReview>,
        today: Date,
        line_of: &dyn Fn(Range<usize>) -> usize,
    ) -> Option<Review> {
        let review_line = line_of(raw.span());
        let raw = raw.into_inner();
        let status_line = line_of(raw.status.span());
        let status = match raw.status.into_inner().parse::<ReviewStatus>() {
            Ok(status) => Some(status),
            Err(message) => {
                self.error(status_line, format!("review.status: {message}"));
                None
            }
        };
        let reviewed = match raw.reviewed {
            Some(reviewed) => Some(self.date("review.reviewed", reviewed, line_of)?),
            None => None,
        };
        if let Some((reviewed, line)) = reviewed {
            if reviewed > today {
                self.error(
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
                self.error(review_line, "each reviewer needs a name and credentials");
            }
        }
        let status = status?;
        match status {
            ReviewStatus::Submitted if !reviewers.is_empty() || reviewed.is_some() => {
                self.error(
                    status_line,
                    "a submitted article has not been reviewed: use under_review or approved, or remove the reviewers and review date",
                );
            }
            ReviewStatus::UnderReview if reviewers.is_empty() => {
                self.error(status_line, "an article under review names its reviewers");
            }
            ReviewStatus::Approved if reviewers.is_empty() => {
                self.error(
                    status_line,
                    "an approved article names the humans who reviewed it",
                );
            }
            ReviewStatus::Approved if reviewed.is_none() => {
                self.error(
                    status_line,
                    "an approved article gives its review date (`reviewed`)",
                );
            }
            _ => {}
        }
        Some(Review {
            status,
            reviewers,
            reviewed: reviewed.map(|(date, _)| date),
        })
    }

    fn references(
        &mut self,
        raw: Vec<Spanned<RawReference>>,
        line_of: &dyn Fn(Range<usize>) -> usize,
    ) -> Vec<(Reference, usize)> {
        let mut references = Vec::with_capacity(raw.len());
        for (index, raw) in raw.into_iter().enumerate() {
            let line = line_of(raw.span());
            let raw = raw.into_inner();
            let id = raw.id.into_inner();
            let expected = index as u32 + 1;
            if id != expected {
                self.error(
                    line,
                    format!("reference id {id} is out of order: references are numbered 1, 2, 3... and this one should be {expected}"),
                );
            }
            if raw.authors.is_empty() || raw.authors.iter().any(|author| author.trim().is_empty()) {
                self.error(line, format!("reference {id} needs its authors"));
            }
            if raw.title.trim().is_empty() || raw.source.trim().is_empty() {
                self.error(line, format!("reference {id} needs a title and a source"));
            }
            if raw.doi.is_none() && raw.pmid.is_none() && raw.url.is_none() {
                self.error(line, format!("reference {id} needs a doi, a pmid or a url"));
            }
            if let Some(pmid) = &raw.pmid {
                if pmid.is_empty() || !pmid.bytes().all(|b| b.is_ascii_digit()) {
                    self.error(
                        line,
                        format!("reference {id}: pmid `{pmid}` is not a PubMed id"),
                    );
                }
            }
            if let Some(doi) = &raw.doi {
                if !doi.starts_with("10.") || !doi.contains('/') {
                    self.error(
                        line,
                        format!("reference {id}: doi `{doi}` does not look like 10.xxxx/yyyy"),
                    );
                }
            }
            if let Some(url) = &raw.url {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.error(
                        line,
                        format!("reference {id}: url `{url}` must be http or https"),
                    );
                }
            }
            references.push((
                Reference {
                    id,
                    authors: raw.authors,
                    title: raw.title,
                    source: raw.source,
                    year: raw.year,
                    volume: raw.volume,
                    issue: raw.issue,
                    pages: raw.pages,
                    doi: raw.doi,
                    pmid: raw.pmid,
                    url: raw.url,
                },
                line,
            ));
        }
        references
    }

    /// Splits the body into shared and per-audience segments at the `:::` fences.
    fn segments(&mut self, lines: &[&str], first_line: usize) -> Vec<Segment> {
        let mut segments = vec![Segment {
            audience: None,
            first_line,
            text: String::new(),
        }];
        let mut open_fence: Option<(Audience, usize)> = None;
        let mut code_fence: Option<&str> = None;
        for (index, line) in lines.iter().enumerate() {
            let line_number = first_line + index;
            let trimmed = line.trim();
            if let Some(marker) = code_fence {
                if trimmed.starts_with(marker) {
                    code_fence = None;
                }
            } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                code_fence = Some(&trimmed[..3]);
            } else if let Some(rest) = trimmed.strip_prefix(":::") {
                let name = rest.trim();
                let next_audience = if name.is_empty() {
                    if open_fence.is_none() {
                        self.error(line_number, "`:::` closes no audience fence");
                    }
                    open_fence = None;
                    None
                } else {
                    if let Some((open, open_line)) = open_fence {
                        self.error(
                            line_number,
                            format!("audience fences do not nest: close the `::: {open}` fence of line {open_line} first"),
                        );
                    }
                    match name.parse::<Audience>() {
                        Ok(audience) => {
                            open_fence = Some((audience, line_number));
                            Some(audience)
                        }
                        Err(error) => {
                            self.error(line_number, error.to_string());
                            None
                        }
                    }
                };
                segments.push(Segment {
                    audience: next_audience,
                    first_line: line_number + 1,
                    text: String::new(),
                });
                continue;
            }
            if let Some(segment) = segments.last_mut() {
                segment.text.push_str(line);
            }
        }
        if let Some((audience, line)) = open_fence {
            self.error(
                line,
                format!("the `::: {audience}` fence is never closed: add a `:::` line"),
            );
        }
        segments
    }

    fn variants(
        &mut self,
        segments: &[Segment],
        default_audience: Option<Audience>,
    ) -> BTreeMap<Audience, String> {
        let fenced: BTreeSet<Audience> = segments
            .iter()
            .filter_map(|segment| segment.audience)
            .collect();
        let audiences: Vec<Audience> = if fenced.is_empty() {
            default_audience.into_iter().collect()
        } else {
            fenced.into_iter().collect()
        };
        let mut variants = BTreeMap::new();
        for audience in audiences {
            let mut markdown = String::new();
            for segment in segments {
                if segment.audience.is_none() || segment.audience == Some(audience) {
                    if !markdown.is_empty() && !markdown.ends_with("\n\n") {
                        markdown.push('\n');
                    }
                    markdown.push_str(&segment.text);
                }
            }
            let markdown = markdown.trim().to_owned();
            if markdown.is_empty() {
                let line = segments.first().map_or(1, |segment| segment.first_line);
                self.error(line, format!("the {audience} variant is empty"));
            }
            variants.insert(audience, markdown);
        }
        if variants.is_empty() {
            let line = segments.first().map_or(1, |segment| segment.first_line);
            self.error(line, "the article has no body");
        }
        variants
    }

    /// Citations, footnote definitions, raw HTML, URL schemes and headings of the body.
    fn check_markdown(&mut self, segments: &[Segment], references: &[(Reference, usize)]) {
        let mut cited = BTreeSet::new();
        for segment in segments {
            let lines = LineIndex::new(&segment.text);
            let line_at_offset = |offset: usize| segment.first_line + lines.line(offset) - 1;
            for finding in markdown::findings(&segment.text) {
                match finding {
                    Finding::Citation { label, offset } => {
                        let reference = label.parse::<u32>().ok().filter(|id| {
                            references.iter().any(|(reference, _)| reference.id == *id)
                        });
                        match reference {
                            Some(id) => {
                                cited.insert(id);
                            }
                            None => self.error(
                                line_at_offset(offset),
                                format!("citation [^{label}] has no reference: add a [[references]] entry with id = {label}"),
                            ),
                        }
                    }
                    Finding::FootnoteDefinition { label, offset } => self.error(
                        line_at_offset(offset),
                        format!(
                            "footnote definition [^{label}]: references belong in the front matter"
                        ),
                    ),
                    Finding::RawHtml { offset } => self.warning(
                        line_at_offset(offset),
                        "raw HTML is shown to readers as text, not interpreted",
                    ),
                    Finding::Link { url, offset } if safe_url::allowed(&url).is_none() => {
                        self.error(
                            line_at_offset(offset),
                            format!("URL `{url}` is not allowed: use http, https, mailto, tel, a relative path or a #fragment"),
                        );
                    }
                    Finding::Heading { level: 1, offset } => self.warning(
                        line_at_offset(offset),
                        "the question is the page's only h1: start the body's headings at ##",
                    ),
                    Finding::Link { .. } | Finding::Heading { .. } => {}
                }
            }
        }
        for (reference, line) in references {
            if !cited.contains(&reference.id) {
                self.warning(*line, format!("reference {} is never cited", reference.id));
            }
        }
    }
}

/// Where each line of a text starts, so that the line of any byte offset is a binary
/// search away: a long article has hundreds of thousands of markdown events.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line of byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}
