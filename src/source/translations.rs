//! An article's language and its translations, checked across the whole directory: each
//! translation must exist, be in the language it is listed under and point back, and
//! the publisher must have words in every article's language.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::diagnostics::Diagnostic;
use crate::model::{Article, Language, Publisher, Slug};

/// What one source file says of its language, with the lines to report problems on.
#[derive(Clone, Debug, Default)]
pub struct LanguageLinks {
    /// Where `lang` is written, else the slug's line.
    pub lang_line: usize,
    /// Each translation's language, slug and line, as written.
    pub translations: Vec<(Language, String, usize)>,
}

/// Gives each article its language (its own, else the publisher's), its publisher in
/// that language, and the translations that point back; reports the rest. `links` is
/// in the order of `articles`, each with its file. `broken` holds the slugs of files
/// that have errors of their own: a link to one of them is reported there, not here.
pub fn link(
    articles: &mut [Article],
    links: Vec<(PathBuf, LanguageLinks)>,
    broken: &dyn Fn(&str) -> bool,
    publisher: &Rc<Publisher>,
    dir: &Path,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let publisher_language = Language::from_tag(&publisher.language).unwrap_or_default();
    // One publisher per language, shared by its articles.
    let mut publishers: HashMap<Language, Option<Rc<Publisher>>> = HashMap::new();
    for (article, (path, links)) in articles.iter_mut().zip(&links) {
        let language = article.lang.unwrap_or(publisher_language);
        article.lang = Some(language);
        let localized = publishers
            .entry(language)
            .or_insert_with(|| publisher.in_language(language).map(Rc::new));
        match localized {
            Some(localized) => article.publisher = localized.clone(),
            // publisher.toml is missing or could not be read, which is reported on it.
            None if publisher.language.is_empty() => article.publisher = publisher.clone(),
            None => diagnostics.push(Diagnostic::error(
                path,
                links.lang_line,
                format!(
                    "lang `{language}`: publisher.toml has no words in `{language}`: add a [translations.{language}] table with its review body, follow-up and disclaimers"
                ),
            )),
        }
    }
    // Every article's language and what it lists, by slug, to check both sides.
    let sides: HashMap<Slug, (Language, BTreeMap<Language, String>)> = articles
        .iter()
        .zip(&links)
        .map(|(article, (_, links))| {
            let listed = links
                .translations
                .iter()
                .map(|(language, slug, _)| (*language, slug.clone()))
                .collect();
            (article.slug.clone(), (article.language(), listed))
        })
        .collect();
    for (article, (path, links)) in articles.iter_mut().zip(links) {
        for (language, other, line) in links.translations {
            let Some(slug) = Slug::parse(&other) else {
                continue;
            };
            let problem = match sides.get(&slug) {
                None if broken(&other) => continue,
                None => format!(
                    "translations.{language}: no article `{other}` in {}: a translation must be in the same catalog",
                    dir.display()
                ),
                Some((written_in, _)) if *written_in != language => format!(
                    "translations.{language}: `{other}` is in `{written_in}`, not `{language}`"
                ),
                Some((_, listed)) if listed.get(&article.language()) != Some(&article.slug.to_string()) => format!(
                    "translations.{language}: `{other}` does not point back: add `{} = \"{}\"` to its translations",
                    article.language(),
                    article.slug
                ),
                Some(_) => {
                    article.translations.insert(language, slug);
                    continue;
                }
            };
            diagnostics.push(Diagnostic::error(&path, line, problem));
        }
    }
    diagnostics
}
