//! The markdown renderer: pulldown-cmark events become Yew virtual DOM directly.
//!
//! Article content never becomes an HTML string on its way to the DOM: every piece of
//! text is a text node, raw HTML included, and every URL passes the allow-list in
//! [`crate::safe_url`]. Citations (`[^3]`) become superscript links into the reference
//! list, and headings get stable ids.

use std::collections::HashMap;

use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};
use yew::virtual_dom::{VList, VNode, VTag, VText};
use yew::{AttrValue, Html};

use crate::safe_url;

/// The markdown dialect of articles: CommonMark plus GFM tables, strikethrough, task lists
/// and footnote references. Footnotes use the older syntax because an article's
/// references live in its front matter: `[^3]` must be a citation even though the body
/// defines no footnote 3.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_OLD_FOOTNOTES
}

/// A rendered markdown document.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub html: Html,
    /// The label of every citation, once each, in order of first appearance.
    pub cited: Vec<String>,
}

/// The id of reference `label`'s entry in the reference list.
pub fn reference_id(label: &str) -> String {
    format!("ref-{label}")
}

/// The id of the `n`th (1-based) citation of reference `label`.
pub fn citation_id(label: &str, n: usize) -> String {
    format!("cite-{label}-{n}")
}

/// Renders markdown to Yew virtual DOM.
///
/// ```
/// let rendered = article_widget::markdown::render("Riluzole[^1] <b>works</b>");
/// assert_eq!(rendered.cited, vec!["1".to_string()]);
/// ```
pub fn render(markdown: &str) -> Rendered {
    let mut writer = Writer::default();
    for event in Parser::new_ext(markdown, parser_options()) {
        writer.event(event);
    }
    writer.finish()
}

/// An element under construction and the children gathered for it so far.
struct Frame {
    tag: VTag,
    children: Vec<VNode>,
}

#[derive(Default)]
struct Writer {
    /// Open elements; the document's top-level nodes collect in `top`.
    stack: Vec<Frame>,
    top: Vec<VNode>,
    /// The plain text of the heading being written, from which its id is made.
    heading_text: Option<String>,
    /// The alt text of each open image; images inside image alt text only add text.
    image_alts: Vec<String>,
    used_heading_ids: HashMap<String, usize>,
    citation_counts: HashMap<String, usize>,
    cited: Vec<String>,
    table_alignments: Vec<Alignment>,
    table_cell: usize,
    in_table_head: bool,
    table_body_open: bool,
    /// Whether the last node written was a citation, so that the next one gets a comma.
    after_citation: bool,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        let is_citation = matches!(event, Event::FootnoteReference(_));
        self.event_inner(event);
        self.after_citation = is_citation;
    }

    fn event_inner(&mut self, event: Event<'_>) {
        if let Some(alt) = self.image_alts.last_mut() {
            // Inside an image only its text matters: it becomes the alt attribute.
            match event {
                Event::Start(Tag::Image { .. }) => self.image_alts.push(String::new()),
                Event::End(TagEnd::Image) => self.end_image(),
                Event::Text(text)
                | Event::Code(text)
                | Event::InlineHtml(text)
                | Event::Html(text) => alt.push_str(&text),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(text),
            Event::Code(code) => {
                self.capture(&code);
                let mut tag = VTag::new("code");
                tag.add_child(text_node(code));
                self.push(tag.into());
            }
            // Raw HTML is shown as the text it is, never interpreted.
            Event::Html(html) | Event::InlineHtml(html) => self.text(html),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(math),
            Event::FootnoteReference(label) => self.citation(&label),
            Event::SoftBreak => self.text(CowStr::Borrowed("\n")),
            Event::HardBreak => self.push(VTag::new("br").into()),
            Event::Rule => self.push(VTag::new("hr").into()),
            Event::TaskListMarker(checked) => {
                let mut input = VTag::new("input");
                input.add_attribute("type", "checkbox");
                input.add_attribute("disabled", "");
                input.set_checked(checked);
                self.push(input.into());
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let element = match tag {
            Tag::Paragraph => VTag::new("p"),
            Tag::Heading { level, .. } => {
                self.heading_text = Some(String::new());
                VTag::new(level.to_string())
            }
            Tag::BlockQuote(_) => VTag::new("blockquote"),
            Tag::CodeBlock(kind) => {
                // `<pre><code>`: the `pre` frame is opened here and closed with the code.
                self.open(VTag::new("pre"));
                let mut code = VTag::new("code");
                if let CodeBlockKind::Fenced(info) = kind {
                    if let Some(language) = info.split_whitespace().next() {
                        code.add_attribute("class", format!("language-{language}"));
                    }
                }
                code
            }
            Tag::HtmlBlock => {
                let mut block = VTag::new("p");
                block.add_attribute("class", "raw-html");
                block
            }
            Tag::List(Some(start)) => {
                let mut list = VTag::new("ol");
                if start != 1 {
                    list.add_attribute("start", start.to_string());
                }
                list
            }
            Tag::List(None) => VTag::new("ul"),
            Tag::Item => VTag::new("li"),
            Tag::FootnoteDefinition(label) => {
                let mut definition = VTag::new("div");
                definition.add_attribute("class", "footnote-definition");
                definition.add_attribute("id", reference_id(&label));
                let mut marker = VTag::new("sup");
                marker.add_attribute("class", "footnote-definition-label");
                marker.add_child(text_node(label));
                self.open(definition);
                self.push(marker.into());
                return;
            }
            Tag::DefinitionList => VTag::new("dl"),
            Tag::DefinitionListTitle => VTag::new("dt"),
            Tag::DefinitionListDefinition => VTag::new("dd"),
            Tag::Table(alignments) => {
                self.table_alignments = alignments;
                self.table_body_open = false;
                VTag::new("table")
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.table_cell = 0;
                self.open(VTag::new("thead"));
                VTag::new("tr")
            }
            Tag::TableRow => {
                if !self.table_body_open {
                    self.table_body_open = true;
                    self.open(VTag::new("tbody"));
                }
                self.table_cell = 0;
                VTag::new("tr")
            }
            Tag::TableCell => {
                let mut cell = VTag::new(if self.in_table_head { "th" } else { "td" });
                let class = match self.table_alignments.get(self.table_cell) {
                    Some(Alignment::Left) => Some("align-left"),
                    Some(Alignment::Center) => Some("align-center"),
                    Some(Alignment::Right) => Some("align-right"),
                    _ => None,
                };
                if let Some(class) = class {
                    cell.add_attribute("class", class);
                }
                self.table_cell += 1;
                cell
            }
            Tag::Emphasis => VTag::new("em"),
            Tag::Strong => VTag::new("strong"),
            Tag::Strikethrough => VTag::new("del"),
            Tag::Superscript => VTag::new("sup"),
            Tag::Subscript => VTag::new("sub"),
            Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                title,
                ..
            } => link(&format!("mailto:{dest_url}"), &title),
            Tag::Link {
                dest_url, title, ..
            } => link(&dest_url, &title),
            Tag::Image {
                dest_url, title, ..
            } => {
                // The image element is made at its end, once its alt text is known; the
                // frame holds its attributes until then.
                let mut image = VTag::new("img");
                if let Some(src) = safe_url::allowed(&dest_url) {
                    image.add_attribute("src", safe_url::percent_encode(&src));
                }
                if !title.is_empty() {
                    image.add_attribute("title", title.into_string());
                }
                self.image_alts.push(String::new());
                image
            }
            Tag::MetadataBlock(_) => VTag::new("pre"),
        };
        self.open(element);
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let text = self.heading_text.take().unwrap_or_default();
                let id = self.heading_id(&text);
                if let Some(frame) = self.stack.last_mut() {
                    frame.tag.add_attribute("id", id);
                }
                self.close();
            }
            TagEnd::CodeBlock => {
                self.close();
                self.close();
            }
            TagEnd::TableHead => {
                self.in_table_head = false;
                self.close();
                self.close();
            }
            TagEnd::Table => {
                if self.table_body_open {
                    self.close();
                }
                self.close();
            }
            TagEnd::Image => self.end_image(),
            _ => self.close(),
        }
    }

    fn end_image(&mut self) {
        let alt = self.image_alts.pop().unwrap_or_default();
        if let Some(outer) = self.image_alts.last_mut() {
            outer.push_str(&alt);
            return;
        }
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        let has_source = frame.tag.attributes.iter().any(|(key, _)| key == "src");
        if has_source {
            frame.tag.add_attribute("alt", alt);
            self.push(frame.tag.into());
        } else {
            // A neutralised image shows its description instead.
            self.text(CowStr::from(alt));
        }
    }

    fn text(&mut self, text: CowStr<'_>) {
        self.capture(&text);
        self.push(text_node(text));
    }

    fn capture(&mut self, text: &str) {
        if let Some(heading) = &mut self.heading_text {
            heading.push_str(text);
        }
    }

    fn citation(&mut self, label: &str) {
        let count = self.citation_counts.entry(label.to_owned()).or_insert(0);
        *count += 1;
        let count = *count;
        if count == 1 {
            self.cited.push(label.to_owned());
        }
        if self.after_citation {
            // Adjacent citations read "1, 2", as in print.
            let mut separator = VTag::new("sup");
            separator.add_attribute("class", "citation-separator");
            separator.add_child(text_node(CowStr::Borrowed(",")));
            self.push(separator.into());
        }
        let mut anchor = VTag::new("a");
        anchor.add_attribute("href", format!("#{}", reference_id(label)));
        anchor.add_attribute("id", citation_id(label, count));
        anchor.add_attribute("role", "doc-noteref");
        anchor.add_attribute("aria-label", format!("Reference {label}"));
        anchor.add_child(text_node(CowStr::from(label.to_owned())));
        let mut sup = VTag::new("sup");
        sup.add_attribute("class", "citation");
        sup.add_child(anchor.into());
        self.push(sup.into());
    }

    /// A stable, unique id from a heading's text: "Early Palliative Care" becomes
    /// `early-palliative-care`, and a second heading of the same text gets `-1`.
    fn heading_id(&mut self, text: &str) -> String {
        let mut slug = String::with_capacity(text.len());
        for c in text.trim().chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                slug.push(c);
            } else if c.is_whitespace() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_matches('-');
        let base = if slug.is_empty() { "section" } else { slug }.to_owned();
        let uses = self.used_heading_ids.entry(base.clone()).or_insert(0);
        *uses += 1;
        if *uses == 1 {
            base
        } else {
            format!("{base}-{}", *uses - 1)
        }
    }

    fn open(&mut self, tag: VTag) {
        self.stack.push(Frame {
            tag,
            children: Vec::new(),
        });
    }

    fn close(&mut self) {
        if let Some(frame) = self.stack.pop() {
            let mut tag = frame.tag;
            tag.add_children(frame.children);
            self.push(tag.into());
        }
    }

    fn push(&mut self, node: VNode) {
        match self.stack.last_mut() {
            Some(frame) => frame.children.push(node),
            None => self.top.push(node),
        }
    }

    fn finish(mut self) -> Rendered {
        while !self.stack.is_empty() {
            self.close();
        }
        Rendered {
            html: VList::with_children(self.top, None).into(),
            cited: self.cited,
        }
    }
}

fn link(dest_url: &str, title: &str) -> VTag {
    let Some(href) = safe_url::allowed(dest_url) else {
        // A neutralised link keeps its text and loses its destination.
        let mut span = VTag::new("span");
        span.add_attribute("class", "blocked-link");
        return span;
    };
    let mut anchor = VTag::new("a");
    if safe_url::is_external(&href) {
        anchor.add_attribute("rel", "noopener noreferrer");
    }
    anchor.add_attribute("href", safe_url::percent_encode(&href));
    if !title.is_empty() {
        anchor.add_attribute("title", title.to_owned());
    }
    anchor
}

fn text_node(text: CowStr<'_>) -> VNode {
    VText::new(AttrValue::from(text.into_string())).into()
}
