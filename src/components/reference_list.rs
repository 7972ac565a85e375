use yew::prelude::*;

use crate::document::{citation_id, reference_id};
use crate::messages::Messages;
use crate::model::{separator_after, Reference};

/// The numbered References list that citations point into. `cited` holds the labels
/// the shown variant cites; each of those entries links back to its first citation. A
/// view function, not a component, as `review_stepper` is.
pub fn reference_list(references: &[Reference], cited: &[String], messages: &Messages) -> Html {
    if references.is_empty() {
        return Html::default();
    }
    let entries = references.iter().map(|reference| {
        let label = reference.id.to_string();
        let is_cited = cited.contains(&label);
        html! {
            <li id={reference_id(&label)} value={label.clone()}>
                { vancouver(reference) }
                if is_cited {
                    { " " }
                    <a class="backlink" href={format!("#{}", citation_id(&label, 1))} target="_self"
                        aria-label={(messages.back_to_citation)(&label)}>{ "↩" }</a>
                }
            </li>
        }
    });
    html! {
        <section class="references" part="references">
            <h2 id="references-heading">{ messages.references }</h2>
            <ol class="reference-list">{ for entries }</ol>
        </section>
    }
}

/// One reference as Vancouver (the NLM's *Citing Medicine*) prints it. A journal
/// article: "Authors. Title. Journal. 2022;387(12):1099-1110. PMID 36129998.", its
/// title a link to the most durable address. A web page: "Authors. Title [Internet].
/// Publisher; 2025 [cited 2026 Dec 4]. Available from: URL", the URL a link.
fn vancouver(reference: &Reference) -> Html {
    let authors = reference.author_line();
    let web_address = reference.web_address().filter(|_| reference.is_web_page());
    let title_link = if web_address.is_some() {
        None
    } else {
        reference.link()
    };
    html! {
        <>
            <span class="reference-authors">{ &authors }</span>
            { separator_after(&authors) }
            if let Some(link) = title_link {
                <a class="reference-title" href={link.into_string()} rel="noopener noreferrer">{ &reference.title }</a>
            } else {
                <span class="reference-title">{ &reference.title }</span>
            }
            if reference.is_web_page() {
                { " [Internet]. " }
                <cite>{ &reference.source }</cite>
                { format!("; {}.", reference.web_date()) }
                if let Some(address) = web_address {
                    { " Available from: " }
                    <a class="reference-url" href={address.to_string()} rel="noopener noreferrer">{ address.into_string() }</a>
                }
            } else {
                { separator_after(&reference.title) }
                <cite>{ &reference.source }</cite>
                { format!(". {}.", reference.locator()) }
                if let Some(pmid) = &reference.pmid {
                    { format!(" PMID {pmid}.") }
                }
            }
        </>
    }
}
