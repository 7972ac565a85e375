//! A page of the publisher's site, made from the site's shell (Trunk's `index.html`):
//! its head, the widget's host with a declarative shadow root holding the stylesheet
//! and the prerendered page ([`super::prerender`]), links made right for its depth, and
//! the Wasm started once the article has painted. And the shell itself, which the
//! service worker opens offline at any address.
//!
//! Longer than 300 lines: the line-by-line rewriting of the shell and its tests, which
//! read best beside it.

use super::escape;
use super::prerender::Stylesheet;
use crate::config::STYLESHEET_META;
use crate::messages::{Language, EN};

/// A page of the publisher's site, made from `template` (the site's built
/// `index.html`): `head` replaces its title and description, the widget's host is
/// given `host_attributes` and a declarative shadow root holding the stylesheet and
/// `fragment`, and the template's relative links are made relative to the page,
/// `root` (`../../`) below the site's root.
pub fn page(template: &str, page: &Page<'_>) -> String {
    let mut html = String::with_capacity(template.len() + page.fragment.len() + 2048);
    // The shell's words in the page's language, before the article goes in.
    let template = in_language(template, page.language);
    let mut rest = template.as_str();
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
        if line.contains(STYLESHEET_META) {
            // The shell's own, replaced below.
        } else if trimmed.starts_with("<title>") {
            out.push_str(page.head);
            // The file the widget links into a shadow root that has no stylesheet.
            out.push_str(&format!(
                "\n    <meta name=\"{STYLESHEET_META}\" content=\"{}{}\">\n",
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
            out.push_str(page.after_host);
            out.push_str(&relative(&line[at + HOST.len()..], page.root));
        } else {
            out.push_str(&relative(&without_wasm_preload(line), page.root));
        }
    }
    html.push_str(&out);
    html
}

/// The shell's own words (the site's name in its header, the offline tools' labels),
/// which the template writes in English, in `language`: a reader without scripts sees
/// the header in the article's language too.
fn in_language(html: &str, language: &str) -> String {
    let words = &Language::from_tag(language)
        .unwrap_or_default()
        .messages()
        .app_shell;
    let english = &EN.app_shell;
    let pairs = [
        (english.app_name, words.app_name),
        (english.offline_tools, words.offline_tools),
        (english.save_all_articles, words.save_all_articles),
        (english.download, words.download),
        (english.cancel, words.cancel),
        (english.saved_label, words.saved_label),
        (english.stop, words.stop),
    ];
    let mut html = html.to_owned();
    for (english, localized) in pairs
        .iter()
        .filter(|(english, localized)| english != localized)
    {
        let (english, localized) = (escape(english), escape(localized));
        html = html
            .replace(&format!(">{english}<"), &format!(">{localized}<"))
            .replace(&format!("=\"{english}\""), &format!("=\"{localized}\""));
    }
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
        if line.contains(STYLESHEET_META) {
            continue;
        }
        out.push_str(&relative(line, public));
        if line.trim_start().starts_with("<title>") {
            out.push_str(&format!(
                "    <meta name=\"{STYLESHEET_META}\" content=\"{public}{}\">\n",
                escape(stylesheet)
            ));
        }
    }
    out
}

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

/// Trunk's module script that starts the Wasm, from `template`, waiting for the first
/// paint as on every prerendered page; empty for a template without one (the page is
/// then static).
pub fn wasm_start(template: &str) -> String {
    const END: &str = "</script>";
    let Some(at) = template.find(TRUNK_START) else {
        return String::new();
    };
    let (Some(start), Some(end)) = (template[..at].rfind("<script"), template[at..].find(END))
    else {
        return String::new();
    };
    format!(
        "{}{AFTER_FIRST_PAINT}{}
",
        &template[start..at],
        &template[at..at + end + END.len()]
    )
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
    /// What follows the widget in the page, outside it: an article page's embed panel
    /// ([`super::embed_panel`]); empty on other pages.
    pub after_host: &'a str,
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
    use crate::site::prerender::stylesheet;

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
        assert_eq!(again.matches(STYLESHEET_META).count(), 1);
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
                after_host: "",
            },
        );
        let wait = html.find(AFTER_FIRST_PAINT).expect("the wait is written");
        assert!(
            wait < html.find(TRUNK_START).unwrap(),
            "before the Wasm starts"
        );
        assert!(html.contains("<template shadowrootmode=\"open\"><style>"));
        let start = wasm_start(template);
        assert!(start.starts_with("<script type=\"module\">\nimport init"));
        assert!(start.find(AFTER_FIRST_PAINT) < start.find(TRUNK_START));
        assert!(start.ends_with("</script>\n"));
        assert_eq!(wasm_start("<html></html>"), "");
        assert_eq!(
            without_wasm_preload(
                r#"<link rel="modulepreload" href="/a-1f.js"><link rel="preload" href="/a-1f_bg.wasm" as="fetch" type="application/wasm"></head>"#
            ),
            r#"<link rel="modulepreload" href="/a-1f.js"></head>"#
        );
    }

    #[test]
    fn the_shells_words_are_in_the_pages_language_and_the_article_is_untouched() {
        let template = "<header><a class=\"app-name\" href=\"./\">Medical articles</a>\n<section aria-label=\"Offline reading\" hidden><button>Stop saving</button></section></header>";
        let spanish = in_language(template, "es-MX");
        assert_eq!(
            spanish,
            "<header><a class=\"app-name\" href=\"./\">Artículos médicos</a>\n<section aria-label=\"Lectura sin conexión\" hidden><button>Dejar de guardar</button></section></header>"
        );
        assert_eq!(in_language(template, "en"), template);
        assert_eq!(in_language(template, "fr"), template);
    }
}
