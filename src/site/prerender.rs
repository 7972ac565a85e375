//! The static site: every article for every audience, and the catalog, prerendered
//! through the widget's own components ([`crate::pages::prerendered`]) into the
//! publisher's pages and into the fragments `embed.js` shows on partners' pages. The
//! widget takes either over in place. Everything here is made by the build from
//! checked data, through the safe renderer: raw HTML in an article stays text, and
//! every URL has passed the allow-list.

use std::rc::Rc;

use crate::config::{Placement, WidgetConfig};
use crate::model::{Article, Audience, Catalog, CatalogEntry, Date};
use crate::pages::prerendered::{
    PrerenderedArticle, PrerenderedArticleProps, PrerenderedCatalog, PrerenderedCatalogProps,
};
use crate::safe_url::SafeUrl;
use crate::ssr;
use yew::AttrValue;

/// The widget's stylesheet, the one both the prerendered HTML and the widget use.
pub const WIDGET_CSS: &str = include_str!("../widget.css");

/// The canonical base written into partners' fragments, which `embed.js` replaces with
/// its own address (or the partner's `data-canonical-base`) before showing one. The
/// `.invalid` top-level domain never resolves (RFC 2606), so a fragment shown as it is
/// links nowhere rather than somewhere wrong.
pub const PARTNER_BASE: &str = "https://article-widget.invalid/";

/// The markup a partner's fragment holds, each element with its attributes: all that
/// `embed.js`'s sanitizer lets through (`www/loader/sanitize.js`, by the contract).
/// `tests/fragment_markup.rs` holds it to exactly what the fragments hold.
pub const FRAGMENT_MARKUP: &[(&str, &[&str])] = &[
    (
        "a",
        &[
            "aria-current",
            "aria-label",
            "class",
            "href",
            "hreflang",
            "id",
            "lang",
            "rel",
            "role",
            "target",
            "title",
        ],
    ),
    ("article", &["aria-labelledby", "class", "lang", "part"]),
    ("aside", &["aria-labelledby", "class", "part"]),
    ("blockquote", &[]),
    ("br", &[]),
    (
        "button",
        &["aria-controls", "aria-expanded", "class", "type"],
    ),
    ("cite", &[]),
    ("code", &["class"]),
    ("del", &[]),
    ("details", &["class", "part"]),
    (
        "div",
        &[
            "aria-busy",
            "class",
            "data-prerendered",
            "hidden",
            "id",
            "inert",
            "lang",
            "part",
        ],
    ),
    ("em", &[]),
    ("fieldset", &["aria-describedby", "role"]),
    ("footer", &["class"]),
    ("h1", &["id", "part", "tabindex"]),
    ("h2", &["class", "id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
    ("header", &["class", "part"]),
    ("hr", &[]),
    ("img", &["alt", "src", "title"]),
    (
        "input",
        &["checked", "disabled", "id", "name", "type", "value"],
    ),
    ("label", &["class", "for"]),
    ("legend", &[]),
    ("li", &["aria-current", "class", "id", "value"]),
    ("ol", &["class", "start"]),
    ("p", &["aria-live", "class", "id", "part", "role"]),
    ("pre", &[]),
    ("section", &["class", "part"]),
    ("span", &["aria-hidden", "class"]),
    ("strong", &["class"]),
    ("summary", &[]),
    ("sup", &["class"]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["class"]),
    ("th", &["class"]),
    ("thead", &[]),
    ("time", &["datetime"]),
    ("tr", &[]),
    ("ul", &["class"]),
];

/// The attributes of [`FRAGMENT_MARKUP`] that hold a URL, which the renderer made a
/// [`SafeUrl`]: the sanitizer holds them to the same allow-list.
pub const FRAGMENT_URL_ATTRIBUTES: [&str; 2] = ["href", "src"];

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
/// page or its embed page `depth` folders below the site's root, or a partner's page.
pub fn config_for(placement: Placement, depth: usize) -> WidgetConfig {
    match placement {
        Placement::Publisher | Placement::Frame => WidgetConfig {
            placement,
            site_root: if depth == 0 {
                "./".to_owned()
            } else {
                "../".repeat(depth)
            },
            ..WidgetConfig::default()
        },
        Placement::Partner => WidgetConfig {
            placement,
            canonical_base: SafeUrl::parse(PARTNER_BASE),
            ..WidgetConfig::default()
        },
    }
}

/// An article for one audience: the content of the widget's shadow root, its root
/// element marked as prerendered for the take-over. `address` is the page's own, which
/// a printed copy says it came from: a partner's fragment has none.
pub fn article_fragment(
    article: &Article,
    audience: Audience,
    config: &WidgetConfig,
    today: Date,
    address: Option<String>,
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
        address: address.map(AttrValue::from),
    });
    if html.is_empty() {
        return Err(format!(
            "{}: could not be read back for prerendering",
            article.slug
        ));
    }
    Ok(root(&html))
}

/// The catalog's page `page` (from 1): the content of the widget's shadow root.
/// `catalog` is its first page (`index.json`); `entries` are page `page`'s.
pub fn catalog_fragment(
    catalog: &Catalog,
    page: usize,
    entries: &[CatalogEntry],
    config: &WidgetConfig,
) -> Result<String, String> {
    let json = serde_json::to_string(catalog).map_err(|error| error.to_string())?;
    // The first page's entries are the catalog's own.
    let entries_json = if page > 1 {
        Some(serde_json::to_string(entries).map_err(|error| error.to_string())?)
    } else {
        None
    };
    let config = config.clone();
    let html = ssr::render::<PrerenderedCatalog>(move || PrerenderedCatalogProps {
        catalog: serde_json::from_str(&json).ok().map(Rc::new),
        config,
        page,
        page_entries: entries_json
            .and_then(|json| serde_json::from_str::<Vec<CatalogEntry>>(&json).ok())
            .map(Rc::from),
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

#[cfg(test)]
mod tests {
    use super::*;

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
