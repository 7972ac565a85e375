//! The article's name, with its one rule.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// An article's name in file names, URLs and data: lowercase ASCII letters, digits and
/// hyphens (`als-primary-treatment`). The rule lives here only; `embed.js`, the app
/// shell and the service-worker script repeat it as [`Slug::PATTERN`], which a test
/// holds them to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// The rule as a JavaScript regular expression's body.
    pub const PATTERN: &'static str = "[a-z0-9-]+";

    /// `text` as a slug, if it is one.
    pub fn parse(text: &str) -> Option<Slug> {
        let is_slug = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        is_slug.then(|| Slug(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<&str> for Slug {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not an article slug")))
    }
}
