//! `publisher.toml`, beside the articles: the publisher's identity and words, checked
//! with `path:line` diagnostics like an article's front matter.
//!
//! Longer than 300 lines: every field of `publisher.toml` is checked here, each with its
//! own message, in both of its languages' words.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::diagnostics::{Diagnostic, Diagnostics, LineIndex};
use crate::model::{
    contrast_ratio, Disclaimer, Disclaimers, FollowUp, Keyed, Language, Publisher, PublisherWords,
    ReviewBody,
};
use crate::safe_url::SafeUrl;

/// The file's name in the articles folder.
pub const FILE_NAME: &str = "publisher.toml";

/// The backgrounds that the accents stand on that are closest to them, in the light
/// and dark themes: the surfaces of notes and panels (`--aw-surface` in
/// `src/widget.css`).
const LIGHT_BACKGROUND: &str = "#f4f6f8";
const DARK_BACKGROUND: &str = "#1f242a";

/// WCAG 2.2 AA for normal text.
const MINIMUM_CONTRAST: f64 = 4.5;

/// Reads and checks `text`, the contents of `path`: the publisher, or `None` when an
/// error was found, with every problem found.
pub fn read(path: &Path, text: &str) -> (Option<Publisher>, Vec<Diagnostic>) {
    let mut diagnostics = Diagnostics::new(path);
    let lines = LineIndex::new(text, 1);
    let raw: RawPublisher = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error.span().map_or(1, |span| lines.line(span.start));
            diagnostics.error(line, error.message().to_owned());
            return (None, diagnostics.into_items());
        }
    };
    let mut check = Checker {
        lines: &lines,
        diagnostics: &mut diagnostics,
    };
    let name = check.text("name", raw.name);
    let url = check.url("url", raw.url);
    let site_url = check.site_url(raw.site_url);
    let language = check.language(raw.language);
    let language_tag = language.clone();
    let accent = check.accent("accent", raw.accent, LIGHT_BACKGROUND);
    let accent_dark = check.accent("accent_dark", raw.accent_dark, DARK_BACKGROUND);
    let editorial_policy_url = check.url("editorial_policy_url", raw.editorial_policy_url);
    let corrections_url = check.url("corrections_url", raw.corrections_url);
    let own_words = RawWords {
        review_body: raw.review_body,
        follow_up: raw.follow_up,
        disclaimers: raw.disclaimers,
    };
    let words = check.words("", Language::from_tag(&language_tag), own_words);
    let mut translations = Keyed::new();
    for (tag, raw_words) in raw.translations {
        let line = check.lines.line(raw_words.span().start);
        match tag.parse::<Language>() {
            Ok(language) if Language::from_tag(&language_tag) == Some(language) => {
                check.diagnostics.error(
                    line,
                    format!("translations.{tag}: `{tag}` is the publisher's own language: its words are above"),
                );
            }
            Ok(language) => {
                let words = check.words(
                    &format!("translations.{tag}."),
                    Some(language),
                    raw_words.into_inner(),
                );
                translations.insert(language, words);
            }
            Err(error) => check
                .diagnostics
                .error(line, format!("translations: {error}")),
        }
    }
    let publisher = Publisher {
        name,
        url,
        site_url,
        language,
        accent,
        accent_dark,
        editorial_policy_url,
        corrections_url,
        review_body: words.review_body,
        follow_up: words.follow_up,
        disclaimers: words.disclaimers,
        translations,
    };
    let publisher = (!diagnostics.has_errors()).then_some(publisher);
    (publisher, diagnostics.into_items())
}

struct Checker<'a> {
    lines: &'a LineIndex,
    diagnostics: &'a mut Diagnostics,
}

impl Checker<'_> {
    /// The sentences a reader reads, in one language; `prefix` names where they stand
    /// (`translations.es.`) in each problem.
    fn words(&mut self, prefix: &str, language: Option<Language>, raw: RawWords) -> PublisherWords {
        // Spanish names a board with an article whose gender only the publisher knows.
        if language == Some(Language::Spanish) && raw.review_body.in_sentence.is_none() {
            let line = self.line(&raw.review_body.name);
            self.diagnostics.warning(
                line,
                format!("{prefix}review_body: add `in_sentence`, the name with its article (\"el Consejo…\"), so that the badge reads \"Pendiente de revisión por el Consejo…\""),
            );
        }
        let review_body = ReviewBody {
            name: self.text(&format!("{prefix}review_body.name"), raw.review_body.name),
            statement: self.text(
                &format!("{prefix}review_body.statement"),
                raw.review_body.statement,
            ),
            in_sentence: raw.review_body.in_sentence.map(|in_sentence| {
                self.text(&format!("{prefix}review_body.in_sentence"), in_sentence)
            }),
        };
        let follow_up = raw.follow_up.map(|raw| FollowUp {
            heading: self.text(&format!("{prefix}follow_up.heading"), raw.heading),
            text: self.text(&format!("{prefix}follow_up.text"), raw.text),
            button: self.text(&format!("{prefix}follow_up.button"), raw.button),
            url: self.url(&format!("{prefix}follow_up.url"), raw.url),
        });
        let mut disclaimer = |audience: &str, raw: RawDisclaimer| Disclaimer {
            heading: self.text(
                &format!("{prefix}disclaimers.{audience}.heading"),
                raw.heading,
            ),
            text: self.text(&format!("{prefix}disclaimers.{audience}.text"), raw.text),
        };
        let disclaimers = Disclaimers {
            patient: disclaimer("patient", raw.disclaimers.patient),
            caregiver: disclaimer("caregiver", raw.disclaimers.caregiver),
            professional: disclaimer("professional", raw.disclaimers.professional),
        };
        PublisherWords {
            review_body,
            follow_up,
            disclaimers,
        }
    }

    fn line(&self, value: &Spanned<String>) -> usize {
        self.lines.line(value.span().start)
    }

    /// Text a reader sees: it must say something.
    fn text(&mut self, field: &str, value: Spanned<String>) -> String {
        let line = self.line(&value);
        let text = value.into_inner().trim().to_owned();
        if text.is_empty() {
            self.diagnostics
                .error(line, format!("{field} must not be empty"));
        }
        text
    }

    /// A link: through the widget's URL allow-list, as every link it shows.
    fn url(&mut self, field: &str, value: Spanned<String>) -> String {
        let line = self.line(&value);
        let written = value.into_inner();
        match SafeUrl::parse(written.trim()) {
            Some(url) if !url.is_empty() => url.into_string(),
            _ => {
                self.diagnostics.error(
                    line,
                    format!("{field}: `{written}` is not an allowed link (http, https, mailto or a relative path)"),
                );
                written
            }
        }
    }

    /// The site's own address, which every page URL is written after: so an absolute
    /// http(s) URL of a folder, without a query or fragment.
    fn site_url(&mut self, value: Option<Spanned<String>>) -> String {
        let Some(value) = value else {
            self.diagnostics.error(
                1,
                "site_url is missing: add the absolute address the site is served from, such as `https://health.example.org/library/`",
            );
            return String::new();
        };
        let line = self.line(&value);
        let url = value.into_inner().trim().to_owned();
        let problem = if !is_absolute_http(&url) {
            Some("is not an absolute http or https address with a host")
        } else if url.contains(['?', '#']) {
            Some("must not have a query or a fragment")
        } else if !url.ends_with('/') {
            Some("must end with `/`, as page addresses are written after it")
        } else {
            None
        };
        if let Some(problem) = problem {
            self.diagnostics
                .error(line, format!("site_url: `{url}` {problem}"));
        }
        url
    }

    fn language(&mut self, value: Spanned<String>) -> String {
        let line = self.line(&value);
        let language = value.into_inner();
        let is_tag = !language.is_empty()
            && language.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !is_tag {
            self.diagnostics.error(
                line,
                format!("language: `{language}` is not a language tag such as `en` or `en-GB`"),
            );
        }
        language
    }

    /// An accent colour, which must stand out from its theme's background as text does.
    fn accent(&mut self, field: &str, value: Spanned<String>, background: &str) -> String {
        let line = self.line(&value);
        let color = value.into_inner().to_ascii_lowercase();
        match contrast_ratio(&color, background) {
            None => self.diagnostics.error(
                line,
                format!("{field}: `{color}` is not a colour written as #rrggbb"),
            ),
            Some(ratio) if ratio < MINIMUM_CONTRAST => self.diagnostics.error(
                line,
                format!(
                    "{field}: `{color}` on {background} has a contrast of {ratio:.2}:1; links and buttons need at least {MINIMUM_CONTRAST}:1 (WCAG AA)"
                ),
            ),
            Some(_) => {}
        }
        color
    }
}

/// Whether `url` is `http://` or `https://` and a host, with no space or control
/// character anywhere.
fn is_absolute_http(url: &str) -> bool {
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|start| start.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

// The file as written. `Spanned` keeps where each value stands, for its line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublisher {
    name: Spanned<String>,
    url: Spanned<String>,
    #[serde(default)]
    site_url: Option<Spanned<String>>,
    language: Spanned<String>,
    accent: Spanned<String>,
    accent_dark: Spanned<String>,
    editorial_policy_url: Spanned<String>,
    corrections_url: Spanned<String>,
    review_body: RawReviewBody,
    follow_up: Option<RawFollowUp>,
    disclaimers: RawDisclaimers,
    /// The words in other languages, by language tag.
    #[serde(default)]
    translations: BTreeMap<String, Spanned<RawWords>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    review_body: RawReviewBody,
    follow_up: Option<RawFollowUp>,
    disclaimers: RawDisclaimers,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewBody {
    name: Spanned<String>,
    statement: Spanned<String>,
    #[serde(default)]
    in_sentence: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFollowUp {
    heading: Spanned<String>,
    text: Spanned<String>,
    button: Spanned<String>,
    url: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDisclaimers {
    patient: RawDisclaimer,
    caregiver: RawDisclaimer,
    professional: RawDisclaimer,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDisclaimer {
    heading: Spanned<String>,
    text: Spanned<String>,
}
