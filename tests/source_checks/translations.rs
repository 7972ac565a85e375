//! Articles in several languages: `lang`, `translations`, checked across the folder,
//! and the publisher's words in each language.

use article_widget::model::Language;
use article_widget::source::load_dir;

use crate::support::*;

/// The publisher's words in Spanish, to add to `PUBLISHER`.
pub const SPANISH_WORDS: &str = r##"
[translations.es.review_body]
name = "Comité de demostración"
statement = "Clínicos revisan cada artículo."
in_sentence = "el Comité de demostración"
[translations.es.disclaimers.patient]
heading = "Para pacientes"
text = "No es un consejo para usted."
[translations.es.disclaimers.caregiver]
heading = "Para cuidadores"
text = "No es un consejo para esa persona."
[translations.es.disclaimers.professional]
heading = "Para profesionales"
text = "Use su criterio."
"##;

/// `VALID` as `slug` in `lang`, with `translations` (an inline table's items).
pub fn in_language(slug: &str, lang: &str, translations: &str) -> String {
    variant(
        "slug = \"demo\"\nquestion = \"Does the demo work?\"",
        &format!("slug = \"{slug}\"\nquestion = \"What about {slug}?\"\nlang = \"{lang}\"\ntranslations = {{ {translations} }}"),
    )
}

fn folder(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("publisher.toml", &format!("{PUBLISHER}{SPANISH_WORDS}"));
    dir
}

#[test]
fn translations_that_point_both_ways_link_the_articles_and_each_speaks_its_publishers_words() {
    let dir = folder("translations");
    dir.write("demo.md", &in_language("demo", "en", r#"es = "demo-es""#));
    dir.write(
        "demo-es.md",
        &in_language("demo-es", "es", r#"en = "demo""#),
    );
    let report = load_dir(&dir.0, today()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let english = report.articles.iter().find(|a| a.slug == "demo").unwrap();
    let spanish = report
        .articles
        .iter()
        .find(|a| a.slug == "demo-es")
        .unwrap();
    assert_eq!(
        english
            .translations
            .get(&Language::Spanish)
            .unwrap()
            .as_str(),
        "demo-es"
    );
    assert_eq!(
        spanish
            .translations
            .get(&Language::English)
            .unwrap()
            .as_str(),
        "demo"
    );
    assert_eq!(spanish.lang, Some(Language::Spanish));
    assert_eq!(
        spanish.publisher.disclaimers.patient.heading,
        "Para pacientes"
    );
    assert_eq!(
        spanish.publisher.follow_up, None,
        "no Spanish follow-up was written"
    );
    assert_eq!(
        english.publisher.disclaimers.patient.heading,
        "For patients"
    );
    assert!(
        english.publisher.translations.is_empty(),
        "the data carries one language's words"
    );
    // The catalog says which language each article is in.
    let catalog = report.catalog();
    assert!(catalog.publisher.translations.is_empty());
    assert_eq!(catalog.languages(), [Language::English, Language::Spanish]);
}

#[test]
fn a_one_way_translation_is_an_error_at_its_line() {
    let dir = folder("one-way");
    let path = dir.write("demo.md", &in_language("demo", "en", r#"es = "demo-es""#));
    dir.write("demo-es.md", &in_language("demo-es", "es", ""));
    let report = load_dir(&dir.0, today()).unwrap();
    let found: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [format!(
            "{}:5: translations.es: `demo-es` does not point back: add `en = \"demo\"` to its translations",
            path.display()
        )]
    );
    // And nothing claims the translation.
    let english = report.articles.iter().find(|a| a.slug == "demo").unwrap();
    assert!(english.translations.is_empty());
}

#[test]
fn a_missing_translation_or_one_in_another_language_is_an_error() {
    let dir = folder("translation-missing");
    dir.write("demo.md", &in_language("demo", "en", r#"es = "nowhere""#));
    let report = load_dir(&dir.0, today()).unwrap();
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
    assert!(report.diagnostics[0]
        .message
        .starts_with("translations.es: no article `nowhere` in "));

    let dir = folder("translation-wrong-language");
    dir.write("demo.md", &in_language("demo", "en", r#"es = "other""#));
    dir.write("other.md", &in_language("other", "en", r#"es = "demo""#));
    let report = load_dir(&dir.0, today()).unwrap();
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.contains(&"translations.es: `other` is in `en`, not `es`"),
        "{messages:?}"
    );
}

#[test]
fn a_language_the_widget_does_not_speak_or_its_own_is_an_error_at_its_line() {
    let parsed = parse(&in_language("demo", "fr", ""));
    only_error(
        &parsed,
        4,
        "lang: unknown language `fr` (expected en or es)",
    );
    let parsed = parse(&in_language("demo", "en", r#"en = "other""#));
    only_error(
        &parsed,
        5,
        "translations.en: this article is itself in `en`",
    );
    let parsed = parse(&in_language("demo", "en", r#"es = "demo""#));
    only_error(&parsed, 5, "translations.es: `demo` is this article itself");
}

#[test]
fn an_article_in_a_language_the_publisher_has_no_words_in_is_an_error() {
    let dir = TempDir::articles("publisher-unspoken");
    let path = dir.write("demo-es.md", &in_language("demo-es", "es", ""));
    let report = load_dir(&dir.0, today()).unwrap();
    let found: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [format!(
            "{}:4: lang `es`: publisher.toml has no words in `es`: add a [translations.es] table with its review body, follow-up and disclaimers",
            path.display()
        )]
    );
}
