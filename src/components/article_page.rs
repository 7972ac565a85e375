use std::rc::Rc;

use yew::prelude::*;

use super::advisory_badge::AdvisoryBadge;
use super::audience_picker::AudiencePicker;
use super::disclaimer::Disclaimer;
use super::follow_up::FollowUp;
use super::reference_list::ReferenceList;
use super::review_dates::ReviewDates;
use super::review_stepper::ReviewStepper;
use crate::markdown;
use crate::model::{Article, Audience};

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub article: Rc<Article>,
    /// The audience the reader asked for; the article may lack a variant for it.
    pub audience: Audience,
    pub onaudiencechange: Callback<Audience>,
    pub followup_url: Option<AttrValue>,
    pub editorial_policy_url: AttrValue,
}

/// One article for one audience, laid out as the publisher's page: header and trust
/// signals, the audience picker, the body, references, disclaimer, call to action.
#[function_component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let article = &props.article;
    // Parsing and building the body is the costly part: redo it only when the article
    // or the audience changes.
    let rendered = use_memo(
        (props.article.clone(), props.audience),
        |(article, audience)| {
            article.variant(*audience).map(|variant| {
                (
                    variant.audience,
                    variant.is_fallback,
                    markdown::render(variant.markdown),
                )
            })
        },
    );
    let body = match &*rendered {
        Some((shown, is_fallback, rendered)) => html! {
            <>
                if *is_fallback {
                    <p class="note variant-note" role="note">
                        { format!(
                            "There is no {} version of this article yet; showing the version for {}.",
                            props.audience.label().to_lowercase(),
                            shown.plural(),
                        ) }
                    </p>
                }
                <div class="article-body">{ rendered.html.clone() }</div>
                <ReferenceList references={article.references.clone()} cited={rendered.cited.clone()} />
                <Disclaimer audience={*shown} />
            </>
        },
        None => html! {
            <p class="note" role="note">{ "This article has no text yet." }</p>
        },
    };
    html! {
        <article class="article" aria-labelledby="question">
            <header class="article-header">
                <h1 id="question">{ &article.question }</h1>
                <AdvisoryBadge />
                <ReviewStepper status={article.review.status} />
                <ReviewDates
                    updated={article.updated}
                    next_review_due={article.next_review_due}
                    review={article.review.clone()}
                    editorial_policy_url={props.editorial_policy_url.clone()}
                />
            </header>
            <AudiencePicker selected={props.audience} onchange={props.onaudiencechange.clone()} />
            { body }
            if let Some(url) = &props.followup_url {
                <FollowUp url={url.clone()} />
            }
        </article>
    }
}
