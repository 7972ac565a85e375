//! The markup `embed.js` lets through into a partner's page,
//! [`prerender::FRAGMENT_MARKUP`], is exactly the markup the build's fragments hold:
//! every element and attribute of every fragment of the project's articles and of the
//! end-to-end fixtures, and of a document holding every kind of block and inline the
//! renderer draws, is on it; and nothing is on it that none of them holds. The loader's
//! sanitizer (`www/loader/sanitize.js`) reads the list from the generated contract.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use article_widget::config::Placement;
use article_widget::document::{Block, Inline};
use article_widget::markdown::parse;
use article_widget::model::Audience;
use article_widget::site::prerender::{
    article_fragment, config_for, FRAGMENT_MARKUP, FRAGMENT_URL_ATTRIBUTES,
};
use article_widget::source::{load_dir, today};
use article_widget::ssr::markdown_to_html;

use support::html_normalize::{tokenize, Token};

type Markup = BTreeMap<String, BTreeSet<String>>;

/// Every kind of block and inline, in every form the renderer draws differently:
/// each heading level, each alignment, a refused link and image, a task done and not.
const EVERY_KIND: &str =
    "# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\n\
Text *em* **strong** ~~gone~~ `code` [in](/x \"a title\") [out](https://example.org) \
[refused](javascript:alert(1)) ![image](https://example.org/a.png \"a title\") \
![plain](a.png) ![refused](javascript:alert(2)) a break  \nthen cited[^1][^2].\n\n\
> quoted\n\n```rust\nfn main() {}\n```\n\n```\nplain\n```\n\n<div>raw</div>\n\n\
3. three\n4. four\n\n1. one\n\n- [ ] to do\n- [x] done\n\n\
| left | centre | right | none |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\n| head only |\n|---|\n\n\
---\n\n[^3]: A footnote.\n";

/// The markup of `html` (a fragment the build wrote): each element with its attributes.
fn markup_of(html: &str, into: &mut Markup) {
    for token in tokenize(html) {
        if let Token::Tag {
            name,
            closing: false,
            attributes,
        } = token
        {
            let element = into.entry(name).or_default();
            element.extend(attributes.into_iter().map(|(name, _)| name));
        }
    }
}

/// What every partner fragment of the articles of `dir` holds, for every audience.
fn fragments_markup(dir: &Path, into: &mut Markup) {
    let report = load_dir(dir, today()).unwrap();
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);
    assert!(!report.articles.is_empty(), "{}", dir.display());
    let partner = config_for(Placement::Partner, 0);
    for article in &report.articles {
        for &audience in Audience::ALL {
            let html = article_fragment(article, audience, &partner, today(), None).unwrap();
            markup_of(&html, into);
        }
    }
}

fn list() -> Markup {
    FRAGMENT_MARKUP
        .iter()
        .map(|(element, attributes)| {
            let attributes = attributes.iter().map(|name| (*name).to_owned()).collect();
            ((*element).to_owned(), attributes)
        })
        .collect()
}

/// The names of the kinds of blocks and inlines in `blocks`: a new kind is a compile
/// error here until [`EVERY_KIND`] shows it.
fn kinds(blocks: &[Block], into: &mut BTreeSet<&'static str>) {
    for block in blocks {
        let (kind, children, content): (_, &[Block], &[Inline]) = match block {
            Block::Paragraph(content) => ("paragraph", &[], content),
            Block::Plain(content) => ("plain", &[], content),
            Block::Heading { content, .. } => ("heading", &[], content),
            Block::Quote(children) => ("quote", children, &[]),
            Block::Code { .. } => ("code block", &[], &[]),
            Block::RawHtml(_) => ("raw html", &[], &[]),
            Block::List { items, .. } => {
                items.iter().for_each(|item| kinds(item, into));
                ("list", &[], &[])
            }
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    inline_kinds(cell, into);
                }
                ("table", &[], &[])
            }
            Block::Rule => ("rule", &[], &[]),
            Block::Footnote { blocks, .. } => ("footnote", blocks, &[]),
        };
        into.insert(kind);
        kinds(children, into);
        inline_kinds(content, into);
    }
}

fn inline_kinds(inlines: &[Inline], into: &mut BTreeSet<&'static str>) {
    for inline in inlines {
        let (kind, content): (_, &[Inline]) = match inline {
            Inline::Text(_) => ("text", &[]),
            Inline::Code(_) => ("code", &[]),
            Inline::LineBreak => ("line break", &[]),
            Inline::Emphasis(content) => ("emphasis", content),
            Inline::Strong(content) => ("strong", content),
            Inline::Strikethrough(content) => ("strikethrough", content),
            Inline::Link { content, .. } => ("link", content),
            Inline::Image { .. } => ("image", &[]),
            Inline::Citation { .. } => ("citation", &[]),
            Inline::Task(_) => ("task", &[]),
        };
        into.insert(kind);
        inline_kinds(content, into);
    }
}

#[test]
fn the_sample_holds_every_kind_of_block_and_inline() {
    let mut found = BTreeSet::new();
    kinds(&parse(EVERY_KIND).blocks, &mut found);
    let every = [
        "paragraph",
        "plain",
        "heading",
        "quote",
        "code block",
        "raw html",
        "list",
        "table",
        "rule",
        "footnote",
        "text",
        "code",
        "line break",
        "emphasis",
        "strong",
        "strikethrough",
        "link",
        "image",
        "citation",
        "task",
    ];
    assert_eq!(found, BTreeSet::from(every));
}

#[test]
fn the_fragments_hold_exactly_the_markup_the_sanitizer_lets_through() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Markup::new();
    fragments_markup(&root.join("articles"), &mut found);
    fragments_markup(&root.join("tests/e2e/fixtures/articles"), &mut found);
    markup_of(&markdown_to_html(EVERY_KIND), &mut found);
    assert_eq!(list(), found);
}

#[test]
fn no_attribute_on_the_list_runs_code_or_takes_a_url_the_allow_list_has_not_seen() {
    // HTML's attributes that take a URL (beside `href` and `src`, which the renderer
    // made `SafeUrl`s and the sanitizer checks again) and those that style or script.
    const URL_TAKING: [&str; 14] = [
        "action",
        "formaction",
        "cite",
        "data",
        "poster",
        "background",
        "longdesc",
        "srcset",
        "ping",
        "xlink:href",
        "manifest",
        "codebase",
        "icon",
        "usemap",
    ];
    for (element, attributes) in FRAGMENT_MARKUP {
        for attribute in *attributes {
            assert!(
                !attribute.starts_with("on") && *attribute != "style" && *attribute != "srcdoc",
                "{element} {attribute}"
            );
            assert!(!URL_TAKING.contains(attribute), "{element} {attribute}");
        }
    }
    for attribute in FRAGMENT_URL_ATTRIBUTES {
        assert!(FRAGMENT_MARKUP
            .iter()
            .any(|(_, names)| names.contains(&attribute)));
    }
}
