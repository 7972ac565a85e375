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
        let link = reference.link();
        let authors = reference.author_line();
        html! {
            <li id={reference_id(&label)} value={label.clone()}>
                <span class="reference-authors">{ &authors }</span>
                { separator_after(&authors) }
                if let Some(link) = link {
                    <a class="reference-title" href={link} rel="noopener noreferrer">{ &reference.title }</a>
                } else {
                    <span class="reference-title">{ &reference.title }</span>
                }
                { separator_after(&reference.title) }
                <cite>{ &reference.source }</cite>
                { format!(". {}.", reference.locator()) }
                if let Some(pmid) = &reference.pmid {
                    { format!(" PMID {pmid}.") }
                }
                if is_cited {
                    { " " }
                    <a class="backlink" href={format!("#{}", citation_id(&label, 1))}
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
