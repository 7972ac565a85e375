use yew::prelude::*;

use crate::markdown;

#[derive(Properties, PartialEq)]
pub struct MarkdownViewProps {
    pub markdown: AttrValue,
}

/// Markdown rendered by [`markdown::render`]; what `articles md` prints through SSR.
#[function_component]
pub fn MarkdownView(props: &MarkdownViewProps) -> Html {
    let rendered = use_memo(props.markdown.clone(), |markdown| {
        markdown::render(markdown)
    });
    rendered.html.clone()
}
