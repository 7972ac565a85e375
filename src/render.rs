//! [`Document`] to Yew virtual DOM: the widget's renderer.
//!
//! Article content never becomes an HTML string on its way to the DOM: every piece of
//! text is a text node, raw HTML included, and every URL passes the allow-list in
//! [`crate::safe_url`] here, at render time, whatever the article data says. Elements
//! are built as `VTag`s directly: `html!` would expand into far more code for the same
//! nodes, and every byte of the Wasm is paid by every partner page.
//!
//! Longer than 300 lines: one arm for every kind of block and inline, and the parts a
//! take-over draws a task each.

use std::rc::Rc;

use yew::virtual_dom::{VList, VNode, VTag, VText};
use yew::{AttrValue, Html};

use crate::document::{citation_id, reference_id, Alignment, Block, Document, Inline};
use crate::safe_url::SafeUrl;

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// What a citation is called to a screen reader ("Reference 1"), in the interface's
/// language: the widget passes its message catalog's (`crate::messages`).
pub type CitationLabel = fn(label: &str) -> String;

/// Renders a document to Yew virtual DOM, its citations named in English: for
/// `articles md` and the benchmark. The widget uses [`render_with`].
///
/// ```
/// let document = article_widget::markdown::parse("Riluzole[^1]");
/// let html = article_widget::render::render(&document);
/// # let _ = html;
/// ```
pub fn render(document: &Document) -> Html {
    render_with(document, |label| format!("Reference {label}"))
}

/// Renders a document to Yew virtual DOM, naming its citations with `cite`.
pub fn render_with(document: &Document, cite: CitationLabel) -> Html {
    let mut nodes = Vec::with_capacity(document.blocks.len());
    blocks(&document.blocks, &mut nodes, cite);
    VList::with_children(nodes, None).into()
}

/// How many nodes a part of [`render_in_parts`] is made of, about: the cost of drawing
/// one goes with the elements and text nodes it creates.
pub const PART_NODES: usize = 250;

/// The most parts a document is drawn in, however long: each waits a task for the one
/// before, and the browser holds back timers nested deeper than five.
pub const MOST_PARTS: usize = 4;

/// Renders a document to Yew virtual DOM in parts of whole top-level blocks, in order,
/// each about [`PART_NODES`] nodes (a long document in [`MOST_PARTS`] parts): the
/// widget draws them a task each while its page waits hidden, so that no one task
/// draws the whole article (see `pages::article`). The parts together are what
/// [`render_with`] renders.
pub fn render_in_parts(document: &Document, cite: CitationLabel) -> Vec<Html> {
    let sizes: Vec<usize> = document.blocks.iter().map(block_size).collect();
    let mut start = 0;
    part_ends(&sizes, PART_NODES, MOST_PARTS)
        .into_iter()
        .map(|end| {
            let mut nodes = Vec::with_capacity(end - start);
            blocks(&document.blocks[start..end], &mut nodes, cite);
            start = end;
            VList::with_children(nodes, None).into()
        })
        .collect()
}

/// Where each part ends, given each block's size: parts of whole blocks, each about
/// `budget` (one block over it is a part of its own), and never more than `most`
/// parts, the budget growing to fit. At least one part, though empty.
pub fn part_ends(sizes: &[usize], budget: usize, most: usize) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    let budget = budget.max(total.div_ceil(most.max(1)));
    let mut ends = Vec::new();
    let mut filled = 0;
    for (index, size) in sizes.iter().enumerate() {
        if filled > 0 && filled + size > budget {
            ends.push(index);
            filled = 0;
        }
        filled += size;
    }
    if ends.len() >= most.max(1) {
        // Rounding left a last sliver: it joins the part before.
        ends.truncate(most.max(1) - 1);
    }
    ends.push(sizes.len());
    ends
}

/// About how many nodes `block` renders to: one for it, one for each block and inline
/// in it.
fn block_size(block: &Block) -> usize {
    let inlines = |content: &[Inline]| content.iter().map(inline_size).sum::<usize>();
    1 + match block {
        Block::Paragraph(content) | Block::Plain(content) | Block::Heading { content, .. } => {
            inlines(content)
        }
        Block::Quote(blocks) | Block::Footnote { blocks, .. } => {
            blocks.iter().map(block_size).sum()
        }
        Block::List { items, .. } => items
            .iter()
            .map(|item| 1 + item.iter().map(block_size).sum::<usize>())
            .sum(),
        Block::Table { head, rows, .. } => std::iter::once(head)
            .chain(rows)
            .map(|row| 1 + row.iter().map(|cell| 1 + inlines(cell)).sum::<usize>())
            .sum(),
        Block::Code { .. } | Block::RawHtml(_) | Block::Rule => 1,
    }
}

fn inline_size(inline: &Inline) -> usize {
    1 + match inline {
        Inline::Emphasis(content)
        | Inline::Strong(content)
        | Inline::Strikethrough(content)
        | Inline::Link { content, .. } => content.iter().map(inline_size).sum(),
        // The `sup`, the link and its text.
        Inline::Citation { .. } => 2,
        _ => 0,
    }
}

fn blocks(blocks: &[Block], out: &mut Vec<VNode>, cite: CitationLabel) {
    for block in blocks {
        match block {
            // A tight list item's text goes straight into its `li`.
            Block::Plain(content) => inlines(content, out, cite),
            block => out.push(self::block(block, cite)),
        }
    }
}

fn block(block: &Block, cite: CitationLabel) -> VNode {
    match block {
        Block::Paragraph(content) | Block::Plain(content) => {
            element("p", inline_nodes(content, cite))
        }
        Block::Heading { level, id, content } => {
            let name = HEADINGS[usize::from(*level).clamp(1, 6) - 1];
            let mut heading = VTag::new(name);
            heading.add_attribute("id", id.clone());
            heading.add_children(inline_nodes(content, cite));
            heading.into()
        }
        Block::Quote(content) => element("blockquote", block_nodes(content, cite)),
        Block::Code { language, text } => {
            let mut code = VTag::new("code");
            if let Some(language) = language {
                code.add_attribute("class", format!("language-{language}"));
            }
            code.add_child(shared_text_node(text));
            element("pre", vec![code.into()])
        }
        Block::RawHtml(text) => {
            let mut paragraph = VTag::new("p");
            paragraph.add_attribute("class", "raw-html");
            paragraph.add_child(shared_text_node(text));
            paragraph.into()
        }
        Block::List { start, items } => {
            let mut list = VTag::new(if start.is_some() { "ol" } else { "ul" });
            if let Some(start) = start.filter(|start| *start != 1) {
                list.add_attribute("start", start.to_string());
            }
            list.add_children(
                items
                    .iter()
                    .map(|item| element("li", block_nodes(item, cite))),
            );
            list.into()
        }
        Block::Table {
            alignments,
            head,
            rows,
        } => {
            let row = |cells: &[Vec<Inline>], name: &'static str| {
                let cells = cells.iter().enumerate().map(|(index, content)| {
                    let mut cell = VTag::new(name);
                    let class = match alignments.get(index) {
                        Some(Alignment::Left) => Some("align-left"),
                        Some(Alignment::Center) => Some("align-center"),
                        Some(Alignment::Right) => Some("align-right"),
                        _ => None,
                    };
                    if let Some(class) = class {
                        cell.add_attribute("class", class);
                    }
                    cell.add_children(inline_nodes(content, cite));
                    VNode::from(cell)
                });
                element("tr", cells.collect())
            };
            let mut table = vec![element("thead", vec![row(head, "th")])];
            if !rows.is_empty() {
                let body = rows.iter().map(|cells| row(cells, "td")).collect();
                table.push(element("tbody", body));
            }
            element("table", table)
        }
        Block::Rule => VTag::new("hr").into(),
        Block::Footnote { label, blocks } => {
            let mut definition = VTag::new("div");
            definition.add_attribute("class", "footnote-definition");
            definition.add_attribute("id", reference_id(label));
            let mut marker = VTag::new("sup");
            marker.add_attribute("class", "footnote-definition-label");
            marker.add_child(text_node(label));
            definition.add_child(marker.into());
            definition.add_children(block_nodes(blocks, cite));
            definition.into()
        }
    }
}

fn block_nodes(content: &[Block], cite: CitationLabel) -> Vec<VNode> {
    let mut nodes = Vec::with_capacity(content.len());
    blocks(content, &mut nodes, cite);
    nodes
}

fn inline_nodes(content: &[Inline], cite: CitationLabel) -> Vec<VNode> {
    let mut nodes = Vec::with_capacity(content.len());
    inlines(content, &mut nodes, cite);
    nodes
}

fn inlines(content: &[Inline], out: &mut Vec<VNode>, cite: CitationLabel) {
    for inline in content {
        match inline {
            Inline::Text(text) => out.push(shared_text_node(text)),
            Inline::Code(code) => out.push(element("code", vec![shared_text_node(code)])),
            Inline::LineBreak => out.push(VTag::new("br").into()),
            Inline::Emphasis(content) => out.push(element("em", inline_nodes(content, cite))),
            Inline::Strong(content) => out.push(element("strong", inline_nodes(content, cite))),
            Inline::Strikethrough(content) => out.push(element("del", inline_nodes(content, cite))),
            Inline::Link {
                href,
                title,
                content,
            } => out.push(link(href, title, inline_nodes(content, cite))),
            Inline::Image { src, title, alt } => match SafeUrl::parse(src) {
                Some(src) => {
                    let mut image = VTag::new("img");
                    image.add_attribute("src", src.encoded());
                    if !title.is_empty() {
                        image.add_attribute("title", title.clone());
                    }
                    image.add_attribute("alt", alt.clone());
                    out.push(image.into());
                }
                // A refused image shows its description instead.
                None => out.push(text_node(alt)),
            },
            Inline::Citation {
                label,
                number,
                follows_citation,
            } => {
                if *follows_citation {
                    // Adjacent citations read "1, 2", as in print.
                    let mut separator = VTag::new("sup");
                    separator.add_attribute("class", "citation-separator");
                    separator.add_child(text_node(","));
                    out.push(separator.into());
                }
                let mut anchor = VTag::new("a");
                anchor.add_attribute("href", format!("#{}", reference_id(label)));
                // In this document, even where the page's `<base>` opens links in a new
                // tab (an embed page in a frame).
                anchor.add_attribute("target", "_self");
                anchor.add_attribute("id", citation_id(label, *number));
                anchor.add_attribute("role", "doc-noteref");
                anchor.add_attribute("aria-label", cite(label));
                anchor.add_child(text_node(label));
                let mut sup = VTag::new("sup");
                sup.add_attribute("class", "citation");
                sup.add_child(anchor.into());
                out.push(sup.into());
            }
            Inline::Task(checked) => {
                let mut input = VTag::new("input");
                input.add_attribute("type", "checkbox");
                input.add_attribute("disabled", "");
                input.set_checked(*checked);
                out.push(input.into());
            }
        }
    }
}

fn link(href: &str, title: &str, content: Vec<VNode>) -> VNode {
    let Some(href) = SafeUrl::parse(href) else {
        // A refused link keeps its text and loses its destination.
        let mut span = VTag::new("span");
        span.add_attribute("class", "blocked-link");
        span.add_children(content);
        return span.into();
    };
    let mut anchor = VTag::new("a");
    if href.is_external() {
        anchor.add_attribute("rel", "noopener noreferrer");
    }
    anchor.add_attribute("href", href.encoded());
    if !title.is_empty() {
        anchor.add_attribute("title", title.to_owned());
    }
    anchor.add_children(content);
    anchor.into()
}

fn element(name: &'static str, children: Vec<VNode>) -> VNode {
    let mut tag = VTag::new(name);
    tag.add_children(children);
    tag.into()
}

fn text_node(text: &str) -> VNode {
    VText::new(AttrValue::from(text.to_owned())).into()
}

/// A text node sharing the document's text.
fn shared_text_node(text: &Rc<str>) -> VNode {
    VText::new(AttrValue::from(Rc::clone(text))).into()
}
