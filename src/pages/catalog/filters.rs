//! The catalog's filters: by audience, and by language where it has several.

use crate::components::radio_group::Choice;
use crate::messages::Messages;
use crate::model::{Audience, Language};

/// The catalog's audience filter: every article, or those with a variant for one audience.
#[derive(Clone, Copy, PartialEq)]
pub enum AudienceFilter {
    Any,
    Only(Audience),
}

impl Choice for AudienceFilter {
    fn all() -> &'static [Self] {
        &[
            AudienceFilter::Any,
            AudienceFilter::Only(Audience::Patient),
            AudienceFilter::Only(Audience::Caregiver),
            AudienceFilter::Only(Audience::Professional),
        ]
    }
    fn value(self) -> &'static str {
        match self {
            AudienceFilter::Any => "any",
            AudienceFilter::Only(audience) => audience.as_str(),
        }
    }
    fn label(self, messages: &Messages) -> &'static str {
        match self {
            AudienceFilter::Any => messages.everyone,
            AudienceFilter::Only(audience) => messages.audience(audience),
        }
    }
}

/// The catalog's language filter: every article, or those written in one language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LanguageFilter {
    Any,
    Only(Language),
}

impl LanguageFilter {
    /// What the catalog shows first: everything to a reader of the publisher's own
    /// language (as the build's page, written in it, shows every article to readers
    /// without scripts, and the widget's take-over changes nothing); to a reader of
    /// another, their language's articles, where the catalog has some and others.
    pub fn first(
        languages: &[Language],
        reader: Language,
        publisher: Option<Language>,
    ) -> LanguageFilter {
        if Some(reader) != publisher && languages.len() > 1 && languages.contains(&reader) {
            LanguageFilter::Only(reader)
        } else {
            LanguageFilter::Any
        }
    }

    pub fn language(self) -> Option<Language> {
        match self {
            LanguageFilter::Any => None,
            LanguageFilter::Only(language) => Some(language),
        }
    }
}

impl Choice for LanguageFilter {
    fn all() -> &'static [Self] {
        &[
            LanguageFilter::Any,
            LanguageFilter::Only(Language::English),
            LanguageFilter::Only(Language::Spanish),
        ]
    }
    fn value(self) -> &'static str {
        self.language().map_or("any", Language::as_str)
    }
    fn label(self, messages: &Messages) -> &'static str {
        self.language()
            .map_or(messages.every_language, Language::native_name)
    }
    fn label_lang(self) -> Option<&'static str> {
        self.language().map(Language::as_str)
    }
}

impl AudienceFilter {
    pub fn audience(self) -> Option<Audience> {
        match self {
            AudienceFilter::Any => None,
            AudienceFilter::Only(audience) => Some(audience),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{English, Spanish};

    #[test]
    fn the_publishers_readers_see_every_article_first_and_others_their_own_language() {
        let both = [English, Spanish];
        assert_eq!(
            LanguageFilter::first(&both, English, Some(English)),
            LanguageFilter::Any
        );
        assert_eq!(
            LanguageFilter::first(&both, Spanish, Some(English)),
            LanguageFilter::Only(Spanish)
        );
        // A catalog in one language, or none in the reader's: everything.
        assert_eq!(
            LanguageFilter::first(&[English], Spanish, Some(English)),
            LanguageFilter::Any
        );
        assert_eq!(
            LanguageFilter::first(&both, English, Some(Spanish)),
            LanguageFilter::Only(English)
        );
        assert_eq!(
            LanguageFilter::first(&[Spanish], English, Some(Spanish)),
            LanguageFilter::Any
        );
    }
}
