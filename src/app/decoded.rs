//! The articles this page has decoded and still shows, by the text they came from.
//!
//! A partner page that shows one article in several widgets (a clinic's list of its
//! leaflets, the same article in a sidebar and a footer) receives the same text for
//! each of them from `embed.js`'s one request; each widget would decode it again. Here
//! the first widget's decode is shared with the others. An entry holds its article
//! weakly: it lives as long as some widget shows that article, never longer, so
//! mounting and unmounting widgets keeps nothing alive.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::json::{self, Refusal};
use crate::model::Article;

/// Texts longer than this are decoded each time: keeping a copy of the text to compare
/// against would cost the page more memory than the decode costs it time, and a page
/// of such articles is not a page of leaflets.
const LONGEST_SHARED_TEXT: usize = 256 * 1024;

/// Decoded articles by their text.
#[derive(Default)]
pub struct DecodedArticles {
    entries: Vec<(String, Weak<Article>)>,
}

impl DecodedArticles {
    /// The article `text` decodes to: the one a widget of this page already shows, if
    /// it came from the same text, else `decode`'s, which is then shared.
    pub fn get_or_decode(
        &mut self,
        text: &str,
        decode: impl FnOnce(&str) -> Result<Article, Refusal>,
    ) -> Result<Rc<Article>, Refusal> {
        // Articles no widget shows any more go, with their text.
        self.entries
            .retain(|(_, article)| article.strong_count() > 0);
        let shown = self
            .entries
            .iter()
            .find(|(decoded_from, _)| decoded_from == text)
            .and_then(|(_, article)| article.upgrade());
        if let Some(article) = shown {
            return Ok(article);
        }
        let article = Rc::new(decode(text)?);
        if text.len() <= LONGEST_SHARED_TEXT {
            self.entries
                .push((text.to_owned(), Rc::downgrade(&article)));
        }
        Ok(article)
    }

    /// How many articles are held for sharing (for the tests: the widget only asks).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries
            .iter()
            .filter(|(_, article)| article.strong_count() > 0)
            .count()
    }

    #[cfg(test)]
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

thread_local! {
    /// This page's: one Wasm instance serves every widget of a page.
    static DECODED: RefCell<DecodedArticles> = RefCell::default();
}

/// Decodes an article's data, or shares the article another widget of this page
/// decoded from the same text.
pub fn shared_article(text: &str) -> Result<Rc<Article>, Refusal> {
    DECODED.with(|decoded| {
        decoded
            .borrow_mut()
            .get_or_decode(text, json::from_data::<Article>)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// An article's data as the build writes it.
    fn data(question: &str) -> String {
        let mut article = Article::stub("als");
        article.question = question.into();
        String::from_utf8(json::to_data(&article).unwrap()).unwrap()
    }

    fn counting<'a>(decodes: &'a Cell<u32>) -> impl FnOnce(&str) -> Result<Article, Refusal> + 'a {
        move |text| {
            decodes.set(decodes.get() + 1);
            json::from_data::<Article>(text)
        }
    }

    #[test]
    fn the_same_text_is_decoded_once_while_a_widget_shows_it() {
        let mut decoded = DecodedArticles::default();
        let decodes = Cell::new(0);
        let als = data("What treats ALS?");
        let first = decoded.get_or_decode(&als, counting(&decodes)).unwrap();
        let second = decoded.get_or_decode(&als, counting(&decodes)).unwrap();
        assert_eq!(decodes.get(), 1);
        assert!(Rc::ptr_eq(&first, &second));
        assert_eq!(decoded.len(), 1);
    }

    #[test]
    fn other_text_is_decoded_on_its_own_even_with_the_same_article() {
        let mut decoded = DecodedArticles::default();
        let decodes = Cell::new(0);
        let first = decoded
            .get_or_decode(&data("What treats ALS?"), counting(&decodes))
            .unwrap();
        // A newer edition of the same article: what it says is what is shown.
        let edited = data("What treats ALS today?");
        let second = decoded.get_or_decode(&edited, counting(&decodes)).unwrap();
        assert_eq!(decodes.get(), 2);
        assert!(!Rc::ptr_eq(&first, &second));
        assert_ne!(*first, *second);
    }

    #[test]
    fn an_article_no_widget_shows_is_let_go_and_decoded_again() {
        let mut decoded = DecodedArticles::default();
        let decodes = Cell::new(0);
        let als = data("What treats ALS?");
        drop(decoded.get_or_decode(&als, counting(&decodes)).unwrap());
        assert!(decoded.is_empty());
        let again = decoded.get_or_decode(&als, counting(&decodes)).unwrap();
        assert_eq!(decodes.get(), 2);
        // Only the live entry remains: unmounted articles leave nothing behind.
        assert_eq!(decoded.entries.len(), 1);
        drop(again);
    }

    #[test]
    fn damaged_text_is_refused_each_time_and_never_held() {
        let mut decoded = DecodedArticles::default();
        let decodes = Cell::new(0);
        let als = data("What treats ALS?");
        let damaged = &als[..als.len() / 2];
        assert!(decoded.get_or_decode(damaged, counting(&decodes)).is_err());
        assert!(decoded.get_or_decode(damaged, counting(&decodes)).is_err());
        assert_eq!(decodes.get(), 2);
        assert!(decoded.entries.is_empty());
    }

    #[test]
    fn a_long_text_is_decoded_each_time_rather_than_copied() {
        let mut decoded = DecodedArticles::default();
        // Whitespace after the document is allowed: a long text of the same article.
        let long = format!(
            "{}{}",
            data("What treats ALS?"),
            " ".repeat(LONGEST_SHARED_TEXT)
        );
        let decodes = Cell::new(0);
        let _first = decoded.get_or_decode(&long, counting(&decodes)).unwrap();
        let _second = decoded.get_or_decode(&long, counting(&decodes)).unwrap();
        assert_eq!(decodes.get(), 2);
        assert!(decoded.entries.is_empty());
    }
}
