//! Markdown rendered as the widget renders an article's body, for `articles md`. It
//! parses markdown, so it lives beside the server renderer, native only, and no
//! component of the widget imports the parser.

use yew::prelude::*;

use crate::{markdown, render};

#[derive(Properties, PartialEq)]
pub struct MarkdownViewProps {
    pub markdown: AttrValue,
}

/// Markdown parsed and rendered as the widget renders an article's body: what
/// `articles md` prints through SSR. The widget itself never uses it: its article data
/// holds documents the build parsed. Like the parser it calls, it is native only
/// (`ssr` is), so no Wasm build holds either.
#[function_component]
pub fn MarkdownView(props: &MarkdownViewProps) -> Html {
    let rendered = use_memo(props.markdown.clone(), |markdown| {
        render::render(&markdown::parse(markdown))
    });
    (*rendered).clone()
}
