//! The languages articles are written in and the widget speaks.

crate::closed_enum! {
    /// A language of the articles and of the widget's interface, by its BCP 47 primary
    /// subtag. One enum for both, so that an article is only ever in a language the
    /// interface around it can speak too (`messages::Messages` has a table for each).
    #[derive(Default)]
    pub enum Language("language") {
        #[default]
        English = "en",
        Spanish = "es",
    }
}

impl Language {
    /// The language of a BCP 47 tag (`es-MX` is Spanish), if the widget speaks it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Language::ALL
            .iter()
            .copied()
            .find(|language| language.as_str().eq_ignore_ascii_case(primary))
    }
}
