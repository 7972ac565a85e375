//! An article's references, and how a reference list prints them.

use serde::{Deserialize, Serialize};

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
