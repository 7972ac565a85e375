//! Markdown to [`Document`], and the [`findings`] that `articles check` looks at: the one
//! place pulldown-cmark's events are read.
//!
//! `articles build` runs this once per variant; the widget never does, so no markdown
//! parser is compiled into the Wasm. Citations (`[^3]`) are numbered, heading ids made
//! unique and adjacent text merged here, so the renderer only walks the tree.
//!
//! Longer than 300 lines: one writer over pulldown-cmark's events, as in its own `html.rs`,
//! and the findings the article checks read, so that this stays the only reader.

use std::collections::HashMap;
use std::rc::Rc;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag};

use crate::document::{inlines_text, Alignment, Block, Document, Inline};

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

/// Parses markdown into a document.
///
/// ```
/// use article_widget::document::{Block, Inline};
///
/// let document = article_widget::markdown::parse("Riluzole[^1] <b>works</b>");
/// assert_eq!(document.cited, vec!["1".to_string()]);
/// let Block::Paragraph(content) = &document.blocks[0] else { panic!() };
/// // Raw HTML stays text.
/// assert_eq!(content[2], Inline::Text(" <b>works</b>".into()));
/// ```
pub fn parse(markdown: &str) -> Document {
    let mut builder = Builder::default();
    for event in Parser::new_ext(markdown, parser_options()) {
        let is_citation = matches!(event, Event::FootnoteReference(_));
        builder.event(event);
        builder.after_citation = is_citation;
    }
    builder.finish()
}

/// What the authoring checks look at in markdown, each at the byte offset where it
/// starts, so that a check can name its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A citation, `[^label]`.
    Citation { label: String, offset: usize },
    /// A footnote definition, `[^label]: ...`.
    FootnoteDefinition { label: String, offset: usize },
    /// Raw HTML: an inline tag, or one line of an HTML block.
    RawHtml { offset: usize },
    /// A link or an image, and its destination as written.
    Link { url: String, offset: usize },
    /// A heading, of level 1 to 6.
    Heading { level: u8, offset: usize },
}

/// The citations, footnote definitions, raw HTML, links, images and headings of
/// `markdown`, in the order they are written.
///
/// ```
/// use article_widget::markdown::{findings, Finding};
///
/// assert_eq!(
///     findings("# Riluzole[^1]\n\n<b>works</b>"),
///     [
///         Finding::Heading { level: 1, offset: 0 },
///         Finding::Citation { label: "1".into(), offset: 10 },
///         Finding::RawHtml { offset: 16 },
///         Finding::RawHtml { offset: 24 },
///     ]
/// );
/// ```
pub fn findings(markdown: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        let offset = range.start;
        let finding = match event {
            Event::FootnoteReference(label) => Finding::Citation {
                label: label.into_string(),
                offset,
            },
            Event::Start(Tag::FootnoteDefinition(label)) => Finding::FootnoteDefinition {
                label: label.into_string(),
                offset,
            },
            Event::Html(_) | Event::InlineHtml(_) => Finding::RawHtml { offset },
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Finding::Link {
                    url: dest_url.into_string(),
                    offset,
                }
            }
            Event::Start(Tag::Heading { level, .. }) => Finding::Heading {
                level: level as u8,
                offset,
            },
            _ => continue,
        };
        findings.push(finding);
    }
    findings
}

/// What an open element of the markdown becomes once closed.
enum Container {
    Paragraph,
    Heading(u8),
    Quote,
    Code(Option<String>),
    RawHtml,
    List(Option<u64>),
    Item,
    Footnote(String),
    Table(Vec<Alignment>),
    TableHead,
    TableRow,
    TableCell,
    Emphasis,
    Strong,
    Strikethrough,
    Link {
        href: String,
        title: String,
    },
    Image {
        src: String,
        title: String,
    },
    /// An element outside the dialect: its content joins its parent's.
    Transparent,
}

/// An open container and what has been gathered into it so far.
struct Frame {
    container: Container,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    /// Text not yet made an inline: adjacent text becomes one text node.
    text: String,
    /// A list's items.
    items: Vec<Vec<Block>>,
    /// A table row's (or head's) cells.
    cells: Vec<Vec<Inline>>,
    /// A table's head and body rows.
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
}

impl Frame {
    fn new(container: Container) -> Frame {
        Frame {
            container,
            blocks: Vec::new(),
            inlines: Vec::new(),
            text: String::new(),
            items: Vec::new(),
            cells: Vec::new(),
            head: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// The frame's blocks, its loose inline content (a tight list item's) made a block.
    fn into_blocks(mut self) -> Vec<Block> {
        flush_plain(&mut self.blocks, &mut self.inlines);
        self.blocks
    }
}

fn flush_text(inlines: &mut Vec<Inline>, text: &mut String) {
    if !text.is_empty() {
        inlines.push(Inline::Text(Rc::from(std::mem::take(text))));
    }
}

fn flush_plain(blocks: &mut Vec<Block>, inlines: &mut Vec<Inline>) {
    if !inlines.is_empty() {
        blocks.push(Block::Plain(std::mem::take(inlines)));
    }
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    /// The document's own blocks, and inline content outside any block (none in
    /// CommonMark, kept rather than lost).
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    text: String,
    used_heading_ids: HashMap<String, usize>,
    citation_counts: HashMap<String, usize>,
    cited: Vec<String>,
    after_citation: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(_) => self.close(),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => self.inline(Inline::Code(Rc::from(code.as_ref()))),
            // Raw HTML is kept as the text it is, never interpreted.
            Event::Html(html) | Event::InlineHtml(html) => self.text(&html),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math),
            Event::FootnoteReference(label) => self.citation(label.into_string()),
            // Inside an image's alt text a line break is a space.
            Event::SoftBreak if self.in_image() => self.text(" "),
            Event::SoftBreak => self.text("\n"),
            Event::HardBreak => self.inline(Inline::LineBreak),
            Event::Rule => self.block(Block::Rule),
            Event::TaskListMarker(checked) => self.inline(Inline::Task(checked)),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let container = match tag {
            Tag::Paragraph => Container::Paragraph,
            Tag::Heading { level, .. } => Container::Heading(level as u8),
            Tag::BlockQuote(_) => Container::Quote,
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                Container::Code(info.split_whitespace().next().map(str::to_owned))
            }
            Tag::CodeBlock(CodeBlockKind::Indented) => Container::Code(None),
            Tag::HtmlBlock => Container::RawHtml,
            Tag::List(start) => Container::List(start),
            Tag::Item => Container::Item,
            Tag::FootnoteDefinition(label) => Container::Footnote(label.into_string()),
            Tag::Table(alignments) => Container::Table(
                alignments
                    .into_iter()
                    .map(|alignment| match alignment {
                        pulldown_cmark::Alignment::None => Alignment::None,
                        pulldown_cmark::Alignment::Left => Alignment::Left,
                        pulldown_cmark::Alignment::Center => Alignment::Center,
                        pulldown_cmark::Alignment::Right => Alignment::Right,
                    })
                    .collect(),
            ),
            Tag::TableHead => Container::TableHead,
            Tag::TableRow => Container::TableRow,
            Tag::TableCell => Container::TableCell,
            Tag::Emphasis => Container::Emphasis,
            Tag::Strong => Container::Strong,
            Tag::Strikethrough => Container::Strikethrough,
            Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                title,
                ..
            } => Container::Link {
                href: format!("mailto:{dest_url}"),
                title: title.into_string(),
            },
            Tag::Link {
                dest_url, title, ..
            } => Container::Link {
                href: dest_url.into_string(),
                title: title.into_string(),
            },
            Tag::Image {
                dest_url, title, ..
            } => Container::Image {
                src: dest_url.into_string(),
                title: title.into_string(),
            },
            Tag::Superscript
            | Tag::Subscript
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => Container::Transparent,
        };
        self.stack.push(Frame::new(container));
    }

    fn close(&mut self) {
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        flush_text(&mut frame.inlines, &mut frame.text);
        match std::mem::replace(&mut frame.container, Container::Transparent) {
            Container::Paragraph => self.block(Block::Paragraph(frame.inlines)),
            Container::Heading(level) => {
                let mut text = String::new();
                inlines_text(&frame.inlines, &mut text);
                let id = self.heading_id(&text);
                self.block(Block::Heading {
                    level,
                    id,
                    content: frame.inlines,
                });
            }
            Container::Quote => self.block(Block::Quote(frame.into_blocks())),
            Container::Code(language) => {
                let mut text = String::new();
                inlines_text(&frame.inlines, &mut text);
                self.block(Block::Code {
                    language,
                    text: Rc::from(text),
                });
            }
            Container::RawHtml => {
                let mut text = String::new();
                inlines_text(&frame.inlines, &mut text);
                self.block(Block::RawHtml(Rc::from(text)));
            }
            Container::List(start) => self.block(Block::List {
                start,
                items: frame.items,
            }),
            Container::Item => {
                let item = frame.into_blocks();
                if let Some(list) = self.stack.last_mut() {
                    list.items.push(item);
                }
            }
            Container::Footnote(label) => {
                let blocks = frame.into_blocks();
                self.block(Block::Footnote { label, blocks });
            }
            Container::Table(alignments) => self.block(Block::Table {
                alignments,
                head: frame.head,
                rows: frame.rows,
            }),
            Container::TableHead => {
                if let Some(table) = self.stack.last_mut() {
                    table.head = frame.cells;
                }
            }
            Container::TableRow => {
                if let Some(table) = self.stack.last_mut() {
                    table.rows.push(frame.cells);
                }
            }
            Container::TableCell => {
                if let Some(row) = self.stack.last_mut() {
                    row.cells.push(frame.inlines);
                }
            }
            Container::Emphasis => self.inline(Inline::Emphasis(frame.inlines)),
            Container::Strong => self.inline(Inline::Strong(frame.inlines)),
            Container::Strikethrough => self.inline(Inline::Strikethrough(frame.inlines)),
            Container::Link { href, title } => self.inline(Inline::Link {
                href,
                title,
                content: frame.inlines,
            }),
            Container::Image { src, title } => {
                let mut alt = String::new();
                inlines_text(&frame.inlines, &mut alt);
                self.inline(Inline::Image { src, title, alt });
            }
            Container::Transparent => {
                for block in frame.blocks {
                    self.block(block);
                }
                for inline in frame.inlines {
                    self.inline(inline);
                }
            }
        }
    }

    fn in_image(&self) -> bool {
        self.stack
            .iter()
            .any(|frame| matches!(frame.container, Container::Image { .. }))
    }

    /// The open container's blocks, inlines and pending text (the document's when none
    /// is open).
    fn top(&mut self) -> (&mut Vec<Block>, &mut Vec<Inline>, &mut String) {
        match self.stack.last_mut() {
            Some(frame) => (&mut frame.blocks, &mut frame.inlines, &mut frame.text),
            None => (&mut self.blocks, &mut self.inlines, &mut self.text),
        }
    }

    fn block(&mut self, block: Block) {
        let (blocks, inlines, text) = self.top();
        flush_text(inlines, text);
        flush_plain(blocks, inlines);
        blocks.push(block);
    }

    fn inline(&mut self, inline: Inline) {
        let (_, inlines, text) = self.top();
        flush_text(inlines, text);
        inlines.push(inline);
    }

    /// Adds text, joined to the text before it: one text node instead of several.
    fn text(&mut self, text: &str) {
        self.top().2.push_str(text);
    }

    fn citation(&mut self, label: String) {
        let count = self.citation_counts.entry(label.clone()).or_insert(0);
        *count += 1;
        let number = *count;
        if number == 1 {
            self.cited.push(label.clone());
        }
        let follows_citation = self.after_citation;
        self.inline(Inline::Citation {
            label,
            number,
            follows_citation,
        });
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

    fn finish(mut self) -> Document {
        while !self.stack.is_empty() {
            self.close();
        }
        flush_text(&mut self.inlines, &mut self.text);
        flush_plain(&mut self.blocks, &mut self.inlines);
        Document {
            blocks: self.blocks,
            cited: self.cited,
        }
    }
}
