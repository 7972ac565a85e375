//! Which language the interface speaks, and which an article is shown in: pure
//! decisions, tested natively.

use crate::config::{Placement, WidgetConfig};
use crate::model::{Article, Language, Slug};

/// The reader's language, which the interface speaks: their own `stored` choice, else
/// the host page's (its `data-lang`, else its `lang`), else the publisher's
/// (`publisher_language`, known once its data has loaded). On the publisher's own site
/// (its pages, and its embed pages in frames) without a `data-lang`, the page's `lang` is the site's, not the reader's: there an
/// article the reader opened (`shown`, the language of the article shown) speaks its
/// own language until they choose another.
pub fn interface_language(
    stored: Option<Language>,
    config: &WidgetConfig,
    shown: Option<Language>,
    publisher_language: Option<&str>,
) -> Language {
    if let Some(stored) = stored {
        return stored;
    }
    match (config.placement, config.lang, shown) {
        (Placement::Publisher | Placement::Frame, None, Some(article_language)) => article_language,
        _ => config.language(publisher_language),
    }
}

/// The translation to show in place of `article` for a reader of `language`: its
/// translation into that language when it is written in another and has one; `None`
/// to show it as it is.
pub fn translation_to_show(article: &Article, language: Language) -> Option<Slug> {
    if article.language() == language {
        return None;
    }
    article.translations.get(&language).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{English, Spanish};

    fn config(placement: Placement, lang: Option<Language>, page_lang: &str) -> WidgetConfig {
        WidgetConfig {
            placement,
            lang,
            page_lang: Some(page_lang.to_owned()),
            ..WidgetConfig::default()
        }
    }

    #[test]
    fn the_readers_stored_choice_wins_everywhere() {
        for placement in [Placement::Publisher, Placement::Partner] {
            let config = config(placement, Some(English), "en");
            let language = interface_language(Some(Spanish), &config, Some(English), Some("en"));
            assert_eq!(language, Spanish);
        }
    }

    #[test]
    fn on_the_publishers_page_without_data_lang_an_article_speaks_its_own_language() {
        let site = config(Placement::Publisher, None, "en");
        assert_eq!(
            interface_language(None, &site, Some(Spanish), Some("en")),
            Spanish
        );
        // Nothing shown yet, or the catalog: the page's `lang`.
        assert_eq!(interface_language(None, &site, None, Some("es")), English);
        // A page without a `lang`: the publisher's.
        let bare = WidgetConfig {
            page_lang: None,
            ..site
        };
        assert_eq!(interface_language(None, &bare, None, Some("es")), Spanish);
        assert_eq!(interface_language(None, &bare, None, None), English);
    }

    #[test]
    fn a_data_lang_on_the_publishers_page_is_the_readers_language() {
        let chosen = config(Placement::Publisher, Some(English), "es");
        assert_eq!(
            interface_language(None, &chosen, Some(Spanish), Some("es")),
            English
        );
    }

    #[test]
    fn on_a_partners_page_the_page_speaks_for_the_reader_whatever_the_article() {
        let partner = config(Placement::Partner, None, "es");
        assert_eq!(
            interface_language(None, &partner, Some(English), Some("en")),
            Spanish
        );
        let chosen = config(Placement::Partner, Some(English), "es");
        assert_eq!(
            interface_language(None, &chosen, Some(Spanish), Some("es")),
            English
        );
    }

    fn article(slug: &str, lang: Language, translations: &[(Language, &str)]) -> Article {
        Article {
            lang: Some(lang),
            translations: translations
                .iter()
                .map(|(language, slug)| (*language, Slug::parse(slug).unwrap()))
                .collect(),
            ..Article::stub(slug)
        }
    }

    #[test]
    fn an_article_gives_way_to_its_translation_into_the_readers_language_only() {
        let english = article("als", English, &[(Spanish, "ela")]);
        assert_eq!(translation_to_show(&english, Spanish), Slug::parse("ela"));
        assert_eq!(translation_to_show(&english, English), None);
        let spanish = article("ela", Spanish, &[(English, "als")]);
        assert_eq!(translation_to_show(&spanish, English), Slug::parse("als"));
        assert_eq!(translation_to_show(&spanish, Spanish), None);
        // No translation into the reader's language: the article as it is.
        let untranslated = article("bp", English, &[]);
        assert_eq!(translation_to_show(&untranslated, Spanish), None);
    }
}
