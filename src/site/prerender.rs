//! The static site: every article for every audience, and the catalog, prerendered
//! through the widget's own components ([`crate::pages::prerendered`]) into the
//! publisher's pages and into the fragments `embed.js` shows on partners' pages. The
//! widget takes either over in place. Everything here is made by the build from
//! checked data, through the safe renderer: raw HTML in an article stays text, and
//! every URL has passed the allow-list.

use std::rc::Rc;

use crate::config::{Placement, WidgetConfig};
use crate::model::{Article, Audience, Catalog, Date};
use crate::pages::prerendered::{
    PrerenderedArticle, PrerenderedArticleProps, PrerenderedCatalog, PrerenderedCatalogProps,
};
use crate::ssr;

pub use super::escape;

/// The widget's stylesheet, the one both the prerendered HTML and the widget use.
pub const WIDGET_CSS: &str = include_str!("../widget.css");

/// The canonical base written into partners' fragments, which `embed.js` replaces with
/// its own address (or the partner's `data-canonical-base`) before showing one. The
/// `.invalid` top-level domain never resolves (RFC 2606), so a fragment shown as it is
/// links nowhere rather than somewhere wrong.
pub const PARTNER_BASE: &str = "https://article-widget.invalid/";

/// The stylesheet file this build writes: the widget's styles with the publisher's
/// accents as the defaults (the widget sets the same values once it runs), under a
/// name that changes with its content, so it can be cached for good.
pub struct Stylesheet {
    pub file_name: String,
    pub text: String,
}

pub fn stylesheet(accent: &str, accent_dark: &str) -> Stylesheet {
    let mut text = WIDGET_CSS.to_owned();
    if is_colour(accent) && is_colour(accent_dark) {
        text.push_str(&format!(
            "\n/* The publisher's accents (publisher.toml), until the widget sets its data's. */\n\
             .article-widget {{ --aw-publisher-accent: {accent}; --aw-publisher-accent-dark: {accent_dark}; }}\n"
        ));
    }
    Stylesheet {
        file_name: format!("widget-{:016x}.css", fnv1a(text.as_bytes())),
        text,
    }
}

/// `#rrggbb`, as `articles check` holds the accents to: nothing else reaches the CSS.
fn is_colour(text: &str) -> bool {
    text.len() == 7
        && text.starts_with('#')
        && text[1..].bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// 64-bit FNV-1a: a stable content hash for file names (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The widget configuration a prerendered page is written for: the publisher's own
/// page `depth` folders below the site's root, or a partner's page.
pub fn config_for(placement: Placement, depth: usize) -> WidgetConfig {
    match placement {
        Placement::Publisher => WidgetConfig {
            site_root: if depth == 0 {
                "./".to_owned()
            } else {
                "../".repeat(depth)
            },
            ..WidgetConfig::default()
        },
        Placement::Partner => WidgetConfig {
            placement,
            canonical_base: Some(PARTNER_BASE.to_owned()),
            ..WidgetConfig::default()
        },
    }
}

/// An article for one audience: the content of the widget's shadow root, its root
/// element marked as prerendered for the take-over.
pub fn article_fragment(
    article: &Article,
    audience: Audience,
    config: &WidgetConfig,
    today: Date,
) -> Result<String, String> {
    // Yew renders on a thread of its own and the model holds `Rc`s: the article
    // crosses as its JSON, the form the widget reads too.
    let json = serde_json::to_string(article).map_err(|error| error.to_string())?;
    let config = config.clone();
    let html = ssr::render::<PrerenderedArticle>(move || PrerenderedArticleProps {
        article: serde_json::from_str(&json).ok().map(Rc::new),
        audience,
        config,
        today,
    });
    if html.is_empty() {
        return Err(format!(
            "{}: could not be read back for prerendering",
            article.slug
        ));
    }
    Ok(root(&html))
}

/// The catalog: the content of the widget's shadow root.
pub fn catalog_fragment(catalog: &Catalog, config: &WidgetConfig) -> Result<String, String> {
    let json = serde_json::to_string(catalog).map_err(|error| error.to_string())?;
    let config = config.clone();
    let html = ssr::render::<PrerenderedCatalog>(move || PrerenderedCatalogProps {
        catalog: serde_json::from_str(&json).ok().map(Rc::new),
        config,
    });
    if html.is_empty() {
        return Err("the catalog could not be read back for prerendering".to_owned());
    }
    Ok(root(&html))
}

/// The element the widget mounts its app in (see `crate::mount`), marked prerendered.
fn root(inner: &str) -> String {
    format!("<div class=\"article-widget-root\" data-prerendered=\"\">{inner}</div>")
}

/// A page of the publisher's site, made from `template` (the site's built
/// `index.html`): `head` replaces its title and description, the widget's host is
/// given `host_attributes` and a declarative shadow root holding the stylesheet and
/// `fragment`, and the template's relative links are made relative to the page,
/// `root` (`../../`) below the site's root.
pub fn page(template: &str, page: &Page<'_>) -> String {
    let mut html = String::with_capacity(template.len() + page.fragment.len() + 2048);
    let mut rest = template;
    // The <html> element's language.
    if let Some(start) = rest.find("<html") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |end| start + end + 1);
        html.push_str(&relative(&rest[..start], page.root));
        html.push_str(&format!("<html lang=\"{}\">", escape(page.language)));
        rest = &rest[end..];
    }
    let mut out = String::new();
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if line.contains(STYLESHEET_MARK) {
            // The shell's own, replaced below.
        } else if trimmed.starts_with("<title>") {
            out.push_str(page.head);
            // The file the widget links into a shadow root that has no stylesheet.
            out.push_str(&format!(
                "\n    <meta name=\"{STYLESHEET_MARK}\" content=\"{}{}\">\n",
                page.root,
                escape(&page.stylesheet.file_name)
            ));
        } else if trimmed.starts_with("<meta name=\"description\"") {
            // The page's own description is in `head`.
        } else if trimmed.starts_with(TRUNK_START) {
            // The Wasm starts once the prerendered article has painted: its work on the
            // main thread comes after the reader's first words, not before.
            out.push_str(AFTER_FIRST_PAINT);
            out.push_str(line);
        } else if let Some(at) = line.find(HOST) {
            out.push_str(&relative(&line[..at], page.root));
            out.push_str(&format!(
                "<div data-article-widget{}><template shadowrootmode=\"open\"><style>{}</style>{}</template></div>",
                page.host_attributes,
                // In the page, not linked: the article paints with the page's first
                // bytes, with no request to wait for.
                page.stylesheet.text.replace("</", "<\\/"),
                page.fragment
            ));
            out.push_str(&relative(&line[at + HOST.len()..], page.root));
        } else {
            out.push_str(&relative(&without_wasm_preload(line), page.root));
        }
    }
    html.push_str(&out);
    html
}

/// The shell the service worker opens offline at any address it has no copy of: the
/// template, its links made absolute from the site's public URL (Trunk's, as its own
/// links give it), so that they hold at any depth, and naming the stylesheet, which
/// the widget links into its shadow root.
pub fn shell(template: &str, stylesheet: &str) -> String {
    let public = public_url(template);
    let mut out = String::with_capacity(template.len() + 128);
    for line in template.split_inclusive('\n') {
        if line.contains(STYLESHEET_MARK) {
            continue;
        }
        out.push_str(&relative(line, public));
        if line.trim_start().starts_with("<title>") {
            out.push_str(&format!(
                "    <meta name=\"{STYLESHEET_MARK}\" content=\"{public}{}\">\n",
                escape(stylesheet)
            ));
        }
    }
    out
}

/// The name of the `<meta>` that names the widget's stylesheet in a page's head.
pub const STYLESHEET_MARK: &str = "article-widget-stylesheet";

/// Where Trunk serves the site's files from, as its links to the glue write it (`/`);
/// empty when they are relative.
fn public_url(template: &str) -> &str {
    template
        .match_indices("article-widget-")
        // Trunk's hashed files (`article-widget-1f2e….js`), not names such as ours.
        .filter(|(at, name)| {
            template[at + name.len()..]
                .bytes()
                .next()
                .is_some_and(|byte| byte.is_ascii_hexdigit())
        })
        .find_map(|(at, _)| {
            let start = template[..at].rfind(['"', '\''])? + 1;
            let prefix = &template[start..at];
            (!prefix.contains(['<', '>', ' ', '='])).then_some(prefix)
        })
        .unwrap_or("")
}

/// `line` without Trunk's `<link rel="preload">` of the Wasm: on a prerendered page the
/// Wasm is fetched once the article has painted, not beside the page, where it would
/// share the reader's bandwidth with what they see first.
fn without_wasm_preload(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("<link rel=\"preload\"") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |end| start + end + 1);
        out.push_str(&rest[..start]);
        let tag = &rest[start..end];
        if !tag.contains("_bg.wasm") {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The line of Trunk's loader that starts the Wasm, and what runs before it on a
/// prerendered page.
const TRUNK_START: &str = "const wasm = await init(";
const AFTER_FIRST_PAINT: &str =
    "await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));\n";

/// What [`page`] puts into the template.
pub struct Page<'a> {
    /// The page's place below the site's root: `""`, `../../` or `../../../`.
    pub root: &'a str,
    pub language: &'a str,
    /// The tags of the page's `<head>`: title, description, canonical link, cards.
    pub head: &'a str,
    /// ` data-article="…"` and the like, escaped.
    pub host_attributes: &'a str,
    pub stylesheet: &'a Stylesheet,
    pub fragment: &'a str,
}

/// The widget's host in the site's `index.html`.
const HOST: &str = "<div data-article-widget></div>";

/// `line` with each relative `href="…"` and `src="…"` made relative to a page `root`
/// below the site's root. Absolute, root-relative (Trunk's) and fragment links stay.
fn relative(line: &str, root: &str) -> String {
    if root.is_empty() {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut rest = line;
    while let Some(at) = ["href=\"", "src=\""]
        .iter()
        .filter_map(|attribute| rest.find(attribute).map(|at| at + attribute.len()))
        .min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let url_end = rest.find('"').unwrap_or(rest.len());
        let url = &rest[..url_end];
        let is_relative = !url.starts_with('/') && !url.starts_with('#') && !url.contains(':');
        if is_relative {
            out.push_str(root);
            out.push_str(url.strip_prefix("./").unwrap_or(url));
        } else {
            out.push_str(url);
        }
        rest = &rest[url_end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_of_the_template_are_made_relative_to_the_page() {
        assert_eq!(
            relative(
                r#"<link rel="manifest" href="manifest.webmanifest" /><a href="./">x</a>"#,
                "../../"
            ),
            r#"<link rel="manifest" href="../../manifest.webmanifest" /><a href="../../">x</a>"#
        );
        assert_eq!(
            relative(
                r#"<script src="/app-shell-1.js"></script><a href="https://x.org/">"#,
                "../../"
            ),
            r#"<script src="/app-shell-1.js"></script><a href="https://x.org/">"#
        );
        assert_eq!(relative(r#"<a href="a.html">"#, ""), r#"<a href="a.html">"#);
    }

    #[test]
    fn the_shell_holds_at_any_depth_and_names_the_stylesheet() {
        let template = "<html lang=\"en\">\n  <head>\n    <title>Medical articles</title>\n    <link rel=\"manifest\" href=\"manifest.webmanifest\" />\n<script type=\"module\">import init from '/article-widget-1f.js';</script>\n";
        let shell = shell(template, "widget-2.css");
        assert!(shell.contains(r#"<link rel="manifest" href="/manifest.webmanifest" />"#));
        assert!(
            shell.contains(r#"<meta name="article-widget-stylesheet" content="/widget-2.css">"#)
        );
        // Written again over itself, it names only the new stylesheet.
        let again = super::shell(&shell, "widget-3.css");
        assert_eq!(again.matches(STYLESHEET_MARK).count(), 1);
        assert!(again.contains("/widget-3.css"));
    }

    #[test]
    fn on_a_prerendered_page_the_wasm_starts_after_the_first_paint() {
        let template = "<html lang=\"en\">\n<head>\n<title>x</title>\n<script type=\"module\">\nimport init, * as bindings from '/article-widget-1f.js';\nconst wasm = await init({ module_or_path: '/article-widget-1f_bg.wasm' });\n</script>\n</head>\n<body><div data-article-widget></div></body>\n";
        let sheet = stylesheet("#0a58a8", "#8cc4ff");
        let html = page(
            template,
            &Page {
                root: "../../",
                language: "en",
                head: "<title>y</title>",
                host_attributes: "",
                stylesheet: &sheet,
                fragment: "<div data-prerendered></div>",
            },
        );
        let wait = html.find(AFTER_FIRST_PAINT).expect("the wait is written");
        assert!(
            wait < html.find(TRUNK_START).unwrap(),
            "before the Wasm starts"
        );
        assert!(html.contains("<template shadowrootmode=\"open\"><style>"));
        assert_eq!(
            without_wasm_preload(
                r#"<link rel="modulepreload" href="/a-1f.js"><link rel="preload" href="/a-1f_bg.wasm" as="fetch" type="application/wasm"></head>"#
            ),
            r#"<link rel="modulepreload" href="/a-1f.js"></head>"#
        );
    }

    #[test]
    fn the_stylesheets_name_follows_its_content_and_only_colours_reach_it() {
        let a = stylesheet("#0a58a8", "#8cc4ff");
        let b = stylesheet("#0a58a9", "#8cc4ff");
        assert_ne!(a.file_name, b.file_name);
        assert!(a.file_name.starts_with("widget-") && a.file_name.ends_with(".css"));
        assert!(a.text.contains("--aw-publisher-accent: #0a58a8;"));
        let hostile = stylesheet("red;}*{x:y", "#8cc4ff");
        assert!(!hostile.text.contains("red;}"));
    }
}
