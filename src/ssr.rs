//! Native server-side rendering, for `articles md` and tests: the very components the
//! browser runs, rendered to an HTML string by Yew; and `markdown_view`, the one
//! component that parses markdown, which only `articles md` renders.

mod markdown_view;

use yew::{BaseComponent, ServerRenderer};

use self::markdown_view::{MarkdownView, MarkdownViewProps};

/// Renders a component to HTML. Yew renders on its own thread, so the props are made
/// there by `make_props` (props may hold `Rc`s, which cannot cross threads).
pub fn render<C>(make_props: impl FnOnce() -> C::Properties + Send + 'static) -> String
where
    C: BaseComponent,
{
    let renderer = ServerRenderer::<C>::with_props(make_props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The HTML the widget's renderer makes of `markdown`.
pub fn markdown_to_html(markdown: &str) -> String {
    let markdown = markdown.to_owned();
    render::<MarkdownView>(move || MarkdownViewProps {
        markdown: markdown.into(),
    })
}
