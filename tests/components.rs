//! The widget's components rendered natively through Yew SSR: the very components the
//! browser runs, asserted on their HTML.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::rc::Rc;

use article_widget::components::article_link::Links;
use article_widget::components::printed::Printed;
use article_widget::components::rendering::Rendering;
use article_widget::markdown::parse;
use article_widget::model::{
    Article, Audience, Catalog, CatalogEntry, Change, ChangeKind, Date, Reference, RelatedArticle,
    Review, ReviewStatus, Reviewer, Slug,
};
use article_widget::model::{Disclaimer, Disclaimers, FollowUp, Keyed, Publisher, ReviewBody};
use article_widget::pages::article::{ArticlePage, ArticlePageProps};
use article_widget::pages::catalog::{CatalogList, CatalogListProps};
use article_widget::pages::unavailable::{Unavailable, UnavailableProps};
use article_widget::preferences::Preferences;
use yew::{AttrValue, Callback, ContextProvider};

const POLICY_URL: &str = "https://publisher.example/editorial-policy";
const FOLLOWUP_URL: &str = "https://ask.example/?q=als";
const CORRECTIONS_URL: &str = "mailto:fix@publisher.example";

/// A publisher with words of its own, none of them a real publisher's.
fn publisher() -> Publisher {
    let disclaimer = |heading: &str, text: &str| Disclaimer {
        heading: heading.into(),
        text: text.into(),
    };
    Publisher {
        name: "Demo Health".into(),
        url: "https://demo.example/".into(),
        site_url: "https://demo.example/library/".into(),
        language: "en".into(),
        accent: "#0a58a8".into(),
        accent_dark: "#8cc4ff".into(),
        editorial_policy_url: POLICY_URL.into(),
        corrections_url: "mailto:fix@demo.example".into(),
        review_body: ReviewBody {
            name: "Demo Review Board".into(),
            statement: "Clinicians check each article against its guidelines.".into(),
            in_sentence: None,
        },
        follow_up: Some(FollowUp {
            heading: "Questions?".into(),
            text: "Ask our editors.".into(),
            button: "Ask the editors".into(),
            url: "https://demo.example/ask".into(),
        }),
        disclaimers: Disclaimers {
            patient: disclaimer("Medical Disclaimer", "Not advice for you."),
            caregiver: disclaimer("Caregiver Disclaimer", "Not advice for them."),
            professional: disclaimer("Professional Medical Disclaimer", "Use your judgement."),
        },
        translations: Default::default(),
    }
}

fn slug(text: &str) -> Slug {
    Slug::parse(text).unwrap()
}

fn date(text: &str) -> Date {
    text.parse().expect("a valid date")
}

fn review(status: ReviewStatus) -> Review {
    match status {
        ReviewStatus::Submitted => Review {
            status,
            reviewers: Vec::new(),
            reviewed: None,
        },
        ReviewStatus::UnderReview => Review {
            status,
            reviewers: vec![Reviewer {
                name: "Jane Roe".into(),
                credentials: "MD, FAAN".into(),
            }],
            reviewed: None,
        },
        ReviewStatus::Approved => Review {
            status,
            reviewers: vec![Reviewer {
                name: "Jane Roe".into(),
                credentials: "MD, FAAN".into(),
            }],
            reviewed: Some(date("2026-11-25")),
        },
    }
}

/// An article with patient and professional variants (no caregiver one), two
/// references, of which the professional variant cites the first twice.
fn fixture(status: ReviewStatus) -> Article {
    let mut variants = Keyed::new();
    variants.insert(
        Audience::Patient,
        parse("Riluzole is a pill that can slow ALS down.\n\n## Living with ALS\n\nPatient words."),
    );
    variants.insert(
        Audience::Professional,
        parse("Riluzole 50 mg twice daily[^1] extends survival[^1][^2].\n\n## Dosing\n\nProfessional words."),
    );
    Article {
        slug: slug("als-demo"),
        question: "What is the primary treatment for ALS?".into(),
        condition: Some("Amyotrophic lateral sclerosis".into()),
        lang: None,
        translations: Default::default(),
        updated: date("2026-11-20"),
        next_review_due: date("2027-05-20"),
        review: review(status),
        publisher: Rc::new(publisher()),
        changes: vec![Change {
            date: date("2026-11-18"),
            summary: "Cites the 2024 EAN guideline.".into(),
            kind: ChangeKind::Update,
        }],
        default_audience: Audience::Professional,
        references: vec![
            Reference {
                id: 1,
                authors: vec![
                    "Bensimon G".into(),
                    "Lacomblez L".into(),
                    "Meininger V".into(),
                ],
                title: "A controlled trial of riluzole in amyotrophic lateral sclerosis".into(),
                source: "N Engl J Med".into(),
                year: 1994,
                volume: Some("330".into()),
                issue: Some("9".into()),
                pages: Some("585-591".into()),
                doi: Some("10.1056/NEJM199403033300901".into()),
                pmid: Some("8302340".into()),
                url: None,
                et_al: None,
                cited: None,
            },
            Reference {
                id: 2,
                authors: vec!["Writing Group".into()],
                title: "Edaravone in ALS".into(),
                source: "Lancet Neurol".into(),
                year: 2017,
                volume: None,
                issue: None,
                pages: None,
                doi: None,
                pmid: None,
                url: Some("https://example.org/edaravone".into()),
                et_al: None,
                cited: None,
            },
        ],
        variants,
        related: vec![RelatedArticle {
            slug: slug("edaravone-demo"),
            question: "Does edaravone slow ALS?".into(),
        }],
    }
}

/// The props of `article`'s page for patients, on the publisher's own page.
fn props(article: Article) -> ArticlePageProps {
    ArticlePageProps {
        article: Rc::new(article),
        audience: Audience::Patient,
        preferences: Preferences::default(),
        onaction: Callback::noop(),
        storage_notice: None,
        follow_up: None,
        editorial_policy_url: Some(AttrValue::from(POLICY_URL)),
        corrections_url: Some(AttrValue::from(CORRECTIONS_URL)),
        today: None,
        saved_copy: false,
        update_notice: yew::Html::default(),
        canonical_url: None,
        rendering: Rendering::Live,
        onlanguage: Callback::noop(),
        printed: Printed::default(),
        in_parts: false,
        ondrawn: Callback::noop(),
    }
}

#[test]
fn an_article_drawn_in_parts_draws_its_body_first_and_its_references_last() {
    // The first render of a page drawn in parts (server rendering runs no effects, so
    // no later part): the header and the body's first part, not yet the sections after.
    let first = article_widget::ssr::render::<ArticlePage>(|| ArticlePageProps {
        in_parts: true,
        ..props(fixture(ReviewStatus::Approved))
    });
    let whole =
        article_widget::ssr::render::<ArticlePage>(|| props(fixture(ReviewStatus::Approved)));
    for html in [&first, &whole] {
        assert!(html.contains("<h1 id=\"question\""), "{html}");
        assert!(html.contains("class=\"article-body\""), "{html}");
    }
    assert!(whole.contains("class=\"references\""), "{whole}");
    assert!(!first.contains("class=\"references\""), "{first}");
    assert!(!first.contains("class=\"disclaimer\""), "{first}");
}

/// The article page for `audience`, with or without the follow-up call to action.
fn page(status: ReviewStatus, audience: Audience, followup: Option<&'static str>) -> String {
    article_widget::ssr::render::<ArticlePage>(move || ArticlePageProps {
        audience,
        follow_up: followup.map(|url| FollowUp {
            url: url.into(),
            ..publisher().follow_up.unwrap()
        }),
        ..props(fixture(status))
    })
}

// ---------------------------------------------------------------------------------
// A small reader of the rendered HTML: opening tags with their attributes, whatever
// order Yew writes the attributes in.

#[derive(Debug)]
struct Tag {
    name: String,
    attributes: BTreeMap<String, String>,
    /// The byte offset just after the tag's `>`.
    end: usize,
}

impl Tag {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attributes.get(key).map(String::as_str)
    }

    fn has(&self, key: &str, value: &str) -> bool {
        self.attr(key) == Some(value)
    }

    /// The text right after the tag, up to the next tag.
    fn text<'a>(&self, html: &'a str) -> &'a str {
        let rest = &html[self.end..];
        &rest[..rest.find('<').unwrap_or(rest.len())]
    }

    /// Everything after the tag up to its matching closing tag.
    fn inner<'a>(&self, html: &'a str) -> &'a str {
        let rest = &html[self.end..];
        let open = format!("<{}", self.name);
        let close = format!("</{}>", self.name);
        let mut depth = 1;
        let mut index = 0;
        while index < rest.len() {
            if rest[index..].starts_with(&close) {
                depth -= 1;
                if depth == 0 {
                    return &rest[..index];
                }
            } else if rest[index..].starts_with(&open)
                && rest[index + open.len()..].starts_with([' ', '>'])
            {
                depth += 1;
            }
            index += rest[index..].chars().next().map_or(1, char::len_utf8);
        }
        panic!("<{}> is never closed", self.name)
    }
}

fn tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut offset = 0;
    while let Some(found) = html[offset..].find('<') {
        let start = offset + found + 1;
        let end = start + html[start..].find('>').expect("tag is closed");
        offset = end + 1;
        let inner = &html[start..end];
        if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_end = inner.find(' ').unwrap_or(inner.len());
        let mut attributes = BTreeMap::new();
        let mut rest = inner[name_end..].trim_start();
        while !rest.is_empty() {
            let key_end = rest.find(['=', ' ']).unwrap_or(rest.len());
            let key = rest[..key_end].to_owned();
            rest = &rest[key_end..];
            let value = if let Some(quoted) = rest.strip_prefix("=\"") {
                let close = quoted.find('"').expect("attribute value is closed");
                rest = &quoted[close + 1..];
                quoted[..close].to_owned()
            } else {
                String::new()
            };
            attributes.insert(key, value);
            rest = rest.trim_start();
        }
        tags.push(Tag {
            name: inner[..name_end].to_owned(),
            attributes,
            end: offset,
        });
    }
    tags
}

/// Every `name` element having all of `attributes`.
fn all(html: &str, name: &str, attributes: &[(&str, &str)]) -> Vec<Tag> {
    tags(html)
        .into_iter()
        .filter(|tag| tag.name == name && attributes.iter().all(|(k, v)| tag.has(k, v)))
        .collect()
}

/// The one `name` element having all of `attributes`.
#[track_caller]
fn one(html: &str, name: &str, attributes: &[(&str, &str)]) -> Tag {
    let mut found = all(html, name, attributes);
    assert_eq!(
        found.len(),
        1,
        "expected one <{name}> with {attributes:?} in:\n{html}"
    );
    found.remove(0)
}

// ---------------------------------------------------------------------------------
// The article page

#[test]
fn the_question_is_the_pages_only_h1() {
    let html = page(ReviewStatus::Submitted, Audience::Professional, None);
    let h1 = one(&html, "h1", &[]);
    assert_eq!(h1.text(&html), "What is the primary treatment for ALS?");
    assert!(h1.has("id", "question"));
    assert!(one(&html, "article", &[]).has("aria-labelledby", "question"));
}

#[test]
fn the_badge_says_only_what_the_recorded_review_says() {
    let badge = |status| {
        let html = page(status, Audience::Professional, None);
        let badge = one(&html, "p", &[("part", "badge")]);
        (
            badge.attr("class").unwrap_or_default().to_owned(),
            badge.inner(&html).to_owned(),
        )
    };
    let (class, submitted) = badge(ReviewStatus::Submitted);
    assert_eq!(class, "review-badge pending");
    assert!(
        submitted.contains("<strong>Demo Review Board</strong>"),
        "{submitted}"
    );
    assert!(
        submitted.contains("<span>Awaiting review by the Demo Review Board.</span>"),
        "{submitted}"
    );
    assert!(!submitted.contains("Reviewed"), "{submitted}");

    let (class, under_review) = badge(ReviewStatus::UnderReview);
    assert_eq!(class, "review-badge pending");
    assert!(
        under_review
            .contains("<span>Being reviewed by the Demo Review Board; not yet approved.</span>"),
        "{under_review}"
    );

    let (class, approved) = badge(ReviewStatus::Approved);
    assert_eq!(class, "review-badge approved");
    assert!(
        approved.contains("Reviewed by Jane Roe, MD, FAAN on <time datetime=\"2026-11-25\">November 25, 2026</time>."),
        "{approved}"
    );
    assert!(approved.contains("Clinicians check each article against its guidelines."));
}

#[test]
fn the_stepper_marks_the_current_review_step() {
    for (status, label, done) in [
        (ReviewStatus::Submitted, "Submitted", 0),
        (ReviewStatus::UnderReview, "Under Review", 1),
        (ReviewStatus::Approved, "Approved", 2),
    ] {
        let html = page(status, Audience::Professional, None);
        let steps = one(&html, "ol", &[("class", "review-steps")]);
        let steps_html = steps.inner(&html);
        let items = all(steps_html, "li", &[]);
        let labels: Vec<&str> = items.iter().map(|li| li.text(steps_html)).collect();
        assert_eq!(labels, ["Submitted", "Under Review", "Approved"]);

        let current = one(&html, "li", &[("aria-current", "step")]);
        assert_eq!(current.text(&html), label, "status {status:?}");
        assert!(current.has("class", "review-step current"));
        assert_eq!(
            all(&html, "li", &[("class", "review-step done")]).len(),
            done
        );
        assert!(
            current.inner(&html).contains("(current step)"),
            "{}",
            current.inner(&html)
        );
    }
}

#[test]
fn the_caution_line_shows_until_the_article_is_approved() {
    let caution = "Educational purpose only • Exercise caution as content is pending human review";
    for status in [ReviewStatus::Submitted, ReviewStatus::UnderReview] {
        let html = page(status, Audience::Professional, None);
        let line = one(&html, "p", &[("class", "caution")]);
        assert_eq!(line.text(&html), caution, "status {status:?}");
        assert!(line.has("role", "note"));
    }
    let html = page(ReviewStatus::Approved, Audience::Professional, None);
    assert!(all(&html, "p", &[("class", "caution")]).is_empty());
    assert!(!html.contains("pending human review"), "{html}");
    let note = one(&html, "p", &[("class", "note educational")]);
    assert_eq!(note.text(&html), "Educational purpose only");
}

#[test]
fn a_printed_copy_names_the_audience_shown_and_where_and_when_it_was_printed() {
    let written_for = |html: &str| {
        one(html, "p", &[("class", "printed-for")])
            .text(html)
            .to_owned()
    };
    let patient = page(ReviewStatus::Submitted, Audience::Patient, None);
    assert_eq!(written_for(&patient), "Written for patients");
    // A caregiver asked and the professionals' version is shown: the copy names the
    // version it holds.
    let fallback = page(ReviewStatus::Submitted, Audience::Caregiver, None);
    assert_eq!(
        written_for(&fallback),
        "Written for healthcare professionals"
    );
    // Where and when are the lines' attributes, for the print stylesheet to write: the
    // build's page and the live widget hold the same text.
    let address = "https://partner.example/health?article=als";
    let live = article_widget::ssr::render::<ArticlePage>(move || ArticlePageProps {
        printed: Printed {
            address: Some(AttrValue::from(address)),
            date: Some(date("2027-02-11")),
        },
        ..props(fixture(ReviewStatus::Submitted))
    });
    let from = one(&live, "p", &[("data-value", address)]);
    assert_eq!(from.text(&live), "Printed from ");
    let on = one(&live, "p", &[("data-value", "February 11, 2027")]);
    assert_eq!(on.text(&live), "Printed on ");
    let footer = one(&live, "footer", &[("class", "printed")]);
    let unknown = one(&patient, "footer", &[("class", "printed")]);
    assert!(!unknown.inner(&patient).contains("data-value"), "{patient}");
    assert_eq!(
        text_content(footer.inner(&live)),
        text_content(unknown.inner(&patient))
    );
}

#[test]
fn an_overdue_review_is_said_plainly_by_the_readers_date() {
    let on = |today: Option<&'static str>| {
        article_widget::ssr::render::<ArticlePage>(move || ArticlePageProps {
            today: today.map(date),
            ..props(fixture(ReviewStatus::Approved))
        })
    };
    let overdue = on(Some("2027-05-21"));
    let note = one(&overdue, "p", &[("class", "overdue")]);
    assert_eq!(
        note.inner(&overdue),
        "This article was due for review on <time datetime=\"2027-05-20\">May 20, 2027</time>. It may not reflect the latest guidance."
    );
    for not_overdue in [on(Some("2027-05-20")), on(Some("2026-12-01")), on(None)] {
        assert!(all(&not_overdue, "p", &[("class", "overdue")]).is_empty());
    }
}

#[test]
fn an_overdue_saved_copy_shown_offline_says_it_may_be_out_of_date() {
    let html = article_widget::ssr::render::<ArticlePage>(|| ArticlePageProps {
        today: Some(date("2027-05-21")),
        saved_copy: true,
        ..props(fixture(ReviewStatus::Approved))
    });
    let note = one(&html, "p", &[("class", "overdue")]);
    assert_eq!(
        note.inner(&html),
        "The copy saved on this device was due for review on <time datetime=\"2027-05-20\">May 20, 2027</time>. It may be out of date: connect to get the latest version."
    );
}

#[yew::function_component]
fn NoticedArticle(noticed: &NoticedProps) -> yew::Html {
    let changes = [
        Change {
            date: date("2026-11-19"),
            summary: "Fixes the riluzole dose.".into(),
            kind: ChangeKind::Correction,
        },
        Change {
            date: date("2026-11-25"),
            summary: "Adds the 2026 trial.".into(),
            kind: ChangeKind::Update,
        },
    ];
    let notice = article_widget::components::update_notice::update_notice(
        date("2026-11-01"),
        &changes,
        Callback::noop(),
        noticed.language,
    );
    let page = ArticlePageProps {
        update_notice: notice,
        ..props(fixture(ReviewStatus::Submitted))
    };
    yew::html! {
        <ContextProvider<article_widget::model::Language> context={noticed.language}>
            <ArticlePage ..page />
        </ContextProvider<article_widget::model::Language>>
    }
}

#[derive(yew::Properties, PartialEq)]
struct NoticedProps {
    language: article_widget::model::Language,
}

#[test]
fn the_update_notice_is_a_headed_status_region_over_the_body_with_a_dismiss_button() {
    let html = article_widget::ssr::render::<NoticedArticle>(|| NoticedProps {
        language: article_widget::model::Language::English,
    });
    let section = one(
        &html,
        "section",
        &[("class", "note update-notice"), ("role", "status")],
    );
    let inner = section.inner(&html);
    assert_eq!(
        one(inner, "h2", &[]).text(inner),
        "Updated since you last read it on November 1, 2026"
    );
    let entries = all(inner, "li", &[]);
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0].inner(inner),
        "<time datetime=\"2026-11-19\">November 19, 2026</time>: <strong class=\"change-kind\">Correction</strong>: Fixes the riluzole dose."
    );
    assert_eq!(
        entries[1].inner(inner),
        "<time datetime=\"2026-11-25\">November 25, 2026</time>: Adds the 2026 trial."
    );
    let dismiss = one(inner, "button", &[("type", "button")]);
    assert_eq!(dismiss.text(inner), "Dismiss");
    // Over the body, after the header's trust signals.
    let notice_at = html.find("update-notice").unwrap();
    assert!(notice_at < html.find("part=\"body\"").unwrap());
    assert!(html.find("</header>").unwrap() < notice_at);

    let spanish = article_widget::ssr::render::<NoticedArticle>(|| NoticedProps {
        language: article_widget::model::Language::Spanish,
    });
    let section = one(&spanish, "section", &[("role", "status")]).inner(&spanish);
    assert_eq!(
        one(section, "h2", &[]).text(section),
        "Actualizado desde que lo leyó el 1 de noviembre de 2026"
    );
    assert_eq!(one(section, "button", &[]).text(section), "Descartar");

    // The build's page, and a page with nothing changed, have none.
    let plain = page(ReviewStatus::Submitted, Audience::Patient, None);
    assert!(all(&plain, "section", &[("role", "status")]).is_empty());
}

#[test]
fn review_dates_are_machine_readable_times() {
    let html = page(ReviewStatus::Submitted, Audience::Professional, None);
    let updated = one(&html, "time", &[("datetime", "2026-11-20")]);
    assert_eq!(updated.text(&html), "November 20, 2026");
    let next = one(&html, "time", &[("datetime", "2027-05-20")]);
    assert_eq!(next.text(&html), "May 20, 2027");
    assert!(html.contains("Last updated: <time"), "{html}");
    assert!(html.contains("Next review due: <time"), "{html}");
    assert!(
        !html.contains("Reviewed by"),
        "a submitted article names no reviewer"
    );

    let html = page(ReviewStatus::Approved, Audience::Professional, None);
    assert!(
        html.contains("Reviewed by Jane Roe, MD, FAAN on <time"),
        "{html}"
    );
    let reviewed = one(&html, "time", &[("datetime", "2026-11-25")]);
    assert_eq!(reviewed.text(&html), "November 25, 2026");
}

#[test]
fn the_editorial_policy_and_corrections_are_linked() {
    let html = page(ReviewStatus::Submitted, Audience::Professional, None);
    let link = one(&html, "a", &[("href", POLICY_URL)]);
    assert_eq!(link.text(&html), "View editorial policy");
    let link = one(&html, "a", &[("href", CORRECTIONS_URL)]);
    assert_eq!(link.text(&html), "Report an error");
}

#[test]
fn the_audience_picker_is_a_radio_group_with_the_selected_audience_checked() {
    for &selected in Audience::ALL {
        let html = page(ReviewStatus::Submitted, selected, None);
        let group = one(
            &html,
            "fieldset",
            &[
                ("role", "radiogroup"),
                ("aria-describedby", "audience-hint"),
            ],
        );
        let group_html = group.inner(&html);
        assert_eq!(
            one(group_html, "legend", &[]).text(group_html),
            "Which best describes you?"
        );
        let radios = all(
            group_html,
            "input",
            &[("type", "radio"), ("name", "audience")],
        );
        let values: Vec<&str> = radios.iter().map(|r| r.attr("value").unwrap()).collect();
        assert_eq!(values, ["patient", "caregiver", "professional"]);
        let checked: Vec<&str> = radios
            .iter()
            .filter(|radio| radio.attributes.contains_key("checked"))
            .map(|radio| radio.attr("value").unwrap())
            .collect();
        assert_eq!(checked, [selected.as_str()], "selected {selected:?}");
        let labels: Vec<&str> = radios.iter().map(|r| r.text(group_html)).collect();
        assert_eq!(labels, ["Patient", "Caregiver", "Healthcare professional"]);
    }
}

#[test]
fn the_body_is_the_chosen_audiences_variant() {
    let html = page(ReviewStatus::Submitted, Audience::Professional, None);
    let body = one(&html, "div", &[("class", "article-body")])
        .inner(&html)
        .to_owned();
    assert!(body.contains("<p>Professional words.</p>"), "{body}");
    assert!(body.contains("<h2 id=\"dosing\">Dosing</h2>"), "{body}");
    assert!(!body.contains("Patient words."), "{body}");
    let citation = one(&body, "a", &[("id", "cite-1-1")]);
    assert!(citation.has("href", "#ref-1"));
    assert_eq!(all(&body, "sup", &[("class", "citation")]).len(), 3);

    let html = page(ReviewStatus::Submitted, Audience::Patient, None);
    let body = one(&html, "div", &[("class", "article-body")])
        .inner(&html)
        .to_owned();
    assert!(body.contains("<p>Patient words.</p>"), "{body}");
    assert!(
        body.contains("<h2 id=\"living-with-als\">Living with ALS</h2>"),
        "{body}"
    );
    assert!(!body.contains("Professional words."), "{body}");
    // The chosen variant exists: no note about a missing one.
    assert!(all(&html, "p", &[("class", "note variant-note")]).is_empty());
}

#[test]
fn references_are_listed_with_backlinks_to_their_first_citation() {
    let html = page(ReviewStatus::Submitted, Audience::Professional, None);
    let section = one(&html, "section", &[("class", "references")]);
    let section_html = section.inner(&html);
    assert_eq!(
        one(section_html, "h2", &[]).text(section_html),
        "References"
    );
    let list = one(section_html, "ol", &[("class", "reference-list")]);
    let list_html = list.inner(section_html);

    let first = one(list_html, "li", &[("id", "ref-1")]);
    let first_html = first.inner(list_html);
    assert!(
        first_html.contains("Bensimon G, Lacomblez L, Meininger V"),
        "{first_html}"
    );
    assert!(
        first_html.contains("1994;330(9):585-591. PMID 8302340."),
        "{first_html}"
    );
    let title = one(first_html, "a", &[("class", "reference-title")]);
    assert!(title.has("href", "https://doi.org/10.1056/NEJM199403033300901"));
    assert!(title.has("rel", "noopener noreferrer"));
    let backlink = one(first_html, "a", &[("class", "backlink")]);
    assert!(backlink.has("href", "#cite-1-1"));
    assert!(backlink.has("aria-label", "Back to citation 1"));

    let second = one(list_html, "li", &[("id", "ref-2")]);
    let second_html = second.inner(list_html);
    assert!(one(second_html, "a", &[("class", "backlink")]).has("href", "#cite-2-1"));
    assert!(one(second_html, "a", &[("class", "reference-title")])
        .has("href", "https://example.org/edaravone"));
}

#[test]
fn references_the_variant_does_not_cite_have_no_backlink() {
    let html = page(ReviewStatus::Submitted, Audience::Patient, None);
    assert_eq!(all(&html, "li", &[("id", "ref-1")]).len(), 1);
    assert_eq!(all(&html, "li", &[("id", "ref-2")]).len(), 1);
    assert!(
        all(&html, "a", &[("class", "backlink")]).is_empty(),
        "{html}"
    );
}

#[test]
fn each_audience_reads_its_own_disclaimer() {
    let heading = |html: &str| {
        one(html, "h2", &[("id", "disclaimer-heading")])
            .text(html)
            .to_owned()
    };
    let professional = page(ReviewStatus::Submitted, Audience::Professional, None);
    assert_eq!(heading(&professional), "Professional Medical Disclaimer");
    assert!(professional.contains("<p>Use your judgement.</p>"));

    let patient = page(ReviewStatus::Submitted, Audience::Patient, None);
    assert_eq!(heading(&patient), "Medical Disclaimer");
    assert!(!patient.contains("Professional Medical Disclaimer"));
    assert!(patient.contains("<p>Not advice for you.</p>"));
}

#[test]
fn the_follow_up_is_the_publishers_and_shows_only_when_given() {
    let html = page(
        ReviewStatus::Submitted,
        Audience::Professional,
        Some(FOLLOWUP_URL),
    );
    let section = one(&html, "section", &[("class", "follow-up")]);
    let section_html = section.inner(&html);
    assert_eq!(
        one(section_html, "h2", &[]).text(section_html),
        "Questions?"
    );
    assert_eq!(
        one(section_html, "p", &[]).text(section_html),
        "Ask our editors."
    );
    let link = one(section_html, "a", &[("class", "follow-up-link")]);
    assert!(link.has("href", FOLLOWUP_URL));
    assert!(link.has("rel", "noopener noreferrer"));
    assert_eq!(link.text(section_html), "Ask the editors");

    let html = page(ReviewStatus::Submitted, Audience::Professional, None);
    assert!(all(&html, "section", &[("class", "follow-up")]).is_empty());
    assert!(!html.contains("Questions?"));
}

#[test]
fn a_missing_variant_falls_back_to_the_default_with_a_note() {
    let html = page(ReviewStatus::Submitted, Audience::Caregiver, None);
    let note = one(&html, "p", &[("class", "note variant-note")]);
    assert!(note.has("role", "note"));
    assert_eq!(
        note.text(&html),
        "There is no caregiver version of this article yet; showing the version for healthcare professionals."
    );
    // The reader's choice stays checked; the body and disclaimer are the default's.
    let checked: Vec<Tag> = all(&html, "input", &[("type", "radio"), ("name", "audience")])
        .into_iter()
        .filter(|radio| radio.attributes.contains_key("checked"))
        .collect();
    assert_eq!(checked.len(), 1);
    assert!(checked[0].has("value", "caregiver"));
    assert!(html.contains("<p>Professional words.</p>"), "{html}");
    assert_eq!(
        one(&html, "h2", &[("id", "disclaimer-heading")]).text(&html),
        "Professional Medical Disclaimer"
    );
}

#[test]
fn an_article_without_variants_says_so() {
    let html = article_widget::ssr::render::<ArticlePage>(|| {
        let mut article = fixture(ReviewStatus::Submitted);
        article.variants.clear();
        props(article)
    });
    assert_eq!(
        one(&html, "p", &[("class", "note")]).text(&html),
        "This article has no text yet."
    );
    assert!(all(&html, "div", &[("class", "article-body")]).is_empty());
    assert!(all(&html, "aside", &[("class", "disclaimer")]).is_empty());
}

/// The article page inside a widget on a partner's page: the app provides the links'
/// base, the publisher's page.
#[yew::function_component]
fn EmbeddedArticle() -> yew::Html {
    let links = Links {
        root: AttrValue::from("https://publisher.example/"),
        onopen: Callback::noop(),
        in_frame: false,
    };
    let page = ArticlePageProps {
        canonical_url: Some(AttrValue::from(
            "https://publisher.example/articles/als-demo/",
        )),
        ..props(fixture(ReviewStatus::Submitted))
    };
    yew::html! {
        <ContextProvider<Links> context={links}>
            <ArticlePage ..page />
        </ContextProvider<Links>>
    }
}

#[test]
fn related_articles_link_to_the_publishers_page_when_embedded() {
    let own_page = page(ReviewStatus::Submitted, Audience::Patient, None);
    let section = one(&own_page, "section", &[("class", "related")]);
    let inner = section.inner(&own_page);
    assert_eq!(one(inner, "h2", &[]).text(inner), "Related articles");
    let link = one(inner, "a", &[("href", "./articles/edaravone-demo/")]);
    assert_eq!(link.text(inner), "Does edaravone slow ALS?");

    let embedded = article_widget::ssr::render::<EmbeddedArticle>(|| ());
    let inner = one(&embedded, "section", &[("class", "related")]).inner(&embedded);
    one(
        inner,
        "a",
        &[("href", "https://publisher.example/articles/edaravone-demo/")],
    );
    // Browsing inside the widget, the catalog is one click away.
    let breadcrumb = one(&embedded, "p", &[("class", "breadcrumb")]).inner(&embedded);
    assert_eq!(
        one(breadcrumb, "a", &[("href", "https://publisher.example/")]).text(breadcrumb),
        "All articles"
    );
}

#[test]
fn the_article_history_lists_each_change_collapsed() {
    let html = page(ReviewStatus::Submitted, Audience::Patient, None);
    let history = one(
        &html,
        "details",
        &[("class", "history"), ("part", "history")],
    );
    let inner = history.inner(&html);
    assert_eq!(one(inner, "summary", &[]).text(inner), "Article history");
    assert!(
        history.attr("open").is_none(),
        "collapsed until the reader opens it"
    );
    let entry = one(inner, "li", &[]).inner(inner);
    assert_eq!(
        entry,
        "<time datetime=\"2026-11-18\">November 18, 2026</time>: Cites the 2024 EAN guideline."
    );

    let without = article_widget::ssr::render::<ArticlePage>(|| {
        let mut article = fixture(ReviewStatus::Submitted);
        article.changes.clear();
        props(article)
    });
    assert!(!without.contains("Article history"));
}

#[test]
fn a_correction_in_the_history_is_marked_as_one_in_the_readers_language() {
    let html = article_widget::ssr::render::<ArticlePage>(|| {
        let mut article = fixture(ReviewStatus::Submitted);
        article.changes.insert(
            0,
            Change {
                date: date("2026-11-19"),
                summary: "Fixes the riluzole dose.".into(),
                kind: ChangeKind::Correction,
            },
        );
        props(article)
    });
    let history = one(&html, "ol", &[("class", "history-list")]).inner(&html);
    let correction = one(history, "li", &[("class", "correction")]).inner(history);
    assert_eq!(
        correction,
        "<time datetime=\"2026-11-19\">November 19, 2026</time>: <strong class=\"change-kind\">Correction</strong>: Fixes the riluzole dose."
    );
    // The ordinary update beside it says no such word.
    assert_eq!(all(history, "li", &[]).len(), 2);
    assert_eq!(history.matches("Correction").count(), 1);

    // In the interface's language, as the rest of the history.
    #[yew::function_component]
    fn SpanishHistory() -> yew::Html {
        let changes = [Change {
            date: date("2026-11-19"),
            summary: "Corrige la dosis.".into(),
            kind: ChangeKind::Correction,
        }];
        article_widget::components::article_history::article_history(
            &changes,
            article_widget::model::Language::Spanish,
        )
    }
    let spanish = article_widget::ssr::render::<SpanishHistory>(|| ());
    let correction = one(&spanish, "li", &[("class", "correction")]).inner(&spanish);
    assert_eq!(
        one(correction, "strong", &[("class", "change-kind")]).text(correction),
        "Corrección"
    );
}

#[test]
fn an_article_with_no_related_articles_has_no_such_section() {
    let html = article_widget::ssr::render::<ArticlePage>(|| {
        let mut article = fixture(ReviewStatus::Submitted);
        article.related.clear();
        props(article)
    });
    assert!(all(&html, "section", &[("class", "related")]).is_empty());
    assert!(!html.contains("Related articles"));
}

// ---------------------------------------------------------------------------------
// The catalog and the unavailable panel

fn entry(slug: &str, question: &str, updated: &str, status: ReviewStatus) -> CatalogEntry {
    CatalogEntry {
        slug: Slug::parse(slug).unwrap(),
        question: question.into(),
        lang: None,
        updated: date(updated),
        review_status: status,
        audiences: vec![Audience::Professional],
    }
}

/// A catalog of an approved ALS article and an MS article with `ms_status`.
fn two_articles(ms_status: ReviewStatus) -> Catalog {
    Catalog {
        publisher: Rc::default(),
        articles: vec![
            entry(
                "als-demo",
                "What treats ALS?",
                "2026-11-20",
                ReviewStatus::Approved,
            ),
            entry("ms-demo", "What is MS?", "2026-10-01", ms_status),
        ],
        ..Catalog::default()
    }
}

#[test]
fn the_catalog_links_each_article() {
    let html = article_widget::ssr::render::<CatalogList>(|| CatalogListProps {
        rendering: Rendering::Live,
        catalog: Rc::new(two_articles(ReviewStatus::UnderReview)),
        data_url: AttrValue::default(),
        onresults: Callback::noop(),
        first_page: 1,
        first_page_entries: None,
    });
    assert_eq!(one(&html, "h1", &[]).text(&html), "Articles");
    let list = one(&html, "ul", &[("class", "catalog-list")]);
    let list_html = list.inner(&html);
    let links: Vec<(String, String)> = all(list_html, "a", &[])
        .iter()
        .map(|a| {
            (
                a.attr("href").unwrap().to_owned(),
                a.text(list_html).to_owned(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "./articles/als-demo/".to_owned(),
                "What treats ALS?".to_owned()
            ),
            ("./articles/ms-demo/".to_owned(), "What is MS?".to_owned()),
        ]
    );
    assert_eq!(
        one(list_html, "time", &[("datetime", "2026-11-20")]).text(list_html),
        "November 20, 2026"
    );
    assert_eq!(
        one(list_html, "span", &[("class", "status approved")]).text(list_html),
        "Approved"
    );
    assert_eq!(
        one(list_html, "span", &[("class", "status pending")]).text(list_html),
        "Under Review"
    );
    assert!(!html.contains("No articles are published yet."));
}

#[test]
fn a_paged_catalog_counts_every_article_and_offers_its_next_page() {
    let html = article_widget::ssr::render::<CatalogList>(|| CatalogListProps {
        rendering: Rendering::Live,
        catalog: Rc::new(Catalog {
            total: 120,
            page_size: 50,
            ..two_articles(ReviewStatus::Approved)
        }),
        data_url: AttrValue::from("https://widget.example/articles/"),
        onresults: Callback::noop(),
        first_page: 1,
        first_page_entries: None,
    });
    assert_eq!(
        one(&html, "p", &[("class", "catalog-count")]).text(&html),
        "120 articles"
    );
    let pager = one(&html, "nav", &[("aria-label", "Pages of articles")]);
    let pager_html = pager.inner(&html);
    assert_eq!(
        one(pager_html, "span", &[("class", "pager-position")]).text(pager_html),
        "Page 1 of 3"
    );
    let buttons = all(pager_html, "button", &[]);
    assert_eq!(buttons[0].text(pager_html).trim(), "Previous page");
    assert!(buttons[0].attr("disabled").is_some());
    assert_eq!(buttons[1].text(pager_html).trim(), "Next page");
    assert!(buttons[1].attr("disabled").is_none());
    // One page of one catalog: no pager at all.
    let single = article_widget::ssr::render::<CatalogList>(|| CatalogListProps {
        rendering: Rendering::Live,
        catalog: Rc::new(two_articles(ReviewStatus::Approved)),
        data_url: AttrValue::default(),
        onresults: Callback::noop(),
        first_page: 1,
        first_page_entries: None,
    });
    assert!(all(&single, "nav", &[]).is_empty());
}

#[test]
fn an_empty_catalog_says_so() {
    let html = article_widget::ssr::render::<CatalogList>(|| CatalogListProps {
        rendering: Rendering::Live,
        catalog: Rc::new(Catalog::default()),
        data_url: AttrValue::default(),
        onresults: Callback::noop(),
        first_page: 1,
        first_page_entries: None,
    });
    assert!(
        html.contains("<p>No articles are published yet.</p>"),
        "{html}"
    );
    assert!(all(&html, "ul", &[]).is_empty());
    assert!(all(&html, "a", &[]).is_empty());
}

/// The controls of a page in `rendering`: the catalog's search, its pager, the
/// article's personalization block and its text size and theme, as (`inert`,
/// `aria-busy`) each.
fn controls(rendering: Rendering) -> Vec<(bool, Option<String>)> {
    let catalog = article_widget::ssr::render::<CatalogList>(move || CatalogListProps {
        rendering,
        catalog: Rc::new(Catalog {
            total: 120,
            page_size: 50,
            ..two_articles(ReviewStatus::Approved)
        }),
        data_url: AttrValue::default(),
        onresults: Callback::noop(),
        first_page: 1,
        first_page_entries: None,
    });
    let article = article_widget::ssr::render::<ArticlePage>(move || ArticlePageProps {
        rendering,
        ..props(fixture(ReviewStatus::Approved))
    });
    [
        one(&catalog, "div", &[("class", "catalog-tools")]),
        one(&catalog, "nav", &[("class", "pager")]),
        one(&article, "section", &[("class", "personalize")]),
        one(&article, "div", &[("class", "preferences")]),
    ]
    .iter()
    .map(|tag| {
        (
            tag.attr("inert").is_some(),
            tag.attr("aria-busy").map(str::to_owned),
        )
    })
    .collect()
}

#[test]
fn the_prerendered_pages_controls_are_inert_until_the_widget_takes_over() {
    let busy = || Some("true".to_owned());
    // The pager of the static page is links that work without the widget, and its
    // audience question takes a choice from the first paint (docs/static-first.md).
    assert_eq!(
        controls(Rendering::Prerendered),
        [(true, busy()), (false, None), (false, None), (true, busy())]
    );
    assert_eq!(
        controls(Rendering::Live),
        [(false, None), (false, None), (false, None), (false, None)]
    );
}

#[test]
fn the_unavailable_panel_explains_and_offers_a_retry() {
    let html = article_widget::ssr::render::<Unavailable>(|| UnavailableProps {
        message: AttrValue::from("We could not reach the article server."),
        onretry: Callback::noop(),
    });
    let panel = one(&html, "div", &[("role", "alert")]);
    let panel_html = panel.inner(&html);
    assert_eq!(
        one(panel_html, "h2", &[]).text(panel_html),
        "This article is unavailable"
    );
    assert_eq!(
        one(panel_html, "p", &[]).text(panel_html),
        "We could not reach the article server."
    );
    let button = one(panel_html, "button", &[("type", "button")]);
    assert_eq!(button.text(panel_html), "Try again");
}

#[test]
fn the_preferences_panel_offers_text_size_and_theme_with_the_stored_choice_checked() {
    use article_widget::preferences::{TextSize, Theme};
    let html = article_widget::ssr::render::<ArticlePage>(|| ArticlePageProps {
        audience: Audience::Patient,
        preferences: Preferences {
            audience: Some(Audience::Patient),
            language: None,
            text_size: TextSize::Larger,
            theme: Theme::Dark,
        },
        storage_notice: Some(AttrValue::from("kept for this page only")),
        ..props(fixture(ReviewStatus::Submitted))
    });
    let toggle = one(&html, "button", &[("aria-controls", "preferences-panel")]);
    assert_eq!(toggle.attr("aria-expanded"), Some("false"));
    assert_eq!(toggle.text(&html), "Text size and theme");
    let checked_size = one(&html, "input", &[("name", "text-size"), ("checked", "")]);
    assert_eq!(checked_size.attr("value"), Some("larger"));
    let checked_theme = one(&html, "input", &[("name", "theme"), ("checked", "")]);
    assert_eq!(checked_theme.attr("value"), Some("dark"));
    let notice = one(
        &html,
        "p",
        &[("role", "status"), ("class", "note storage-notice")],
    );
    assert_eq!(notice.text(&html), "kept for this page only");
}

// SSR renders one frame, so only the silent half is checked here; that the region
// speaks once the audience changes is checked in a browser by tests/e2e/audience.test.mjs.
#[test]
fn the_live_region_is_silent_on_first_render() {
    let html = page(ReviewStatus::Submitted, Audience::Caregiver, None);
    let live = one(&html, "p", &[("aria-live", "polite")]);
    assert_eq!(live.text(&html), "");
}

#[test]
fn a_reference_with_many_authors_reads_et_al_with_one_period() {
    use yew::prelude::*;
    #[derive(Properties, PartialEq)]
    struct ReferencesProps {
        references: Vec<Reference>,
    }
    #[function_component]
    fn References(props: &ReferencesProps) -> Html {
        article_widget::components::reference_list::reference_list(&props.references, &[], &EN)
    }
    let html = article_widget::ssr::render::<References>(|| ReferencesProps {
        references: vec![Reference {
            id: 1,
            authors: [
                "Van Damme P",
                "Al-Chalabi A",
                "Andersen PM",
                "Chiò A",
                "Couratier P",
                "De Carvalho M",
                "Hardiman O",
            ]
            .map(String::from)
            .to_vec(),
            title: "Does it work?".into(),
            source: "Eur J Neurol".into(),
            year: 2024,
            volume: Some("31".into()),
            issue: Some("6".into()),
            pages: Some("e16264".into()),
            doi: Some("10.1111/ene.16264".into()),
            pmid: None,
            url: None,
            et_al: None,
            cited: None,
        }],
    });
    let entry = one(&html, "li", &[("id", "ref-1")]).inner(&html);
    assert_eq!(
        entry,
        "<span class=\"reference-authors\">Van Damme P, Al-Chalabi A, Andersen PM, Chiò A, Couratier P, De Carvalho M, et al.</span> \
         <a href=\"https://doi.org/10.1111/ene.16264\" rel=\"noopener noreferrer\" class=\"reference-title\">Does it work?</a> \
         <cite>Eur J Neurol</cite>. 2024;31(6):e16264."
    );
}

/// The reference list of `references`, rendered on the server as the widget renders it.
fn reference_list_html(references: Vec<Reference>) -> String {
    use yew::prelude::*;
    #[derive(Properties, PartialEq)]
    struct ReferencesProps {
        references: Vec<Reference>,
    }
    #[function_component]
    fn References(props: &ReferencesProps) -> Html {
        article_widget::components::reference_list::reference_list(&props.references, &[], &EN)
    }
    article_widget::ssr::render::<References>(move || ReferencesProps {
        references: references.clone(),
    })
}

/// The text of an HTML fragment, its tags and comments left out.
fn text_content(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        rest = rest[start..].split_once('>').map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    text.replace("&amp;", "&")
}

fn bare_reference(id: u32, authors: &[&str], title: &str, source: &str, year: u16) -> Reference {
    Reference {
        id,
        authors: authors.iter().map(|author| author.to_string()).collect(),
        title: title.into(),
        source: source.into(),
        year,
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

#[test]
fn references_print_as_vancouver_prints_them_one_kind_each() {
    let cut_short = Reference {
        volume: Some("149".into()),
        issue: Some("1".into()),
        pages: Some("e1-e156".into()),
        doi: Some("10.1161/CIR.0000000000001193".into()),
        pmid: Some("38033089".into()),
        et_al: Some(true),
        ..bare_reference(
            1,
            &["Joglar JA", "Chung MK", "Armbruster AL"],
            "2023 ACC/AHA/ACCP/HRS Guideline for the Diagnosis and Management of Atrial Fibrillation",
            "Circulation",
            2024,
        )
    };
    let whole = Reference {
        volume: Some("330".into()),
        issue: Some("9".into()),
        pages: Some("585-591".into()),
        pmid: Some("8302340".into()),
        et_al: Some(false),
        ..bare_reference(
            2,
            &["Bensimon G", "Lacomblez L", "Meininger V"],
            "A controlled trial of riluzole in amyotrophic lateral sclerosis",
            "N Engl J Med",
            1994,
        )
    };
    let cochrane = Reference {
        issue: Some("3".into()),
        pages: Some("CD001447".into()),
        doi: Some("10.1002/14651858.CD001447.pub3".into()),
        et_al: Some(false),
        ..bare_reference(
            3,
            &["Miller RG", "Mitchell JD", "Moore DH"],
            "Riluzole for amyotrophic lateral sclerosis (ALS)/motor neuron disease (MND)",
            "Cochrane Database Syst Rev",
            2012,
        )
    };
    let web_page = Reference {
        url: Some("https://www.nice.org.uk/guidance/ng250".into()),
        cited: "2026-12-04".parse().ok(),
        ..bare_reference(
            4,
            &["National Institute for Health and Care Excellence"],
            "Pneumonia: diagnosis and management (NICE guideline NG250)",
            "National Institute for Health and Care Excellence",
            2025,
        )
    };
    let html = reference_list_html(vec![cut_short, whole, cochrane, web_page]);
    let text = |id: &str| text_content(one(&html, "li", &[("id", id)]).inner(&html));
    assert_eq!(
        text("ref-1"),
        "Joglar JA, Chung MK, Armbruster AL, et al. 2023 ACC/AHA/ACCP/HRS Guideline for the \
         Diagnosis and Management of Atrial Fibrillation. Circulation. 2024;149(1):e1-e156. PMID 38033089."
    );
    assert_eq!(
        text("ref-2"),
        "Bensimon G, Lacomblez L, Meininger V. A controlled trial of riluzole in amyotrophic \
         lateral sclerosis. N Engl J Med. 1994;330(9):585-591. PMID 8302340."
    );
    assert_eq!(
        text("ref-3"),
        "Miller RG, Mitchell JD, Moore DH. Riluzole for amyotrophic lateral sclerosis (ALS)/motor \
         neuron disease (MND). Cochrane Database Syst Rev. 2012;(3):CD001447."
    );
    assert_eq!(
        text("ref-4"),
        "National Institute for Health and Care Excellence. Pneumonia: diagnosis and management \
         (NICE guideline NG250) [Internet]. National Institute for Health and Care Excellence; \
         2025 [cited 2026 Dec 4]. Available from: https://www.nice.org.uk/guidance/ng250"
    );
    // The web page's address is a link, and its title is not a second one.
    let address = one(&html, "a", &[("class", "reference-url")]);
    assert_eq!(
        address.attr("href"),
        Some("https://www.nice.org.uk/guidance/ng250")
    );
    assert_eq!(
        one(&html, "li", &[("id", "ref-4")])
            .inner(&html)
            .matches("<a ")
            .count(),
        1
    );
}

#[test]
fn a_reference_url_that_fails_the_allow_list_is_never_a_link() {
    let hostile = |id: u32, cited: Option<&str>| Reference {
        url: Some(" JaVa\tScRiPt:alert(document.domain)".into()),
        cited: cited.and_then(|cited| cited.parse().ok()),
        ..bare_reference(id, &["Mallory M"], "Click me", "Evil", 2024)
    };
    let html = reference_list_html(vec![hostile(1, None), hostile(2, Some("2026-12-04"))]);
    assert!(!html.contains("<a "), "{html}");
    assert!(!html.to_ascii_lowercase().contains("script:"), "{html}");
}

#[test]
fn the_spanish_badge_names_the_board_with_its_article() {
    use article_widget::model::Review;
    use yew::prelude::*;
    #[derive(Properties, PartialEq)]
    struct BadgeProps {
        review_body: ReviewBody,
    }
    #[function_component]
    fn Badge(props: &BadgeProps) -> Html {
        let review = Review {
            status: ReviewStatus::Submitted,
            reviewers: vec![],
            reviewed: None,
        };
        article_widget::components::review_badge::review_badge(
            &review,
            &props.review_body,
            article_widget::model::Language::Spanish,
        )
    }
    let badge = |in_sentence: Option<&str>| {
        let review_body = ReviewBody {
            name: "Consejo de Revisión Médica".into(),
            statement: "Revisa cada artículo.".into(),
            in_sentence: in_sentence.map(String::from),
        };
        article_widget::ssr::render::<Badge>(move || BadgeProps {
            review_body: review_body.clone(),
        })
    };
    let with_article = badge(Some("el Consejo de Revisión Médica"));
    assert!(
        with_article
            .contains("<span>Pendiente de revisión por el Consejo de Revisión Médica.</span>"),
        "{with_article}"
    );
    // Without the publisher's word, the name stands alone rather than with a guessed article.
    let without = badge(None);
    assert!(
        without.contains("<span>Pendiente de revisión por Consejo de Revisión Médica.</span>"),
        "{without}"
    );
}

/// Every `href`, `src` and `action` value of the rendered HTML.
fn url_attributes(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .flat_map(|tag| {
            ["href", "src", "action", "formaction"]
                .into_iter()
                .filter_map(|key| tag.attr(key).map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn article_data_with_hostile_urls_in_every_field_is_decoded_and_rendered_without_one_hostile_link()
{
    use article_widget::config::WidgetConfig;
    const HOSTILE: [&str; 5] = [
        "javascript:alert(document.domain)",
        " JaVa\tScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "java\nscript:alert(1)",
    ];
    for (index, hostile) in HOSTILE.iter().enumerate() {
        let mut article = fixture(ReviewStatus::Submitted);
        // The body: a link and an image to the hostile address, and a raw HTML link.
        article.variants.insert(
            Audience::Patient,
            parse(&format!(
                "[Click]({hostile_md}) and ![look]({hostile_md}) and <a href=\"{hostile_md}\">raw</a>.",
                hostile_md = hostile.replace(' ', "%20").replace('\t', "%09").replace('\n', "%0A")
            )),
        );
        // Every URL the data carries, through the build's own writer.
        let mut json = serde_json::to_value(&article).unwrap();
        for reference in json["references"].as_array_mut().unwrap() {
            reference.as_object_mut().unwrap().remove("doi");
            reference.as_object_mut().unwrap().remove("pmid");
            reference["url"] = (*hostile).into();
            reference["cited"] = "2026-12-04".into();
        }
        let publisher = &mut json["publisher"];
        for field in ["url", "editorial_policy_url", "corrections_url"] {
            publisher[field] = (*hostile).into();
        }
        publisher["follow_up"]["url"] = (*hostile).into();
        // Decoded by the widget's own reader, as the browser reads it, and placed as on
        // a partner's page, whose canonical base the page gave.
        let text = json.to_string();
        assert!(
            article_widget::json::from_str::<Article>(&text).is_ok(),
            "case {index}: the data decodes"
        );
        let html = article_widget::ssr::render::<ArticlePage>(move || {
            let decoded: Article = article_widget::json::from_str(&text).unwrap();
            let (config, _) =
                WidgetConfig::default().apply([("canonical-base", "https://pub.example/health/")]);
            let publisher = decoded.publisher.clone();
            let canonical_url = config.canonical_url(&decoded.slug);
            ArticlePageProps {
                follow_up: config.follow_up(&publisher),
                editorial_policy_url: config
                    .publisher_link(&publisher.editorial_policy_url)
                    .map(|url| AttrValue::from(url.into_string())),
                corrections_url: config
                    .publisher_link(&publisher.corrections_url)
                    .map(|url| AttrValue::from(url.into_string())),
                canonical_url: canonical_url.map(|url| AttrValue::from(url.into_string())),
                ..props(decoded)
            }
        });
        assert!(
            html.contains("Click") && html.contains("raw"),
            "case {index}: the body is shown"
        );
        let urls = url_attributes(&html);
        assert!(!urls.is_empty(), "case {index}: the page has its own links");
        for url in &urls {
            let scheme: String = url
                .chars()
                .filter(|c| !c.is_ascii_control() && *c != ' ')
                .collect::<String>()
                .to_ascii_lowercase();
            assert!(
                !["javascript:", "data:", "vbscript:"]
                    .iter()
                    .any(|bad| scheme.starts_with(bad)),
                "case {index}: {url:?} in {html}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------
// The interface's language

use article_widget::messages::{Language, Messages, EN, ES};
use article_widget::pages::frame::Frame;
use article_widget::pages::unavailable::Offline;
use article_widget::preferences::{TextSize, Theme};

#[derive(yew::Properties, PartialEq)]
struct EveryPanelProps {
    language: Language,
    status: ReviewStatus,
}

/// Every page and panel a reader can meet, in one `Frame` of `language`, in the states
/// that say the most: a missing variant, an overdue review, a saved copy, a storage
/// failure, a correction since the last reading, the catalog with its filter, the
/// unavailable and offline panels.
#[yew::function_component]
fn EveryPanel(panel: &EveryPanelProps) -> yew::Html {
    let links = Links {
        root: AttrValue::from("./"),
        onopen: Callback::noop(),
        in_frame: false,
    };
    let messages = panel.language.messages();
    let page = ArticlePageProps {
        audience: Audience::Caregiver,
        today: Some(date("2027-06-01")),
        storage_notice: Some(AttrValue::from(messages.storage_notice)),
        canonical_url: Some(AttrValue::from("https://demo.example/articles/als-demo/")),
        update_notice: article_widget::components::update_notice::update_notice(
            date("2027-05-01"),
            &[Change {
                date: date("2027-05-02"),
                summary: "Fixes the dose.".into(),
                kind: ChangeKind::Correction,
            }],
            Callback::noop(),
            panel.language,
        ),
        ..props(fixture(panel.status))
    };
    let catalog = Rc::new(two_articles(ReviewStatus::Submitted));
    let banner = (messages.saved_copy)(true, Some("17"));
    yew::html! {
        <Frame text_size={TextSize::default()} theme={Theme::default()} {links}
            language={panel.language} banner={Some(AttrValue::from(banner))}
            onback={Some(Callback::noop())}>
            <ArticlePage ..page />
            <CatalogList {catalog} />
            <Unavailable message={messages.error_network} onretry={Callback::noop()} />
            <Offline message={messages.offline_message} />
        </Frame>
    }
}

fn every_panel(language: Language, status: ReviewStatus) -> String {
    article_widget::ssr::render::<EveryPanel>(move || EveryPanelProps { language, status })
}

/// What a reader reads of `html`: its text and its accessible names, entities decoded.
fn reader_text(html: &str) -> String {
    let labels = tags(html)
        .into_iter()
        .filter_map(|tag| tag.attr("aria-label").map(str::to_owned));
    let texts = html
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| text.to_owned()));
    labels
        .chain(texts)
        .collect::<Vec<_>>()
        .join("\n")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The English strings of the catalog that Spanish writes otherwise.
fn english_only(messages: &Messages) -> Vec<&'static str> {
    let spanish = ES.fixed_strings();
    messages
        .fixed_strings()
        .into_iter()
        .filter(|text| !spanish.contains(text))
        .collect()
}

#[test]
fn a_spanish_frame_shows_no_english_string_of_the_catalog() {
    for status in ReviewStatus::ALL {
        let html = every_panel(Language::Spanish, *status);
        let text = reader_text(&html);
        let english: Vec<&str> = english_only(&EN)
            .into_iter()
            .filter(|string| text.contains(string.trim()))
            .collect();
        assert_eq!(english, Vec::<&str>::new(), "{status}:\n{text}");
        one(
            &html,
            "div",
            &[
                ("class", "article-widget text-normal theme-auto"),
                ("lang", "es"),
            ],
        );
        // The article keeps its own language; the interface around it is Spanish.
        assert!(html.contains(r#"lang="en""#), "{html}");
        assert!(text.contains("Estado de revisión del artículo"), "{text}");
        assert!(text.contains("Todavía no hay una versión de este artículo para cuidadores; se muestra la versión para profesionales de la salud."), "{text}");
        assert!(
            text.contains("Última actualización: \n20 de noviembre de 2026"),
            "{text}"
        );
        assert!(text.contains("2 artículos"), "{text}");
        assert!(text.contains("Referencia 1"), "{text}");
        // The sentences with values, as English would have written them here.
        let english_sentences = [
            (EN.citation)("1"),
            (EN.back_to_citation)("1"),
            (EN.article_count)(2),
            (EN.missing_variant)(Audience::Caregiver, Audience::Professional),
            (EN.saved_copy)(true, Some("17")),
            (EN.updated_since)("1"),
            (EN.reviewed_by)("Jane Roe, MD, FAAN"),
            (EN.being_reviewed)("Demo Review Board"),
            (EN.awaiting_review)("Demo Review Board"),
        ];
        for sentence in english_sentences {
            assert!(!text.contains(sentence.trim()), "{status}: {sentence}");
        }
    }
}

#[test]
fn an_english_frame_says_what_the_catalog_says_in_english() {
    let html = every_panel(Language::English, ReviewStatus::Approved);
    let text = reader_text(&html);
    one(
        &html,
        "div",
        &[
            ("class", "article-widget text-normal theme-auto"),
            ("lang", "en"),
        ],
    );
    let missing: Vec<&str> = english_only(&EN)
        .into_iter()
        .filter(|string| !text.contains(string.trim()))
        .collect();
    // What no panel of this state shows: the loading line (the app's), the other
    // errors, an article without text, a step not yet reached and the caution line
    // before approval, an empty catalog, the language filter of a catalog in several
    // languages, a search under way or out of reach or a query too short to search yet,
    // a paged catalog's pager and its
    // page that did not come, the plurals that only other sentences use, and the
    // words of an overdue review over a saved copy (this page's copy is live).
    assert_eq!(
        missing,
        [
            EN.loading,
            EN.error_not_found,
            EN.error_server,
            EN.error_damaged,
            EN.error_newer,
            EN.no_text,
            EN.step_pending,
            EN.caution,
            EN.overdue_saved_before,
            EN.overdue_saved_after,
            EN.no_articles,
            EN.language_legend,
            EN.every_language,
            EN.searching,
            EN.search_hint,
            EN.loading_page,
            EN.search_unavailable,
            EN.page_unavailable,
            EN.pages_label,
            EN.previous_page,
            EN.next_page,
            EN.audience_plurals[0],
            EN.audience_plurals[1],
        ],
        "{text}"
    );
    assert!(text.contains("Reference 1"), "{text}");
    assert!(
        text.contains("Reviewed by Jane Roe, MD, FAAN on \nNovember 25, 2026"),
        "{text}"
    );
}

#[test]
fn without_a_frame_components_speak_english_as_in_a_frame_of_english() {
    #[yew::function_component]
    fn InEnglishContext() -> yew::Html {
        let page = props(fixture(ReviewStatus::UnderReview));
        yew::html! {
            <ContextProvider<Language> context={Language::English}>
                <ArticlePage ..page />
            </ContextProvider<Language>>
        }
    }
    let alone =
        article_widget::ssr::render::<ArticlePage>(|| props(fixture(ReviewStatus::UnderReview)));
    let in_context = article_widget::ssr::render::<InEnglishContext>(|| ());
    assert_eq!(alone, in_context);
}
