//! The content model: articles, audiences, reviews and references.
//!
//! Plain Rust with no browser dependency, so the same types serve the `articles` CLI,
//! native tests and the widget in the browser. The JSON that `articles build` writes
//! is exactly the serde form of these types.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::Document;

/// An article's name in file names, URLs and data: lowercase ASCII letters, digits and
/// hyphens (`als-primary-treatment`). The rule lives here only; `embed.js` and the
/// service-worker script repeat it as [`Slug::PATTERN`], which a test holds them to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// The rule as a JavaScript regular expression's body.
    pub const PATTERN: &'static str = "[a-z0-9-]+";

    /// `text` as a slug, if it is one.
    pub fn parse(text: &str) -> Option<Slug> {
        let is_slug = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        is_slug.then(|| Slug(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<&str> for Slug {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not an article slug")))
    }
}

crate::closed_enum! {
    /// Who an article variant is written for.
    pub enum Audience("audience") {
        Patient = "patient",
        Caregiver = "caregiver",
        Professional = "professional",
    }
}

impl Audience {
    /// The label a reader sees in the audience picker.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Patient => "Patient",
            Audience::Caregiver => "Caregiver",
            Audience::Professional => "Healthcare professional",
        }
    }

    /// The plural used in sentences such as "the version for caregivers".
    pub fn plural(self) -> &'static str {
        match self {
            Audience::Patient => "patients",
            Audience::Caregiver => "caregivers",
            Audience::Professional => "healthcare professionals",
        }
    }
}

crate::closed_enum! {
    /// Where an article stands in the Medical Advisory Board's review; the steps of the
    /// review, in order.
    pub enum ReviewStatus("review status") {
        Submitted = "submitted",
        UnderReview = "under_review",
        Approved = "approved",
    }
}

impl ReviewStatus {
    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Submitted => "Submitted",
            ReviewStatus::UnderReview => "Under Review",
            ReviewStatus::Approved => "Approved",
        }
    }
}

/// A calendar date, serialised as `YYYY-MM-DD`.
///
/// Our own small type rather than a date crate: the widget only needs to carry, compare
/// and print dates, and every dependency in the Wasm build costs partner pages bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date, if it exists in the proleptic Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The civil date `days` days after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// "August 17, 2025", as the seed page prints dates.
    pub fn long(self) -> String {
        let month = MONTH_NAMES[usize::from(self.month - 1)];
        format!("{month} {}, {}", self.day, self.year)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date like 2025-08-17");
        let mut parts = s.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return Err(bad());
        }
        let year = year.parse().map_err(|_| bad())?;
        let month = month.parse().map_err(|_| bad())?;
        let day = day.parse().map_err(|_| bad())?;
        Date::new(year, month, day).ok_or_else(|| format!("`{s}` is not a day of the calendar"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A member of the Medical Advisory Board who reviewed an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    pub name: String,
    pub credentials: String,
}

/// What truly happened to an article in review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub status: ReviewStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewers: Vec<Reviewer>,
    /// The day the reviewers signed off; absent while nobody has reviewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
}

/// One entry of an article's history: a change a reader should know of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub date: Date,
    pub summary: String,
}

/// One numbered entry of an article's reference list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The number that citations (`[^3]`) use.
    pub id: u32,
    pub authors: Vec<String>,
    pub title: String,
    /// The journal, or for a report or label the publishing body.
    pub source: String,
    pub year: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Reference {
    /// Where a reader can find the publication: the DOI first, as the most durable.
    pub fn link(&self) -> Option<String> {
        if let Some(doi) = &self.doi {
            return Some(format!("https://doi.org/{doi}"));
        }
        if let Some(pmid) = &self.pmid {
            return Some(format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"));
        }
        self.url.clone()
    }

    /// The authors as a list prints them: up to three, then "et al.".
    pub fn author_line(&self) -> String {
        match self.authors.len() {
            0 => String::new(),
            1..=3 => self.authors.join(", "),
            _ => format!("{} et al.", self.authors[..3].join(", ")),
        }
    }

    /// "2022;387(12):1099-1110", the journal locator after the source.
    pub fn locator(&self) -> String {
        let mut locator = self.year.to_string();
        if let Some(volume) = &self.volume {
            locator.push(';');
            locator.push_str(volume);
            if let Some(issue) = &self.issue {
                locator.push('(');
                locator.push_str(issue);
                locator.push(')');
            }
        }
        if let Some(pages) = &self.pages {
            locator.push(':');
            locator.push_str(pages);
        }
        locator
    }
}

/// One article as the widget fetches it: validated front matter plus the parsed body of
/// each audience's variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub slug: Slug,
    pub question: String,
    pub updated: Date,
    pub next_review_due: Date,
    pub review: Review,
    /// The article's history, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    pub default_audience: Audience,
    pub references: Vec<Reference>,
    /// The body of each audience's variant: the shared parts and that audience's own
    /// parts, in the order of the source file, parsed when the article was built.
    pub variants: BTreeMap<Audience, Document>,
    /// Other articles of the catalog a reader of this one may want next, with their
    /// questions, so that the links need no second request. Data built before related
    /// articles existed has none.
    #[serde(default)]
    pub related: Vec<RelatedArticle>,
}

/// A link from one article to another of the catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedArticle {
    pub slug: Slug,
    pub question: String,
}

/// The variant a reader gets for the audience they asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variant<'a> {
    /// The audience the variant was written for.
    pub audience: Audience,
    pub document: &'a Document,
    /// Whether this is the default variant standing in for a missing one.
    pub is_fallback: bool,
}

impl Article {
    /// The variant for `audience`, or the default variant when the article has none for it.
    pub fn variant(&self, audience: Audience) -> Option<Variant<'_>> {
        if let Some(document) = self.variants.get(&audience) {
            return Some(Variant {
                audience,
                document,
                is_fallback: false,
            });
        }
        self.variants
            .get(&self.default_audience)
            .map(|document| Variant {
                audience: self.default_audience,
                document,
                is_fallback: true,
            })
    }

    pub fn audiences(&self) -> Vec<Audience> {
        self.variants.keys().copied().collect()
    }

    pub fn reference(&self, id: u32) -> Option<&Reference> {
        self.references.iter().find(|reference| reference.id == id)
    }

    /// The entry that represents this article in the catalog.
    pub fn catalog_entry(&self) -> CatalogEntry {
        CatalogEntry {
            slug: self.slug.clone(),
            question: self.question.clone(),
            updated: self.updated,
            review_status: self.review.status,
            audiences: self.audiences(),
        }
    }
}

/// One line of the catalog (`index.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub slug: Slug,
    pub question: String,
    pub updated: Date,
    pub review_status: ReviewStatus,
    pub audiences: Vec<Audience>,
}

/// Every published article, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub articles: Vec<CatalogEntry>,
}

impl Catalog {
    /// The entries whose question holds every word of `query` (case-insensitive) and
    /// that have a variant for `audience`, if one is given; in catalog order.
    pub fn search(&self, query: &str, audience: Option<Audience>) -> Vec<&CatalogEntry> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        self.articles
            .iter()
            .filter(|entry| audience.is_none_or(|audience| entry.audiences.contains(&audience)))
            .filter(|entry| {
                let question = entry.question.to_lowercase();
                words.iter().all(|word| question.contains(word.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, question: &str, audiences: &[Audience]) -> CatalogEntry {
        CatalogEntry {
            slug: Slug::parse(slug).unwrap(),
            question: question.into(),
            updated: Date::new(2026, 11, 27).unwrap(),
            review_status: ReviewStatus::Submitted,
            audiences: audiences.to_vec(),
        }
    }

    #[test]
    fn the_catalog_is_searched_by_every_word_and_filtered_by_audience() {
        let catalog = Catalog {
            articles: vec![
                entry(
                    "als",
                    "What is the primary treatment for ALS?",
                    Audience::ALL,
                ),
                entry(
                    "bp",
                    "What is the first-line treatment for high blood pressure?",
                    &[Audience::Professional],
                ),
                entry(
                    "asthma",
                    "How is mild asthma treated?",
                    &[Audience::Patient, Audience::Professional],
                ),
            ],
        };
        let slugs = |entries: Vec<&CatalogEntry>| {
            entries
                .iter()
                .map(|entry| entry.slug.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(slugs(catalog.search("", None)), ["als", "bp", "asthma"]);
        assert_eq!(slugs(catalog.search("TREATMENT", None)), ["als", "bp"]);
        assert_eq!(slugs(catalog.search("treatment blood", None)), ["bp"]);
        assert_eq!(
            slugs(catalog.search("", Some(Audience::Patient))),
            ["als", "asthma"]
        );
        assert_eq!(
            slugs(catalog.search("treat", Some(Audience::Caregiver))),
            ["als"]
        );
        assert!(catalog.search("diabetes", None).is_empty());
    }

    #[test]
    fn dates_parse_validate_and_print() {
        let date: Date = "2024-02-29".parse().unwrap();
        assert_eq!(date.to_string(), "2024-02-29");
        assert_eq!(date.long(), "February 29, 2024");
        assert!("2025-02-29".parse::<Date>().is_err());
        assert!("2025-13-01".parse::<Date>().is_err());
        assert!("2025-8-17".parse::<Date>().is_err());
        assert!("17/08/2025".parse::<Date>().is_err());
        assert!("2025-08-17" > "2025-08-16");
    }

    #[test]
    fn epoch_days_become_civil_dates() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(20_317).to_string(),
            "2025-08-17"
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016).to_string(),
            "2000-02-29"
        );
    }

    #[test]
    fn audiences_round_trip_through_their_names() {
        for &audience in Audience::ALL {
            assert_eq!(audience.as_str().parse::<Audience>(), Ok(audience));
        }
        assert!("doctor".parse::<Audience>().is_err());
    }

    #[test]
    fn references_link_to_the_most_durable_identifier() {
        let mut reference = Reference {
            id: 1,
            authors: vec!["A".into(), "B".into(), "C".into(), "D".into()],
            title: "T".into(),
            source: "J".into(),
            year: 2022,
            volume: Some("387".into()),
            issue: Some("12".into()),
            pages: Some("1099-1110".into()),
            doi: Some("10.1056/NEJMoa2204705".into()),
            pmid: Some("36129998".into()),
            url: None,
        };
        assert_eq!(
            reference.link().unwrap(),
            "https://doi.org/10.1056/NEJMoa2204705"
        );
        assert_eq!(reference.author_line(), "A, B, C et al.");
        assert_eq!(reference.locator(), "2022;387(12):1099-1110");
        reference.doi = None;
        assert_eq!(
            reference.link().unwrap(),
            "https://pubmed.ncbi.nlm.nih.gov/36129998/"
        );
    }
}
