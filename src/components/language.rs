//! The interface's language as a context: `Frame` provides it, and every component
//! reads its words through these hooks. Without a `Frame` (a component rendered alone,
//! as in the tests) the language is English.

use yew::prelude::*;

use crate::messages::{Language, Messages};

/// The interface's language of the component calling it.
#[hook]
pub fn use_language() -> Language {
    use_context::<Language>().unwrap_or_default()
}

/// The words of the interface's language.
#[hook]
pub fn use_messages() -> &'static Messages {
    use_language().messages()
}
