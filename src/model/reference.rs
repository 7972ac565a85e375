//! An article's references, and how a reference list prints them.

use serde::{Deserialize, Serialize};

use super::Date;
use crate::safe_url::SafeUrl;

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
    /// Whether more authors follow the ones listed: `Some(true)` for a list cut short,
    /// `Some(false)` for a list known to be whole, `None` when the author did not say
    /// (then only a list of more than six is cut, by Vancouver's rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub et_al: Option<bool>,
    /// The day a web page was read: set for a reference that is a web page, which then
    /// prints as Vancouver prints one ("[Internet]", "[cited …]", "Available from:").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited: Option<Date>,
}

impl Reference {
    /// Where a reader can find the publication: the DOI first, as the most durable.
    pub fn link(&self) -> Option<SafeUrl> {
        self.links().into_iter().next()
    }

    /// Every address of the publication, the most durable first: its DOI, its PubMed
    /// record, its URL. A URL that fails the allow-list is left out here, in the
    /// browser as at build time: the data may come from anywhere.
    pub fn links(&self) -> Vec<SafeUrl> {
        let doi = self
            .doi
            .as_ref()
            .and_then(|doi| SafeUrl::parse(&format!("https://doi.org/{doi}")));
        let pubmed = self
            .pmid
            .as_ref()
            .and_then(|pmid| SafeUrl::parse(&format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/")));
        [doi, pubmed, self.web_address()]
            .into_iter()
            .flatten()
            .collect()
    }

    /// The reference's URL, if it passes the allow-list and is a web address.
    pub fn web_address(&self) -> Option<SafeUrl> {
        self.url
            .as_deref()
            .and_then(SafeUrl::parse)
            .filter(SafeUrl::is_external)
    }

    /// Whether the reference is a web page (it says the day it was read), printed with
    /// "[Internet]", "[cited …]" and "Available from:".
    pub fn is_web_page(&self) -> bool {
        self.cited.is_some()
    }

    /// The authors in Vancouver style (the NLM's *Citing Medicine*): up to six, then
    /// "et al." when more were listed or the list says more follow.
    pub fn author_line(&self) -> String {
        let shown = &self.authors[..self.authors.len().min(MAX_AUTHORS)];
        let more_follow = self.authors.len() > MAX_AUTHORS || self.et_al == Some(true);
        match (shown.is_empty(), more_follow) {
            (false, true) => format!("{}, et al.", shown.join(", ")),
            _ => shown.join(", "),
        }
    }

    /// "2025 [cited 2026 Dec 4]", a web page's date after its publisher.
    pub fn web_date(&self) -> String {
        match self.cited {
            Some(cited) => format!("{} [cited {}]", self.year, vancouver_date(cited)),
            None => self.year.to_string(),
        }
    }

    /// "2022;387(12):1099-1110", the journal locator after the source; an issue without
    /// a volume, as Cochrane numbers them, prints "2012;(3):CD001447".
    pub fn locator(&self) -> String {
        let mut locator = self.year.to_string();
        if self.volume.is_some() || self.issue.is_some() {
            locator.push(';');
        }
        if let Some(volume) = &self.volume {
            locator.push_str(volume);
        }
        if let Some(issue) = &self.issue {
            locator.push('(');
            locator.push_str(issue);
            locator.push(')');
        }
        if let Some(pages) = &self.pages {
            locator.push(':');
            locator.push_str(pages);
        }
        locator
    }
}

/// How many authors a reference lists before "et al.".
const MAX_AUTHORS: usize = 6;

/// A date as Vancouver writes it: "2026 Dec 4".
pub fn vancouver_date(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS
        .get(usize::from(date.month()).saturating_sub(1))
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", date.year(), date.day())
}

/// What follows one element of a reference before the next: a period, unless the
/// element already ends a sentence ("et al.", a title that asks a question).
pub fn separator_after(element: &str) -> &'static str {
    if element.trim_end().ends_with(['.', '?', '!']) {
        " "
    } else {
        ". "
    }
}

/// Whether `doi` is a DOI: `10.`, a registrant code of four to nine digits (with
/// optional `.`-separated sub-codes), `/`, and a suffix without spaces.
pub fn is_doi(doi: &str) -> bool {
    let Some((prefix, suffix)) = doi
        .strip_prefix("10.")
        .and_then(|rest| rest.split_once('/'))
    else {
        return false;
    };
    let mut codes = prefix.split('.');
    let registrant = codes.next().unwrap_or_default();
    (4..=9).contains(&registrant.len())
        && registrant.bytes().all(|b| b.is_ascii_digit())
        && codes.all(|code| !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()))
        && !suffix.is_empty()
        && !suffix.chars().any(char::is_whitespace)
}

/// Whether `pmid` is a PubMed id: one to nine digits, not starting with 0.
pub fn is_pmid(pmid: &str) -> bool {
    (1..=9).contains(&pmid.len())
        && !pmid.starts_with('0')
        && pmid.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

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
            et_al: None,
            cited: None,
        };
        assert_eq!(
            reference.link().unwrap().as_str(),
            "https://doi.org/10.1056/NEJMoa2204705"
        );
        assert_eq!(reference.author_line(), "A, B, C, D");
        assert_eq!(reference.locator(), "2022;387(12):1099-1110");
        assert_eq!(
            reference
                .links()
                .iter()
                .map(SafeUrl::as_str)
                .collect::<Vec<_>>(),
            [
                "https://doi.org/10.1056/NEJMoa2204705",
                "https://pubmed.ncbi.nlm.nih.gov/36129998/"
            ]
        );
        reference.doi = None;
        assert_eq!(
            reference.link().unwrap().as_str(),
            "https://pubmed.ncbi.nlm.nih.gov/36129998/"
        );
    }

    #[test]
    fn authors_print_in_vancouver_style_without_a_doubled_period() {
        let authors = |count: usize| Reference {
            authors: (1..=count).map(|n| format!("Author{n} A")).collect(),
            ..reference()
        };
        assert_eq!(authors(1).author_line(), "Author1 A");
        assert_eq!(
            authors(6).author_line(),
            "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A"
        );
        let many = authors(7).author_line();
        assert_eq!(
            many,
            "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A, et al."
        );
        assert_eq!(separator_after(&many), " ");
        assert_eq!(separator_after("Roe J"), ". ");
        assert_eq!(separator_after("Does it work?"), " ");
    }

    #[test]
    fn dois_and_pmids_are_checked_for_their_form() {
        for doi in [
            "10.1056/NEJMoa2204705",
            "10.1002/14651858.CD001234.pub2",
            "10.1000.10/x(y)",
        ] {
            assert!(is_doi(doi), "{doi}");
        }
        for doi in [
            "10.1056",
            "10.12/x",
            "11.1056/x",
            "10.1056/",
            "10.1056/a b",
            "doi:10.1056/x",
            "10.abcd/x",
        ] {
            assert!(!is_doi(doi), "{doi}");
        }
        for pmid in ["1", "36129998", "123456789"] {
            assert!(is_pmid(pmid), "{pmid}");
        }
        for pmid in ["", "0123", "1234567890", "PMC123", "12 34"] {
            assert!(!is_pmid(pmid), "{pmid}");
        }
    }

    fn reference() -> Reference {
        Reference {
            id: 1,
            authors: vec![],
            title: "T".into(),
            source: "J".into(),
            year: 2020,
            volume: None,
            issue: None,
            pages: None,
            doi: None,
            pmid: None,
            url: None,
            et_al: None,
            cited: None,
        }
    }
}
