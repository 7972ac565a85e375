use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;
use yew::virtual_dom::{Key, VList};

use crate::components::article_history::article_history;
use crate::components::article_link::{audience_links, page_link, translation_links, Links};
use crate::components::disclaimer::disclaimer;
use crate::components::follow_up::follow_up;
use crate::components::language::use_language;
use crate::components::personalize::{personalize, Personalize};
use crate::components::printed::{printed, Printed};
use crate::components::reference_list::reference_list;
use crate::components::related_articles::related_articles;
use crate::components::rendering::Rendering;
use crate::components::review_badge::review_badge;
use crate::components::review_dates::{review_dates, ReviewDates};
use crate::components::review_stepper::review_stepper;
use crate::config::Page;
use crate::model::FollowUp as FollowUpWords;
use crate::model::{Article, Audience, Date, Language};
use crate::preferences::{Preferences, PreferencesAction};
use crate::render;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub article: Rc<Article>,
    /// The audience the reader asked for, or the host page's, or the article's default;
    /// the article may lack a variant for it.
    pub audience: Audience,
    pub preferences: Preferences,
    /// Live or the build's prerendered page, whose controls are inert until the widget
    /// takes it over.
    #[prop_or_default]
    pub rendering: Rendering,
    /// The reader changed a preference. Live only: the prerendered page, drawn static,
    /// calls nothing and is given none.
    #[prop_or_default]
    pub onaction: Callback<PreferencesAction>,
    #[prop_or_default]
    pub storage_notice: Option<AttrValue>,
    /// The publisher's call to action, its link resolved for this page; `None` shows none.
    #[prop_or_default]
    pub follow_up: Option<FollowUpWords>,
    /// The publisher's links, resolved for this page.
    #[prop_or_default]
    pub editorial_policy_url: Option<AttrValue>,
    #[prop_or_default]
    pub corrections_url: Option<AttrValue>,
    /// The reader's today, for an overdue review; `None` when not known.
    #[prop_or_default]
    pub today: Option<Date>,
    /// The article is this device's saved copy, shown because the network failed.
    #[prop_or_default]
    pub saved_copy: bool,
    /// What changed since the reader last read the article
    /// (`components::update_notice`), over the body; live only, and empty by default.
    #[prop_or_default]
    pub update_notice: Html,
    /// Embedded on a partner's page: the article's page on the publisher's site.
    #[prop_or_default]
    pub canonical_url: Option<AttrValue>,
    /// Where and when the page is printed, for a printed copy's last lines.
    #[prop_or_default]
    pub printed: Printed,
    /// The reader chose to read the article in another language. Live only, as
    /// `onaction`: in the build's pages the translations are plain links.
    #[prop_or_default]
    pub onlanguage: Callback<Language>,
    /// Draw the article in parts, a task each: the body's parts
    /// (`render::render_in_parts`), then the references, history and disclaimer. The
    /// app asks for it while its first page renders hidden beside the prerendered one,
    /// so that no one task draws the whole article; once shown, a page is drawn whole.
    #[prop_or_default]
    pub in_parts: bool,
    /// Called once the article is drawn whole, and again if a change draws it anew.
    #[prop_or_default]
    pub ondrawn: Callback<()>,
}

/// One article for one audience, laid out as the publisher's page: header and trust
/// signals, the personalization block, the body, references, disclaimer, call to action.
/// Its sections are headed but not named landmarks: several widgets on one page would
/// repeat every landmark.
#[function_component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let article = &props.article;
    let language = use_language();
    let messages = language.messages();
    // Inside a widget, where links open in place, the catalog is one click away. This is
    // not the rendering: the app's frame and the prerendered page's both provide the
    // links, and both show the breadcrumb (a plain link until the widget takes over);
    // only a page drawn alone, outside any frame, has none.
    let links = use_context::<Links>();
    let links = links.as_ref();
    let in_widget = links.is_some();
    // Building the body's virtual DOM is the costly part: redo it only when the article
    // or the audience changes.
    let rendered = use_memo(
        (props.article.clone(), props.audience, language),
        |(article, audience, language)| {
            article.variant(*audience).map(|variant| {
                (
                    variant.audience,
                    variant.is_fallback,
                    render::render_in_parts(variant.document, language.messages().citation),
                    variant.document.cited.clone(),
                )
            })
        },
    );
    // The body's parts, then the sections after it.
    let parts = rendered
        .as_ref()
        .as_ref()
        .map_or(1, |(_, _, body, _)| body.len() + 1);
    let drawn = use_parts_drawn(props.in_parts, parts, &props.ondrawn);
    // The live region stays silent on first render and speaks once the audience changes.
    let last_audience = use_mut_ref(|| props.audience);
    let has_switched = use_mut_ref(|| false);
    if *last_audience.borrow() != props.audience {
        *last_audience.borrow_mut() = props.audience;
        *has_switched.borrow_mut() = true;
    }

    // A printed copy names the audience shown, which on screen only the chosen radio
    // button says, and print leaves the controls out.
    let written_for = rendered.as_ref().as_ref().map(|(shown, ..)| {
        html! { <p class="printed-for">{ messages.printed_for }{ messages.plural(*shown) }</p> }
    });
    let (body, announcement) = match &*rendered {
        Some((shown, is_fallback, rendered, cited)) => {
            let fallback_note =
                is_fallback.then(|| (messages.missing_variant)(props.audience, *shown));
            let announcement = fallback_note
                .clone()
                .unwrap_or_else(|| (messages.showing_version)(*shown));
            // The body is keyed by its variant: a switch swaps the whole subtree in one
            // DOM operation instead of patching every paragraph of one text into another.
            let mut sections = vec![
                html! {
                    <div key="variant-note">
                        if let Some(note) = fallback_note {
                            <p class="note variant-note" role="note">{ note }</p>
                        }
                    </div>
                },
                html! {
                    <div key={shown.as_str()} class="article-body" part="body">
                        { for rendered.iter().take(drawn).cloned() }
                    </div>
                },
            ];
            if drawn == parts {
                sections.extend([
                    keyed(
                        "references",
                        reference_list(&article.references, cited, messages),
                    ),
                    keyed("history", article_history(&article.changes, language)),
                    keyed(
                        "disclaimer",
                        disclaimer(article.publisher.disclaimers.of(*shown)),
                    ),
                ]);
            }
            let body = Html::VList(Rc::new(VList::with_children(sections, None)));
            (body, announcement)
        }
        None => (
            html! { <p class="note" role="note">{ messages.no_text }</p> },
            String::new(),
        ),
    };
    let announcement = if *has_switched.borrow() {
        announcement
    } else {
        String::new()
    };
    html! {
        <article class="article" part="article" aria-labelledby="question"
            lang={(!article.publisher.language.is_empty()).then(|| article.publisher.language.clone())}>
            <header class="article-header" part="header">
                if in_widget {
                    <p class="breadcrumb">
                        { page_link(Page::Catalog, html! { messages.all_articles }, links) }
                    </p>
                }
                <h1 id="question" part="question" tabindex="-1">{ &article.question }</h1>
                { written_for }
                { translation_links(&article.translations, &props.onlanguage, links) }
                { review_badge(&article.review, &article.publisher.review_body, language) }
                { review_stepper(article.review.status, messages) }
                { review_dates(&ReviewDates {
                    updated: article.updated,
                    next_review_due: article.next_review_due,
                    editorial_policy_url: props.editorial_policy_url.clone(),
                    corrections_url: props.corrections_url.clone(),
                    today: props.today,
                    saved_copy: props.saved_copy,
                }, language) }
            </header>
            { props.update_notice.clone() }
            { audience_links(&article.slug, props.audience, links, messages) }
            { personalize(&Personalize {
                rendering: props.rendering,
                audience: props.audience,
                preferences: props.preferences,
                onaction: props.onaction.clone(),
                storage_notice: props.storage_notice.clone(),
            }, messages) }
            <p class="visually-hidden" role="status" aria-live="polite">{ announcement }</p>
            { body }
            { related_articles(&article.related, links, messages) }
            if let Some(words) = &props.follow_up {
                { follow_up(words) }
            }
            if let Some(url) = &props.canonical_url {
                <p class="attribution" part="attribution">
                    <a href={url.clone()}>{ messages.read_on_publisher_site }</a>
                </p>
            }
            { printed(&props.printed, language) }
        </article>
    }
}

/// How many of a page's `parts` are drawn: all of them, unless it is drawn `in_parts`,
/// when the first, then one more a task later (a timer) until the last; `ondrawn` hears
/// each time the last is drawn.
#[hook]
fn use_parts_drawn(in_parts: bool, parts: usize, ondrawn: &Callback<()>) -> usize {
    let parts_drawn = use_state_eq(|| 1_usize);
    let drawn = if in_parts {
        (*parts_drawn).min(parts)
    } else {
        parts
    };
    let ondrawn = ondrawn.clone();
    use_effect_with((drawn, parts), move |&(drawn, parts)| {
        let next = (drawn < parts).then(|| Timeout::new(0, move || parts_drawn.set(drawn + 1)));
        if next.is_none() {
            ondrawn.emit(());
        }
        // A timer not yet fired goes with the page.
        move || drop(next)
    });
    drawn
}

/// `content` under `key`, as a child of the body's keyed list: a view function's markup
/// has no key of its own, and the list swaps its children by their keys.
fn keyed(key: &'static str, content: Html) -> Html {
    Html::VList(Rc::new(VList::with_children(
        vec![content],
        Some(Key::from(key)),
    )))
}
