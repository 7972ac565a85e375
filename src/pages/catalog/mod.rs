//! The catalog: every article, newest first, one page at a time; searched through the
//! whole text of the articles, and filtered by audience and, where it has several, by
//! language.

mod filters;
mod listing;
mod use_catalog_page;
mod use_catalog_search;

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

pub use self::filters::{AudienceFilter, LanguageFilter};
use self::listing::{Listing, Notice, Status};
use self::use_catalog_page::{use_catalog_page, PageLoad};
use self::use_catalog_search::use_catalog_search;
use crate::browser::page;
use crate::components::article_link::{page_link, Links};
use crate::components::language::use_language;
use crate::components::pager::{pager, Pager};
use crate::components::radio_group::RadioGroup;
use crate::components::rendering::Rendering;
use crate::config::Page;
use crate::messages::long_date;
use crate::messages::Messages;
use crate::model::{
    holds_words_back, searched_words, Catalog, CatalogEntry, CatalogView, ExcerptRun, Language,
    ReviewStatus, Slug,
};

#[derive(Properties, PartialEq)]
pub struct CatalogListProps {
    pub catalog: Rc<Catalog>,
    /// Live, or the build's prerendered page, whose search, filters and pager stay
    /// inert, and shown so, until the widget takes it over.
    #[prop_or_default]
    pub rendering: Rendering,
    /// Where the catalog's data is: its pages after the first, and its search index.
    #[prop_or_default]
    pub data_url: AttrValue,
    /// The list settled on these articles: the app tells the host page (its `results`
    /// event). Live only: the prerendered page, drawn static, is given none.
    #[prop_or_default]
    pub onresults: Callback<Results>,
    /// The catalog's page the list opens at, from 1: on the publisher's site, the one
    /// its URL names (`catalog/<n>/`).
    #[prop_or(1)]
    pub first_page: usize,
    /// The entries of `first_page` when it is not the first: the build has them, and
    /// draws that page's static page without fetching it.
    #[prop_or_default]
    pub first_page_entries: Option<Rc<[CatalogEntry]>>,
}

/// The articles a list settled on, in order, and the words searched (`""` for none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    pub slugs: Vec<Slug>,
    pub query: String,
}

/// Every article, newest first, a page at a time, each a link that opens it. Words
/// are searched in the articles' whole text by the build's search index; while it
/// answers, and where it cannot (offline), the questions at hand are searched instead.
#[function_component]
pub fn CatalogList(props: &CatalogListProps) -> Html {
    let language = use_language();
    let messages = language.messages();
    let links = use_context::<Links>();
    let catalog = &props.catalog;
    let query = use_state(String::new);
    let filter = use_state(|| AudienceFilter::Any);
    let languages = use_memo(catalog.clone(), |catalog| catalog.languages());
    let publisher_language = Language::from_tag(&catalog.publisher.language);
    let language_filter =
        use_state(|| LanguageFilter::first(&languages, language, publisher_language));
    let page = use_state(|| props.first_page.clamp(1, catalog.page_count()));
    let view = CatalogView::of(
        &query,
        filter.audience(),
        language_filter.language(),
        *page,
        catalog.page_count(),
    );
    let catalog_page = match view {
        CatalogView::Pages { page } => page,
        CatalogView::Search(_) => 1,
    };
    let page_load = use_catalog_page(&props.data_url, catalog_page);
    let load = match &props.first_page_entries {
        Some(entries) if catalog_page == props.first_page => {
            Some(PageLoad::Loaded(entries.clone()))
        }
        _ => page_load.load,
    };
    let request = match &view {
        CatalogView::Search(request) => Some(request.clone()),
        CatalogView::Pages { .. } => None,
    };
    let search = use_catalog_search(&props.data_url, request);

    // A new query or filter starts from the first page.
    let oninput = {
        let (query, page) = (query.clone(), page.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
                page.set(1);
            }
        })
    };
    let onfilter = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |chosen| {
            filter.set(chosen);
            page.set(1);
        })
    };
    let onlanguage = {
        let (language_filter, page) = (language_filter.clone(), page.clone());
        Callback::from(move |chosen| {
            language_filter.set(chosen);
            page.set(1);
        })
    };
    let onpage = {
        let page = page.clone();
        Callback::from(move |to| page.set(to))
    };

    let listing = Listing::of(
        &view,
        &search,
        &load,
        catalog,
        (filter.audience(), language_filter.language()),
        page::fold_case,
    );
    let items: Html = listing
        .shown
        .iter()
        .map(|(entry, excerpt)| {
            catalog_item(catalog, entry, excerpt, links.as_ref(), messages, language)
        })
        .collect();

    // The host page hears which articles the list settled on (the app shell offers to
    // save them for offline reading): the slugs shown, and the words searched.
    {
        let settled = (!listing.busy).then(|| Results {
            slugs: listing
                .shown
                .iter()
                .map(|(entry, _)| entry.slug.clone())
                .collect(),
            query: searched_words(&query).unwrap_or_default().to_owned(),
        });
        let onresults = props.onresults.clone();
        use_effect_with(settled, move |settled| {
            if let Some(results) = settled {
                onresults.emit(results.clone());
            }
        });
    }

    html! {
        <section class="catalog" aria-labelledby="catalog-heading">
            <h1 id="catalog-heading" tabindex="-1">{ messages.catalog_heading }</h1>
            if catalog.articles.is_empty() {
                <p>{ messages.no_articles }</p>
            } else {
                <div class="catalog-tools" role="search" inert={props.rendering.is_inert()}
                    aria-busy={props.rendering.busy()}>
                    <label class="search-label" for="catalog-search">{ messages.search_label }</label>
                    <input id="catalog-search" class="search" type="search" value={(*query).clone()}
                        aria-describedby="catalog-search-hint" {oninput} />
                    // Always in the page, so that screen readers hear it when it fills.
                    <p id="catalog-search-hint" class="search-hint" role="status">{
                        holds_words_back(&query).then_some(messages.search_hint)
                    }</p>
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
                <p class="catalog-count" role="status">{
                    match listing.status {
                        Status::Count(count) => (messages.article_count)(count),
                        Status::Loading => messages.loading_page.to_owned(),
                        Status::Searching => messages.searching.to_owned(),
                    }
                }</p>
                if let Some(notice) = listing.notice {
                    if notice == Notice::PageUnavailable {
                        <div class="catalog-notice" role="alert">
                            <p>{ messages.page_unavailable }</p>
                            <button type="button" onclick={page_load.onretry.reform(|_: MouseEvent| ())}>{ messages.try_again }</button>
                        </div>
                    } else {
                        <p class="catalog-notice">{ messages.search_unavailable }</p>
                    }
                }
                <ul class="catalog-list" aria-busy={listing.busy.then_some(AttrValue::Static("true"))}>
                    { items }
                </ul>
                { pager(&Pager {
                    page: listing.page,
                    page_count: listing.page_count,
                    onpage,
                    rendering: props.rendering,
                    root: links.as_ref().map_or(AttrValue::Static("./"), |links| links.root.clone()),
                }, messages) }
            }
        </section>
    }
}

/// One article of the list: its question, a link that opens it; the passage its text
/// was found in, if searched; when it was updated and its review status.
fn catalog_item(
    catalog: &Catalog,
    entry: &CatalogEntry,
    excerpt: &[ExcerptRun],
    links: Option<&Links>,
    messages: &Messages,
    language: Language,
) -> Html {
    let status_class = match entry.review_status {
        ReviewStatus::Approved => "status approved",
        _ => "status pending",
    };
    let excerpt = (!excerpt.is_empty()).then(|| {
        let runs = excerpt.iter().map(|run| {
            if run.matched {
                html! { <mark>{ run.text.as_str() }</mark> }
            } else {
                html! { { run.text.as_str() } }
            }
        });
        html! { <p class="catalog-excerpt">{ for runs }</p> }
    });
    html! {
        <li key={entry.slug.as_str()} lang={catalog.language_of(entry).as_str()}>
            { page_link(Page::Article(entry.slug.clone()), html! { &entry.question }, links) }
            { for excerpt }
            <p class="catalog-meta">
                { messages.updated }
                <time datetime={entry.updated.to_string()}>{ long_date(entry.updated, language) }</time>
                { " · " }
                <span class={status_class}>{ messages.review_status(entry.review_status) }</span>
            </p>
        </li>
    }
}
