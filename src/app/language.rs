//! Which language an article is shown in: a pure decision, tested natively.

use crate::model::{Article, Language, Slug};

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
        use Language::{English, Spanish};
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
