//! The contract between the Rust and the JavaScript: every name the loader
//! (`www/loader/`), the publisher's app shell and the service worker's build share with
//! the widget, written here once from the Rust that defines it and emitted as an ES
//! module, `www/loader/contract.js`. A rename here reaches the JavaScript by
//! regeneration (`UPDATE_CONTRACT=1 cargo test --test tidy`), and `tests/tidy.rs`
//! fails while the file is stale or while a script writes one of its names by hand.
//! Longer than 300 lines: every export and the cases the loader's tests run, each
//! beside the Rust it comes from.
//!
//! The decisions the loader makes before the Wasm arrives (which audience, theme, text
//! size and language it first shows) are not data: the loader has its own small
//! function, and [`first_paint_cases`] gives the cases it must answer as
//! [`crate::config::first_paint`] does, which the loader's node tests run; likewise
//! [`url_cases`] for the sanitizer's URL check.

use serde_json::{json, Value};

use crate::browser::offline::{CACHE_NAME, SAVED_ON_HEADER};
use crate::components::audience_picker::AUDIENCE_CONTROL;
use crate::config::{
    first_paint, FirstPaint, DEFAULT_DATA_URL, EARLY_CHOICE_SHOWN, OPEN_CATALOG, SETTINGS,
};
use crate::messages::Language;
use crate::model::{Audience, Slug};
use crate::preferences::{field, TextSize, Theme, SCHEMA_VERSION, STORAGE_KEY};
use crate::safe_url::{SafeUrl, ALLOWED_SCHEMES};
use crate::site::files::fragment_file;
use crate::site::frame::FRAME_HEIGHT_MESSAGE;
use crate::site::prerender::{FRAGMENT_MARKUP, FRAGMENT_URL_ATTRIBUTES, PARTNER_BASE};

/// The cache of the articles the publisher's app keeps (the service worker's, and the
/// app shell's "Save all"), in the widget's cache namespace beside the widget's own.
pub const APP_ARTICLE_CACHE: &str = "article-widget/v1/app-articles";

/// The cache of the publisher's pages as read, the service worker's.
pub const APP_PAGE_CACHE: &str = "article-widget/v1/app-pages";

/// Where the contract lives in the source tree.
pub const CONTRACT_PATH: &str = "www/contract.js";

/// Where the first-paint cases live, beside the loader's unit tests.
pub const CASES_PATH: &str = "tests/loader/first-paint-cases.json";

/// Where the URL cases live, beside the loader's unit tests.
pub const URL_CASES_PATH: &str = "tests/loader/url-cases.json";

/// The contract as an ES module.
pub fn module() -> String {
    let fragments: serde_json::Map<String, Value> = Audience::ALL
        .iter()
        .map(|&audience| {
            (
                audience.as_str().to_owned(),
                json!(fragment_file(Some(audience))),
            )
        })
        .chain([("default".to_owned(), json!(fragment_file(None)))])
        .collect();
    let placeholder: serde_json::Map<String, Value> = Language::ALL
        .iter()
        .map(|language| {
            let messages = language.messages();
            let words = json!({
                "loading": messages.loading,
                "failed": messages.error_network,
                "try_again": messages.try_again,
            });
            (language.as_str().to_owned(), words)
        })
        .collect();
    let app_shell: serde_json::Map<String, Value> = Language::ALL
        .iter()
        .map(|language| {
            let words = json!(language.messages().app_shell);
            (language.as_str().to_owned(), words)
        })
        .collect();
    let markup: serde_json::Map<String, Value> = FRAGMENT_MARKUP
        .iter()
        .map(|(element, attributes)| ((*element).to_owned(), json!(attributes)))
        .collect();
    let exports: [(&str, &str, Value); 24] = [
        (
            "OPTIONS",
            "The settings a host page gives, by their `data-` names (config::SETTINGS).",
            json!(SETTINGS),
        ),
        ("AUDIENCES", "Audience's names.", json!(Audience::NAMES)),
        (
            "THEMES",
            "Theme's names; the frame's class is `theme-<name>`.",
            json!(Theme::NAMES),
        ),
        (
            "TEXT_SIZES",
            "TextSize's names; the frame's class is `text-<name>`.",
            json!(TextSize::NAMES),
        ),
        (
            "LANGUAGES",
            "The languages the widget speaks.",
            json!(Language::NAMES),
        ),
        (
            "STORAGE_KEY",
            "The localStorage key of the reader's preferences (preferences::STORAGE_KEY).",
            json!(STORAGE_KEY),
        ),
        (
            "PREFERENCES_REVISION",
            "The revision of the stored preferences this build writes (preferences::SCHEMA_VERSION).",
            json!(SCHEMA_VERSION),
        ),
        (
            "AUDIENCE_CONTROL",
            "The form name of the audience's radios (audience_picker::AUDIENCE_CONTROL).",
            json!(AUDIENCE_CONTROL),
        ),
        (
            "PARTNER_BASE",
            "The canonical base written into partners' fragments, replaced by the loader.",
            json!(PARTNER_BASE),
        ),
        (
            "DEFAULT_DATA_PATH",
            "Where the article data lives, relative to the widget's own origin.",
            json!(DEFAULT_DATA_URL),
        ),
        (
            "FRAGMENTS",
            "The fragment of each audience in `<data><slug>/`, and `default`'s.",
            Value::Object(fragments),
        ),
        (
            "SLUG_PATTERN",
            "What an article's slug is (Slug::PATTERN), anchored.",
            json!(format!("^{}$", Slug::PATTERN)),
        ),
        (
            "PLACEHOLDER_TEXT",
            "The placeholder's words in each language: loading, and when loading failed.",
            Value::Object(placeholder),
        ),
        (
            "APP_SHELL_TEXT",
            "The publisher's app shell's words in each language: `{name}` is a value to fill in.",
            Value::Object(app_shell),
        ),
        (
            "WIDGET_CACHE",
            "The cache of the widget's own copies of articles (browser::offline).",
            json!(CACHE_NAME),
        ),
        (
            "APP_ARTICLE_CACHE",
            "The publisher's app's cache of articles.",
            json!(APP_ARTICLE_CACHE),
        ),
        (
            "APP_PAGE_CACHE",
            "The publisher's app's cache of pages.",
            json!(APP_PAGE_CACHE),
        ),
        (
            "FRAGMENT_MARKUP",
            "The elements a prerendered page may hold, each with its attributes (prerender::FRAGMENT_MARKUP).",
            Value::Object(markup),
        ),
        (
            "URL_ATTRIBUTES",
            "The attributes of those that hold a URL.",
            json!(FRAGMENT_URL_ATTRIBUTES),
        ),
        (
            "URL_SCHEMES",
            "The schemes a URL may have; none is relative (safe_url::ALLOWED_SCHEMES).",
            json!(ALLOWED_SCHEMES),
        ),
        (
            "SAVED_ON_HEADER",
            "The header that dates a kept copy of an article.",
            json!(SAVED_ON_HEADER),
        ),
        (
            "FRAME_HEIGHT_MESSAGE",
            "The `type` of the message by which an embed page tells its parent its height.",
            json!(FRAME_HEIGHT_MESSAGE),
        ),
        (
            "OPEN_CATALOG",
            "The method of the loader's symbol-keyed global that the article-only Wasm calls to hand a widget to the full app.",
            json!(OPEN_CATALOG),
        ),
        (
            "EARLY_CHOICE_SHOWN",
            "The `Symbol.for` key of the publisher's page's promise, settled once an audience chosen before the widget mounted is shown: the widget mounts after it.",
            json!(EARLY_CHOICE_SHOWN),
        ),
    ];
    let mut module = String::from(
        "// Generated from the Rust by src/site/contract.rs: do not edit.\n\
         // `UPDATE_CONTRACT=1 cargo test --test tidy` writes it anew.\n",
    );
    // Each option and each field of the stored preferences by a name of its own: a
    // script imports the ones it uses, and a rename in the Rust fails its bundling.
    let named = SETTINGS
        .iter()
        .map(|name| {
            (
                "OPTION",
                *name,
                "A setting's name (`data-` before it on a host).",
            )
        })
        .chain(
            field::ALL
                .iter()
                .map(|name| ("PREFERENCE", *name, "A field of the stored preferences.")),
        );
    for (kind, name, doc) in named {
        let constant = format!("{kind}_{}", name.to_ascii_uppercase().replace('-', "_"));
        module.push_str(&format!(
            "\n/** {doc} */\nexport const {constant} = {};\n",
            json!(name)
        ));
    }
    // Frozen, and marked pure so that a bundle keeps only what it imports: the loader
    // carries none of the app shell's words.
    for (name, doc, value) in exports {
        module.push_str(&format!(
            "\n/** {doc} */\nexport const {name} = /* @__PURE__ */ Object.freeze({value});\n"
        ));
    }
    module
}

/// The cases of the loader's first paint, as JSON: each a reader's stored record, a
/// host's `data-audience`, `data-theme` and `data-lang`, and the page's language, with
/// what [`first_paint`] shows for them. Hostile names (`constructor`, `__proto__`) and
/// damaged records are among them.
pub fn first_paint_cases() -> String {
    let stored = [
        None,
        Some("not json"),
        Some("[]"),
        Some("null"),
        Some("{}"),
        Some(
            r#"{"version":2,"audience":"patient","language":"es","text_size":"larger","theme":"dark"}"#,
        ),
        Some(
            r#"{"version":2,"audience":null,"language":null,"text_size":"normal","theme":"auto"}"#,
        ),
        Some(r#"{"audience":"caregiver","text_size":"large","theme":"light"}"#),
        Some(r#"{"version":9,"audience":"professional","language":"en","theme":"dark"}"#),
        Some(
            r#"{"audience":"constructor","language":"__proto__","text_size":"toString","theme":"valueOf"}"#,
        ),
        Some(r#"{"audience":7,"language":["es"],"text_size":{},"theme":true}"#),
        Some(r#"{"__proto__":{"audience":"patient"},"theme":"Dark"}"#),
    ];
    let audiences = [
        None,
        Some("patient"),
        Some(" caregiver "),
        Some("Professional"),
        Some("constructor"),
        Some(""),
    ];
    let themes = [
        None,
        Some("dark"),
        Some("auto"),
        Some("light"),
        Some("__proto__"),
    ];
    let langs = [
        None,
        Some("es"),
        Some("es-MX"),
        Some("fr"),
        Some("constructor"),
    ];
    let page_langs = [None, Some("en"), Some("es_AR"), Some("toString")];
    let mut cases = Vec::new();
    for stored in stored {
        for (index, audience) in audiences.iter().enumerate() {
            // Every stored record with every host audience, and the other settings
            // turned through their values beside it, so that each meets each record.
            let theme = themes[index % themes.len()];
            let lang = langs[index % langs.len()];
            for page_lang in page_langs {
                let host: Vec<(&str, &str)> =
                    [("audience", *audience), ("theme", theme), ("lang", lang)]
                        .into_iter()
                        .filter_map(|(name, value)| Some((name, value?)))
                        .collect();
                let paint = first_paint(stored, host.iter().copied(), page_lang);
                cases.push(json!({
                    "stored": stored,
                    "host": host.iter().map(|(name, value)| (name.to_string(), json!(value))).collect::<serde_json::Map<_, _>>(),
                    "page_lang": page_lang,
                    "expected": paint_json(paint),
                }));
            }
        }
    }
    let mut text = serde_json::to_string_pretty(&cases).unwrap_or_default();
    text.push('\n');
    text
}

/// URLs in every disguise, each with whether [`SafeUrl::parse`] lets it through: the
/// loader's sanitizer must answer the same (`tests/loader/sanitize.test.mjs`).
pub fn url_cases() -> String {
    let urls = [
        "https://doi.org/10.1056/x",
        "HTTP://EXAMPLE.ORG",
        "mailto:editor@example.org",
        "tel:+15551234",
        "https://article-widget.invalid/articles/x/",
        "/articles/x",
        "x.png",
        "?article=x",
        "#ref-1",
        "//cdn.example.org/x.png",
        "a/b:c",
        "foo):bar",
        "java script:alert(1)",
        "",
        " ",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "javascript\u{0}:alert(1)",
        "jav\u{7f}ascript:alert(1)",
        "\u{a0}javascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "blob:https://example.org/x",
        "file:///etc/passwd",
        "ftp://example.org",
        "https:",
        "httpsx:",
    ];
    let cases: Vec<Value> = urls
        .iter()
        .map(|url| json!({ "url": url, "allowed": SafeUrl::parse(url).is_some() }))
        .collect();
    let mut text = serde_json::to_string_pretty(&cases).unwrap_or_default();
    text.push('\n');
    text
}

fn paint_json(paint: FirstPaint) -> Value {
    json!({
        "audience": paint.audience.map(Audience::as_str),
        "language": paint.language.map(Language::as_str),
        "theme": paint.theme.as_str(),
        "text_size": paint.text_size.as_str(),
    })
}
