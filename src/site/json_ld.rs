//! The schema.org `MedicalWebPage` of an article's page as JSON-LD: what search engines
//! read of the article, its audience, its review and its sources. It claims only what
//! the data records.

use serde_json::{json, Map, Value};

use crate::model::{Article, Audience, Publisher, Reference};

/// The schema.org `MedicalWebPage` of an article's page for `audience`. It claims a
/// review (`lastReviewed`, `reviewedBy`) only when the data records one
/// (`Review::sign_off`), as the badge does.
pub fn medical_web_page(article: &Article, audience: Audience, canonical_url: &str) -> Value {
    let publisher = &article.publisher;
    // The variant shown: the default one stands in for a missing audience.
    let audience = article
        .variant(audience)
        .map_or(audience, |variant| variant.audience);
    let mut page = Map::new();
    page.insert("@context".into(), json!("https://schema.org"));
    page.insert("@type".into(), json!("MedicalWebPage"));
    page.insert("@id".into(), json!(canonical_url));
    page.insert("url".into(), json!(canonical_url));
    page.insert("name".into(), json!(article.question));
    page.insert("headline".into(), json!(article.question));
    if !publisher.language.is_empty() {
        page.insert("inLanguage".into(), json!(publisher.language));
    }
    if let Some(condition) = &article.condition {
        page.insert(
            "about".into(),
            json!({ "@type": "MedicalCondition", "name": condition }),
        );
    }
    page.insert("audience".into(), audience_json(audience));
    page.insert("dateModified".into(), json!(article.updated.to_string()));
    page.insert("publisher".into(), organization(publisher));
    if let Some(sign_off) = article.review.sign_off() {
        page.insert("lastReviewed".into(), json!(sign_off.reviewed.to_string()));
        let reviewers: Vec<Value> = sign_off
            .reviewers
            .iter()
            .map(|reviewer| {
                json!({
                    "@type": "Person",
                    "name": reviewer.name,
                    "honorificSuffix": reviewer.credentials,
                })
            })
            .collect();
        page.insert("reviewedBy".into(), Value::Array(reviewers));
    }
    if !article.references.is_empty() {
        let citations = article.references.iter().map(citation).collect();
        page.insert("citation".into(), Value::Array(citations));
    }
    Value::Object(page)
}

/// `value` in a `<script type="application/ld+json">`, with `<`, `>` and `&` written as
/// JSON escapes (`\u003c`…), so that no text in it can close the script or open a
/// comment.
pub fn script(value: &Value) -> String {
    let json = value
        .to_string()
        .replace('&', "\\u0026")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

/// Who a variant is written for, in schema.org's terms. schema.org has no type for
/// caregivers, so they are a `MedicalAudience` named as such.
fn audience_json(audience: Audience) -> Value {
    match audience {
        Audience::Patient => json!({ "@type": "Patient" }),
        Audience::Professional => {
            json!({ "@type": "MedicalAudience", "audienceType": "Clinician" })
        }
        Audience::Caregiver => {
            json!({ "@type": "MedicalAudience", "audienceType": "caregiver" })
        }
    }
}

/// The publisher as a schema.org `Organization`; its home page only when absolute, as
/// a relative link means nothing outside the publisher's own page.
fn organization(publisher: &Publisher) -> Value {
    let mut organization = Map::new();
    organization.insert("@type".into(), json!("Organization"));
    organization.insert("name".into(), json!(publisher.name));
    if is_absolute(&publisher.url) {
        organization.insert("url".into(), json!(publisher.url));
    }
    Value::Object(organization)
}

/// A reference as schema.org sees it. One with a DOI, a PMID or a volume is a journal's
/// article: a `ScholarlyArticle` part of a `Periodical`. Any other (a guideline, a
/// label, a press release) is a `CreativeWork` that its source published. Its `url` is
/// the reader's link (`Reference::link`); the other identifiers are `sameAs`.
fn citation(reference: &Reference) -> Value {
    let mut work = Map::new();
    let is_journal_article =
        reference.doi.is_some() || reference.pmid.is_some() || reference.volume.is_some();
    let (kind, (container, of)) = if is_journal_article {
        ("ScholarlyArticle", ("isPartOf", "Periodical"))
    } else {
        ("CreativeWork", ("publisher", "Organization"))
    };
    work.insert("@type".into(), json!(kind));
    work.insert("name".into(), json!(reference.title));
    let authors: Vec<Value> = reference.authors.iter().map(|name| author(name)).collect();
    if !authors.is_empty() {
        work.insert("author".into(), Value::Array(authors));
    }
    work.insert("datePublished".into(), json!(reference.year.to_string()));
    work.insert(
        container.into(),
        json!({ "@type": of, "name": reference.source }),
    );
    // The reader's link (`Reference::link`) first, then the other identifiers.
    let mut links = reference.links().into_iter().map(String::from);
    if let Some(link) = links.next() {
        work.insert("url".into(), json!(link));
    }
    let same_as: Vec<Value> = links.map(Value::from).collect();
    if !same_as.is_empty() {
        work.insert("sameAs".into(), Value::Array(same_as));
    }
    Value::Object(work)
}

/// An author of a reference: a `Person` when written as Vancouver style writes a person
/// (a surname, then up to four initials, then perhaps "Jr": `Casey DE Jr`), otherwise an
/// `Organization` (`National Institute for Health and Care Excellence`).
fn author(name: &str) -> Value {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words
        .last()
        .is_some_and(|word| ["Jr", "Sr", "II", "III", "IV", "2nd", "3rd"].contains(word))
    {
        words.pop();
    }
    let has_initials = words.len() >= 2
        && words.last().is_some_and(|initials| {
            (1..=4).contains(&initials.len()) && initials.bytes().all(|b| b.is_ascii_uppercase())
        });
    let kind = if has_initials {
        "Person"
    } else {
        "Organization"
    };
    json!({ "@type": kind, "name": name })
}

fn is_absolute(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
