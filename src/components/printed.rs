use yew::prelude::*;

use crate::messages::long_date;
use crate::messages::Language;
use crate::model::Date;

/// Where and when a printed copy was printed: known only to a live widget, which
/// reads both again as the reader prints (`beforeprint`), and, for the address, to the
/// build, which writes each of the publisher's pages' own address.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Printed {
    /// The address of the page the widget is in: the publisher's page, or the
    /// partner's page that embeds the article.
    pub address: Option<AttrValue>,
    /// The reader's day of printing; `None` in the build's pages.
    pub date: Option<Date>,
}

/// The printed copy's last lines: "Printed from <address>", "Printed on <date>". The
/// stylesheet shows them only in print, and only with their value. The values are
/// attributes, written by the stylesheet (`attr()`), not text: the build's page and
/// the live widget that takes it over then hold the same text, word for word. A view
/// function, not a component, as `review_stepper` is.
pub fn printed(printed: &Printed, language: Language) -> Html {
    let messages = language.messages();
    let date = printed.date.map(|date| long_date(date, language));
    html! {
        <footer class="printed">
            <p data-value={printed.address.clone()}>{ messages.printed_from }</p>
            <p data-value={date}>{ messages.printed_on }</p>
        </footer>
    }
}
