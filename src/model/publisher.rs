//! The publisher: who stands behind the articles, and every sentence of theirs the
//! widget shows. It comes from `articles/publisher.toml` through `articles build` into
//! the data, so that no publisher's name, claim or disclaimer is written in the code.

use serde::{Deserialize, Serialize};

use super::audience::Audience;
use super::language::Language;
use super::Keyed;

/// A publisher's identity and words. The default is empty: nothing is claimed for a
/// publisher that said nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: String,
    /// The publisher's home page.
    pub url: String,
    /// Where this build's static site is served: an absolute http(s) URL ending in `/`,
    /// which the pages' canonical links and the sitemap are written from. Data built
    /// before the static site has none.
    #[serde(default)]
    pub site_url: String,
    /// The language of the articles and of the interface, as a BCP 47 tag (`en`).
    pub language: String,
    /// The accent of links, buttons and the current review step, in the light and dark
    /// themes (`#rrggbb`); `articles check` holds each to WCAG AA contrast.
    pub accent: String,
    pub accent_dark: String,
    pub editorial_policy_url: String,
    /// Where a reader reports an error or asks a question about an article.
    pub corrections_url: String,
    pub review_body: ReviewBody,
    /// The call to action after an article; `None` shows none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    pub disclaimers: Disclaimers,
    /// The same words in the other languages its articles are written in. The build
    /// gives each article its publisher in the article's language
    /// ([`Publisher::in_language`]), so the data the widget reads holds none.
    // The widget never reads them (see above): skipped there, so the Wasm carries no
    // decoder for them.
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    #[cfg_attr(target_arch = "wasm32", serde(skip))]
    pub translations: Keyed<Language, PublisherWords>,
}

/// The sentences of a publisher's that a reader reads: what changes with the language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublisherWords {
    pub review_body: ReviewBody,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    pub disclaimers: Disclaimers,
}

impl Publisher {
    /// This publisher in its own language only, without the other languages' words:
    /// what the catalog carries, as each article carries its own language's.
    pub fn in_own_language(&self) -> Publisher {
        Publisher {
            translations: Keyed::new(),
            ..self.clone()
        }
    }

    /// This publisher speaking `language`: itself when that is its own language, else
    /// with its words in that language; `None` when it has none in it. Either way
    /// without the other languages' words, which the reader of one article never needs.
    pub fn in_language(&self, language: Language) -> Option<Publisher> {
        let mut publisher = self.in_own_language();
        if Language::from_tag(&self.language) == Some(language) {
            return Some(publisher);
        }
        let words = self.translations.get(&language)?.clone();
        publisher.language = language.as_str().to_owned();
        publisher.review_body = words.review_body;
        publisher.follow_up = words.follow_up;
        publisher.disclaimers = words.disclaimers;
        Some(publisher)
    }
}

/// The body of people who review the articles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewBody {
    /// For example "Medical Review Board".
    pub name: String,
    /// One line on how it reviews, shown beside an approved article's review.
    pub statement: String,
    /// The name as it reads inside a sentence, with its article where the language
    /// needs one that only the publisher knows ("el Consejo de Revisión Médica"): the
    /// badge says "Pendiente de revisión por el Consejo…". `None`: the language's own
    /// rule (`Messages::board_in_sentence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_sentence: Option<String>,
}

/// The call to action after an article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub heading: String,
    pub text: String,
    /// The link's label.
    pub button: String,
    pub url: String,
}

/// A disclaimer's heading and text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclaimer {
    pub heading: String,
    pub text: String,
}

/// The disclaimer each audience reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclaimers {
    pub patient: Disclaimer,
    pub caregiver: Disclaimer,
    pub professional: Disclaimer,
}

impl Disclaimers {
    pub fn of(&self, audience: Audience) -> &Disclaimer {
        match audience {
            Audience::Patient => &self.patient,
            Audience::Caregiver => &self.caregiver,
            Audience::Professional => &self.professional,
        }
    }
}

/// The contrast ratio of two `#rrggbb` colours, after WCAG 2.2 (1 to 21); `None` when
/// either is not such a colour.
pub fn contrast_ratio(foreground: &str, background: &str) -> Option<f64> {
    let (a, b) = (
        relative_luminance(foreground)?,
        relative_luminance(background)?,
    );
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    Some((light + 0.05) / (dark + 0.05))
}

fn relative_luminance(color: &str) -> Option<f64> {
    let hex = color.strip_prefix('#').filter(|hex| hex.len() == 6)?;
    let channel = |index: usize| -> Option<f64> {
        let value = u8::from_str_radix(hex.get(index..index + 2)?, 16).ok()?;
        let srgb = f64::from(value) / 255.0;
        Some(if srgb <= 0.04045 {
            srgb / 12.92
        } else {
            ((srgb + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let black_on_white = contrast_ratio("#000000", "#ffffff").unwrap();
        assert!((black_on_white - 21.0).abs() < 1e-9);
        assert!((contrast_ratio("#ffffff", "#ffffff").unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the lightest grey that passes AA for text: 4.54.
        let grey = contrast_ratio("#767676", "#FFFFFF").unwrap();
        assert!((4.5..4.6).contains(&grey), "{grey}");
        assert_eq!(contrast_ratio("blue", "#ffffff"), None);
        assert_eq!(contrast_ratio("#12345", "#ffffff"), None);
    }
}
