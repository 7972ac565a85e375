use yew::prelude::*;

use crate::browser::dom;
use crate::components::article_link::Links;
use crate::messages::Language;
use crate::preferences::{TextSize, Theme};

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The element the reader's hooks watch (text size, place in the article, accent).
    #[prop_or_default]
    pub root: NodeRef,
    pub text_size: TextSize,
    /// The theme shown: the reader's, else the host page's, else automatic.
    pub theme: Theme,
    pub links: Links,
    /// The interface's language, which every component below reads (see
    /// [`crate::components::language`]); an article's own text keeps its own.
    #[prop_or_default]
    pub language: Language,
    /// A notice above the page, such as the day a saved copy was saved.
    #[prop_or_default]
    pub banner: Option<AttrValue>,
    /// Shows the widget's Back button, which calls this.
    #[prop_or_default]
    pub onback: Option<Callback<MouseEvent>>,
    #[prop_or_default]
    pub children: Html,
}

/// The widget around whatever page it shows: its text size and theme, the saved-copy
/// banner, the Back button, and the links' and the language's contexts. The app and the prerendered pages
/// both draw it, so the HTML the build writes is the DOM the widget takes over.
#[function_component]
pub fn Frame(props: &FrameProps) -> Html {
    let class = classes!(
        "article-widget",
        format!("text-{}", props.text_size),
        format!("theme-{}", props.theme),
    );
    let onclick = Callback::from(|event: MouseEvent| {
        dom::follow_fragment_link(&event);
    });
    html! {
        <ContextProvider<Links> context={props.links.clone()}>
            <ContextProvider<Language> context={props.language}>
                <div ref={props.root.clone()} {class} lang={props.language.as_str()} {onclick}>
                    if let Some(banner) = &props.banner {
                        <p class="note offline-banner" role="status">{ banner.clone() }</p>
                    }
                    if let Some(onback) = &props.onback {
                        <button type="button" class="back" part="back" onclick={onback.clone()}>
                            { props.language.messages().back }
                        </button>
                    }
                    { props.children.clone() }
                </div>
            </ContextProvider<Language>>
        </ContextProvider<Links>>
    }
}
