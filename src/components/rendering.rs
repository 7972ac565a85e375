//! Which of its two lives a page is drawn for: the one mode that the article page, the
//! catalog and their controls share, as one type.

/// How a page is drawn: by the Wasm's app, or by the build as a static page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rendering {
    /// Drawn by the Wasm's app: its controls work, and the host page hears what it shows.
    #[default]
    Live,
    /// The build's static page: its controls but the audience question are shown inert,
    /// and marked busy, until the widget renders beside it and takes it over in place
    /// (see `crate::mount`); the question takes a choice at once, heard by the page's
    /// script (docs/static-first.md). Nothing in it is ever called, so it is given no
    /// callbacks.
    Prerendered,
}

impl Rendering {
    /// Whether the controls are inert: in the prerendered page, until the widget takes it
    /// over.
    pub fn is_inert(self) -> bool {
        self == Rendering::Prerendered
    }

    /// `aria-busy` for the controls: "true" while they are inert, and absent otherwise.
    pub fn busy(self) -> Option<yew::AttrValue> {
        self.is_inert().then_some(yew::AttrValue::Static("true"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_prerendered_page_is_inert_and_busy() {
        assert!(!Rendering::Live.is_inert());
        assert_eq!(Rendering::Live.busy(), None);
        assert!(Rendering::Prerendered.is_inert());
        assert_eq!(Rendering::Prerendered.busy().as_deref(), Some("true"));
        assert_eq!(Rendering::default(), Rendering::Live);
    }
}
