//! The body of an article as a tree of blocks and inlines: plain Rust, no browser and no
//! markdown parser.
//!
//! `articles build` parses each variant's markdown once ([`crate::markdown::parse`]) and
//! stores this tree in the article data, so the widget ships without a markdown parser
//! and a reader's browser never parses markdown; [`crate::render`] turns the tree into
//! virtual DOM. Everything the tree holds is data: the renderer still shows raw HTML as
//! text and passes every URL through the allow-list, whoever wrote the JSON.
//!
//! The serde names are short because every article repeats them thousands of times.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

/// One variant's body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// The label of every cited reference, once each, in order of first citation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    #[serde(rename = "p")]
    Paragraph(Vec<Inline>),
    /// The text of a tight list item, which has no paragraph of its own.
    #[serde(rename = "plain")]
    Plain(Vec<Inline>),
    #[serde(rename = "h")]
    Heading {
        /// 1 to 6.
        level: u8,
        /// Unique within the document, made from the heading's text.
        id: String,
        content: Vec<Inline>,
    },
    #[serde(rename = "quote")]
    Quote(Vec<Block>),
    #[serde(rename = "code")]
    Code {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        text: Rc<str>,
    },
    /// An HTML block, kept as the text it is: readers see it, browsers never parse it.
    #[serde(rename = "html")]
    RawHtml(Rc<str>),
    #[serde(rename = "list")]
    List {
        /// The first number of an ordered list; `None` for a bulleted list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    #[serde(rename = "table")]
    Table {
        alignments: Vec<Alignment>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    #[serde(rename = "hr")]
    Rule,
    /// A footnote definition in the body (`[^label]: text`). Article checks refuse
    /// them, since references live in the front matter; `articles md` shows them.
    #[serde(rename = "footnote")]
    Footnote { label: String, blocks: Vec<Block> },
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Alignment {
    #[default]
    None,
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Text, raw inline HTML included: it is shown, never interpreted. Text is shared
    /// with the virtual DOM built from it (`Rc`), not copied into it.
    #[serde(rename = "t")]
    Text(Rc<str>),
    #[serde(rename = "code")]
    Code(Rc<str>),
    #[serde(rename = "br")]
    LineBreak,
    #[serde(rename = "em")]
    Emphasis(Vec<Inline>),
    #[serde(rename = "strong")]
    Strong(Vec<Inline>),
    #[serde(rename = "del")]
    Strikethrough(Vec<Inline>),
    #[serde(rename = "a")]
    Link {
        /// As written (an email autolink gets `mailto:`); the renderer allow-lists it.
        href: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        title: String,
        content: Vec<Inline>,
    },
    #[serde(rename = "img")]
    Image {
        /// As written; the renderer allow-lists it, and shows `alt` instead if refused.
        src: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        title: String,
        alt: String,
    },
    /// A citation of reference `label` (`[^3]`), the `number`th of that reference in
    /// the document.
    #[serde(rename = "cite")]
    Citation {
        label: String,
        number: usize,
        /// Written right after another citation, so it reads "1, 2" as in print.
        #[serde(default, skip_serializing_if = "is_false")]
        follows_citation: bool,
    },
    /// The checkbox of a task list item.
    #[serde(rename = "task")]
    Task(bool),
}

fn is_false(value: &bool) -> bool {
    !value
}

/// The id of reference `label`'s entry in the reference list.
pub fn reference_id(label: &str) -> String {
    format!("ref-{label}")
}

/// The id of the `number`th (1-based) citation of reference `label`.
pub fn citation_id(label: &str, number: usize) -> String {
    format!("cite-{label}-{number}")
}

impl Document {
    /// The text a reader sees, blocks separated by blank lines; for checks and tests.
    pub fn text(&self) -> String {
        let mut out = String::new();
        blocks_text(&self.blocks, &mut out);
        out
    }
}

impl Block {
    /// The text a reader sees of this block, as [`Document::text`] has it: raw HTML and
    /// code as the text they are, citations and checkboxes not at all.
    pub fn text(&self) -> String {
        let mut out = String::new();
        blocks_text(std::slice::from_ref(self), &mut out);
        out
    }
}

fn blocks_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        match block {
            Block::Paragraph(content) | Block::Plain(content) | Block::Heading { content, .. } => {
                inlines_text(content, out)
            }
            Block::Quote(blocks) | Block::Footnote { blocks, .. } => blocks_text(blocks, out),
            Block::Code { text, .. } | Block::RawHtml(text) => out.push_str(text),
            Block::List { items, .. } => {
                for item in items {
                    blocks_text(item, out);
                }
            }
            Block::Table { head, rows, .. } => {
                for row in std::iter::once(head).chain(rows) {
                    for cell in row {
                        inlines_text(cell, out);
                        out.push('\t');
                    }
                    out.push('\n');
                }
            }
            Block::Rule => {}
        }
    }
}

/// The plain text of inlines: what an image's alt text and a heading's id are made of.
/// Citations and checkboxes add nothing.
pub fn inlines_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::LineBreak => out.push(' '),
            Inline::Emphasis(content)
            | Inline::Strong(content)
            | Inline::Strikethrough(content)
            | Inline::Link { content, .. } => inlines_text(content, out),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::Citation { .. } | Inline::Task(_) => {}
        }
    }
}
