//! The body's markdown: citations and references, and what articles must not use.

use article_widget::source::Severity;

use crate::support::{find, has_error, listing, only_error, only_warning, parse, variant};

#[test]
fn a_citation_without_a_reference_is_an_error() {
    let parsed = parse(&variant("Patient part.", "Patient part[^7]."));
    only_error(
        &parsed,
        23,
        "citation [^7] has no reference: add a [[references]] entry with id = 7",
    );
}

#[test]
fn a_reference_never_cited_is_a_warning_and_the_article_is_kept() {
    let parsed = parse(&variant("Shared intro[^1].", "Shared intro."));
    let article = only_warning(&parsed, 11, "reference 1 is never cited");
    assert_eq!(article.references.len(), 1);
}

#[test]
fn a_footnote_definition_in_the_body_is_an_error() {
    let parsed = parse(&variant(
        "Shared outro.\n",
        "Shared outro.\n\n[^1]: Roe J. A controlled trial.\n",
    ));
    has_error(
        &parsed,
        32,
        "footnote definition [^1]: references belong in the front matter",
    );
}

#[test]
fn raw_html_is_a_warning() {
    let parsed = parse(&variant("Patient part.", "Patient <b>part</b>."));
    let diagnostics: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diagnostics,
        [
            "articles/demo.md:23: warning: raw HTML is shown to readers as text, not interpreted",
            "articles/demo.md:23: warning: raw HTML is shown to readers as text, not interpreted",
        ]
    );
    assert!(parsed.article.is_some());

    let parsed = parse(&variant(
        "Shared outro.\n",
        "Shared outro.\n\n<div>\nblock\n</div>\n",
    ));
    // One warning for each line of an HTML block.
    let lines: Vec<usize> = parsed.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [32, 33, 34]);
    for line in lines {
        find(
            &parsed,
            Severity::Warning,
            line,
            "raw HTML is shown to readers as text",
        );
    }
    assert!(parsed.article.is_some());
}

#[test]
fn a_javascript_link_is_an_error() {
    let parsed = parse(&variant(
        "Professional part.",
        "Professional [part](javascript:alert(1)).",
    ));
    only_error(
        &parsed,
        27,
        "URL `javascript:alert(1)` is not allowed: use http, https, mailto, tel, a relative path or a #fragment",
    );
    let parsed = parse(&variant(
        "Shared outro.",
        "Shared ![outro](data:image/png;base64,AAAA).",
    ));
    only_error(
        &parsed,
        30,
        "URL `data:image/png;base64,AAAA` is not allowed",
    );
}

#[test]
fn allowed_links_are_not_reported() {
    let parsed = parse(&variant(
        "Shared outro.",
        "[a](https://example.org) [b](mailto:x@example.org) [c](tel:+15551234) [d](#ref-1) [e](?article=demo) ![f](/img.png)",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

#[test]
fn a_level_one_heading_is_a_warning() {
    let parsed = parse(&variant("Shared outro.", "# Outro"));
    only_warning(
        &parsed,
        30,
        "the question is the page's only h1: start the body's headings at ##",
    );
    let parsed = parse(&variant("Shared outro.", "## Outro"));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}

#[test]
fn a_patient_variant_above_grade_8_is_a_warning_at_its_fence() {
    let hard = "Pharmacological management necessitates individualised consideration of comorbidities, contraindications and pharmacokinetic interactions.";
    only_warning(
        &parse(&variant("Patient part.", hard)),
        22,
        "the patient variant reads at grade",
    );
    // Plain words pass.
    let parsed = parse(&variant(
        "Patient part.",
        "Take one pill a day. Tell your doctor if you feel sick.",
    ));
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
}
