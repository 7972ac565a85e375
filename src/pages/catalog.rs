use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::page;
use crate::components::article_link::ArticleLink;
use crate::components::language::{long_date, use_language};
use crate::components::radio_group::{Choice, RadioGroup};
use crate::config::Page;
use crate::messages::Messages;
use crate::model::{Audience, Catalog, Language, ReviewStatus};

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

    fn language(self) -> Option<Language> {
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

#[derive(Properties, PartialEq)]
pub struct CatalogListProps {
    pub catalog: Rc<Catalog>,
    /// Whether search and filter work: `false` in the build's prerendered page, whose
    /// tools stay inert, and shown so, until the widget takes it over.
    #[prop_or(true)]
    pub interactive: bool,
}

/// Every article, newest first, each a link that opens it; searchable by the words of
/// its question and filtered by audience and, where it has several, by language.
#[function_component]
pub fn CatalogList(props: &CatalogListProps) -> Html {
    let language = use_language();
    let messages = language.messages();
    let query = use_state(String::new);
    let filter = use_state(|| AudienceFilter::Any);
    let languages = use_memo(props.catalog.clone(), |catalog| catalog.languages());
    let publisher_language = Language::from_tag(&props.catalog.publisher.language);
    let language_filter =
        use_state(|| LanguageFilter::first(&languages, language, publisher_language));
    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    let onfilter = {
        let filter = filter.clone();
        Callback::from(move |chosen| filter.set(chosen))
    };
    let audience = match *filter {
        AudienceFilter::Any => None,
        AudienceFilter::Only(audience) => Some(audience),
    };
    let onlanguage = {
        let language_filter = language_filter.clone();
        Callback::from(move |chosen| language_filter.set(chosen))
    };
    let found = props.catalog.search(
        &query,
        audience,
        language_filter.language(),
        page::fold_case,
    );
    let count = (messages.article_count)(found.len());
    let entries = found.into_iter().map(|entry| {
        let status_class = match entry.review_status {
            ReviewStatus::Approved => "status approved",
            _ => "status pending",
        };
        html! {
            <li key={entry.slug.as_str()} lang={props.catalog.language_of(entry).as_str()}>
                <ArticleLink page={Page::Article(entry.slug.clone())}>{ &entry.question }</ArticleLink>
                <p class="catalog-meta">
                    { messages.updated }
                    <time datetime={entry.updated.to_string()}>{ long_date(entry.updated, language) }</time>
                    { " · " }
                    <span class={status_class}>{ messages.review_status(entry.review_status) }</span>
                </p>
            </li>
        }
    });
    html! {
        <section class="catalog" aria-labelledby="catalog-heading">
            <h1 id="catalog-heading">{ messages.catalog_heading }</h1>
            if props.catalog.articles.is_empty() {
                <p>{ messages.no_articles }</p>
            } else {
                <div class="catalog-tools" role="search" inert={!props.interactive}
                    aria-busy={(!props.interactive).then_some(AttrValue::Static("true"))}>
                    <label class="search-label" for="catalog-search">{ messages.search_label }</label>
                    <input id="catalog-search" class="search" type="search" value={(*query).clone()} {oninput} />
                    { RadioGroup::new("catalog-audience", messages.filter_legend, *filter, onfilter).view(messages) }
                    if languages.len() > 1 {
                        { RadioGroup {
                            choices: std::iter::once(LanguageFilter::Any)
                                .chain(languages.iter().copied().map(LanguageFilter::Only))
                                .collect(),
                            ..RadioGroup::new("catalog-language", messages.language_legend, *language_filter, onlanguage)
                        }.view(messages) }
                    }
                </div>
                <p class="catalog-count" role="status">{ count }</p>
                <ul class="catalog-list">{ for entries }</ul>
            }
        </section>
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
