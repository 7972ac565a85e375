use yew::prelude::*;

use crate::{markdown, render};

#[derive(Properties, PartialEq)]
pub struct MarkdownViewProps {
    pub markdown: AttrValue,
}

/// Markdown parsed and rendered as the widget renders an article's body: what
/// `articles md` prints through SSR. The widget itself never uses it: its article data
/// holds parsed documents, so this is the only way the parser reaches a Wasm build (the
/// browser tests').
#[function_component]
pub fn MarkdownView(props: &MarkdownViewProps) -> Html {
    let rendered = use_memo(props.markdown.clone(), |markdown| {
        render::render(&markdown::parse(markdown))
    });
    (*rendered).clone()
}
