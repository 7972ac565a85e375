//! The static site the build writes: the publisher's pages, what each says to search
//! engines and link previews before any script runs, and the fragments partners' pages
//! show first. Native only: `articles site` writes it at build time.
//!
//! `prerender` draws every page through the widget's own components and `page` puts
//! each into the site's shell;
//! `meta` writes the `<head>` of an article's page and of the catalog's (title,
//! description, canonical link, Open Graph, Twitter card), and `json_ld` an article's
//! schema.org `MedicalWebPage`;
//! `frame` writes the embed pages other sites frame and their oEmbed JSON, and
//! `embed_panel` the "Embed this article" panel that offers them to partners;
//! `sitemap` writes `sitemap.xml` and `robots.txt`; `feed` the Atom feed of the
//! articles' changes, `feed.xml`; `search` makes each article's record
//! of the full-text index (`articles/search/`, which Pagefind writes); `files` puts
//! these together into the site's files, one article at a time. Each is a pure function
//! from the content model to text; [`escape`] is the one escaping of text put into
//! markup.

pub mod article_code;
pub mod contract;
pub mod embed_panel;
pub mod feed;
pub mod files;
pub mod frame;
pub mod json_ld;
pub mod meta;
pub mod page;
pub mod prerender;
pub mod search;
pub mod sitemap;

/// `text` made safe as HTML or XML text and as a quoted attribute value: `&`, `<`, `>`,
/// `"` and `'` become character references.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}
