//! Audience fences and the variants they make.

use article_widget::document::Block;
use article_widget::markdown;
use article_widget::model::Audience;

use crate::support::{has_error, listing, only_error, parse, variant, VALID};

#[test]
fn an_article_without_fences_has_one_variant_for_its_default_audience() {
    let text = variant(
        "::: patient\nPatient part.\n:::\n\n::: professional\nProfessional part.\n:::\n",
        "Everyone reads this.\n",
    )
    .replace(
        "default_audience = \"professional\"",
        "default_audience = \"caregiver\"",
    );
    let parsed = parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
    let article = parsed.article.unwrap();
    assert_eq!(article.default_audience, Audience::Caregiver);
    assert_eq!(article.audiences(), [Audience::Caregiver]);
    assert_eq!(
        article.variants.get(&Audience::Caregiver),
        Some(&markdown::parse(
            "Shared intro[^1].\n\nEveryone reads this.\n\nShared outro."
        ))
    );
}

#[test]
fn fence_lines_inside_code_blocks_are_ordinary_text() {
    for fence in ["```", "~~~"] {
        let text = variant(
            "Shared outro.\n",
            &format!("{fence}text\n::: doctor\n:::\n::: patient\n{fence}\n\nShared outro.\n"),
        );
        let parsed = parse(&text);
        assert!(parsed.diagnostics.is_empty(), "{}", listing(&parsed));
        let article = parsed.article.unwrap();
        assert_eq!(
            article.audiences(),
            [Audience::Patient, Audience::Professional]
        );
        let code = Block::Code {
            language: Some("text".into()),
            text: "::: doctor\n:::\n::: patient\n".into(),
        };
        for document in article.variants.values() {
            assert!(document.blocks.contains(&code), "{document:?}");
        }
    }
}

#[test]
fn an_unknown_audience_in_a_fence_is_an_error_at_the_fence() {
    let parsed = parse(&variant("::: patient", "::: doctor"));
    has_error(&parsed, 22, "unknown audience `doctor`");
}

#[test]
fn an_unclosed_fence_is_an_error_at_its_opening_line() {
    let parsed = parse(&variant(
        "Professional part.\n:::\n",
        "Professional part.\n",
    ));
    only_error(
        &parsed,
        26,
        "the `::: professional` fence is never closed: add a `:::` line",
    );
}

#[test]
fn fences_do_not_nest() {
    // Without its closing line, the patient fence is still open at line 25.
    let parsed = parse(&variant("Patient part.\n:::\n", "Patient part.\n"));
    has_error(
        &parsed,
        25,
        "audience fences do not nest: close the `::: patient` fence of line 22 first",
    );
}

#[test]
fn a_stray_closing_fence_is_an_error() {
    let parsed = parse(&variant("Shared outro.\n", "Shared outro.\n:::\n"));
    only_error(&parsed, 31, "`:::` closes no audience fence");
}

#[test]
fn the_default_audience_needs_a_variant() {
    let parsed = parse(&variant(
        "default_audience = \"professional\"",
        "default_audience = \"caregiver\"",
    ));
    only_error(
        &parsed,
        6,
        "default_audience `caregiver` has no variant: add a `::: caregiver` fence",
    );
}

#[test]
fn an_empty_variant_is_an_error() {
    let text = variant("Shared intro[^1].\n", "")
        .replace("Patient part.\n", "")
        .replace("Professional part.\n", "Professional part[^1].\n")
        .replace("Shared outro.\n", "");
    let parsed = parse(&text);
    only_error(&parsed, 20, "the patient variant is empty");
}

#[test]
fn an_article_without_a_body_is_an_error() {
    let end = VALID.find("+++\nShared").unwrap() + 4;
    let text = VALID[..end].to_owned();
    let parsed = parse(&text);
    has_error(&parsed, 20, "the professional variant is empty");
}
