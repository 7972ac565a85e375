//! The pages other sites frame, and their oEmbed: for every article and audience an
//! embed page (`embed/<slug>/`, `embed/<slug>/<audience>/`) that is the prerendered
//! widget and nothing else, which the Wasm takes over as on the publisher's own pages,
//! and beside each its oEmbed JSON (`oembed.json`), whose `html` is the iframe snippet.
//!
//! An embed page has no site header, a transparent background and no service worker;
//! every link leaves in a new tab (`<base target="_blank">`) but those to articles,
//! which stay in the frame. A small inline script tells the parent page the page's
//! height (`{ type: FRAME_HEIGHT_MESSAGE, height }`) and reads no message; `resize.js`,
//! on the partner's page, sizes the frame by it.

use serde_json::json;

use super::escape;
use super::page::{wasm_start, Page};
use crate::config::{FRAME_FOLDER, STYLESHEET_META};
use crate::model::{Audience, Slug};

/// The `type` of the message by which an embed page tells its parent its height.
pub const FRAME_HEIGHT_MESSAGE: &str = "article-widget:height";

/// The file of each embed page's oEmbed, beside it.
pub const OEMBED_FILE: &str = "oembed.json";

/// The iframe snippet's size, in CSS pixels: about a screen of the article, which
/// scrolls inside until `resize.js` gives the frame the article's height.
pub const FRAME_WIDTH: u32 = 640;
pub const FRAME_HEIGHT: u32 = 800;

/// How long an oEmbed consumer may keep the JSON, in seconds: a day, as an article's
/// question and publisher rarely change.
pub const OEMBED_CACHE_AGE: u32 = 86_400;

/// The folder of an embed page below the site's root: `embed/<slug>/`, or with an
/// audience `embed/<slug>/<audience>/`.
pub fn frame_folder(slug: &Slug, audience: Option<Audience>) -> String {
    match audience {
        None => format!("{FRAME_FOLDER}/{slug}/"),
        Some(audience) => format!("{FRAME_FOLDER}/{slug}/{audience}/"),
    }
}

/// The absolute URL of an embed page on the site at `site_url`.
pub fn frame_url(site_url: &str, slug: &Slug, audience: Option<Audience>) -> String {
    format!(
        "{}/{}",
        site_url.trim_end_matches('/'),
        frame_folder(slug, audience)
    )
}

/// The link by which oEmbed consumers find an embed page's JSON (the oEmbed spec's
/// discovery), titled with the page's title: on the article's pages and embed pages.
pub fn oembed_link(site_url: &str, slug: &Slug, audience: Option<Audience>, title: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}{OEMBED_FILE}\" title=\"{}\">",
        escape(&frame_url(site_url, slug, audience)),
        escape(title)
    )
}

/// The iframe a partner pastes, or an oEmbed consumer writes: titled for screen
/// readers, sandboxed (scripts and new tabs allowed, the publisher's pages opened
/// from it unsandboxed), lazy, of the fixed size.
pub fn iframe_snippet(frame_url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{FRAME_WIDTH}\" height=\"{FRAME_HEIGHT}\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" loading=\"lazy\" \
         style=\"border:0;max-width:100%\"></iframe>",
        escape(frame_url),
        escape(title)
    )
}

/// What an oEmbed JSON says of an embed page.
pub struct Oembed<'a> {
    /// The article's question.
    pub title: &'a str,
    pub provider_name: &'a str,
    /// The site's URL.
    pub provider_url: &'a str,
    /// The embed page's absolute URL.
    pub frame_url: &'a str,
}

/// The oEmbed JSON (version 1.0, a `rich` type) of an embed page.
pub fn oembed_json(oembed: &Oembed<'_>) -> String {
    let value = json!({
        "version": "1.0",
        "type": "rich",
        "title": oembed.title,
        "provider_name": oembed.provider_name,
        "provider_url": oembed.provider_url,
        "html": iframe_snippet(oembed.frame_url, oembed.title),
        "width": FRAME_WIDTH,
        "height": FRAME_HEIGHT,
        "cache_age": OEMBED_CACHE_AGE,
    });
    value.to_string()
}

/// An embed page, `page.root` below the site's root (`../../` or `../../../`), its
/// `head` holding its title, canonical and oEmbed links: the widget's host with its
/// declarative shadow root holding the stylesheet and `fragment`, the Wasm started from `template`'s loader (Trunk's
/// `index.html`) once the article has painted, and the height script. Nothing of the
/// site's page around the widget: no header, no page styles, no app shell.
pub fn frame_page(template: &str, page: &Page<'_>) -> String {
    let mut html = String::with_capacity(page.stylesheet.text.len() + page.fragment.len() + 4096);
    html.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        escape(page.language)
    ));
    html.push_str(page.head);
    html.push_str(&format!(
        "\n<meta name=\"{STYLESHEET_META}\" content=\"{}{}\">\n",
        page.root,
        escape(&page.stylesheet.file_name)
    ));
    // Links leave the frame for a new tab, but those to articles and to the page's own
    // parts, which say `_self`.
    html.push_str("<base target=\"_blank\">\n");
    // Transparent, and no margin for the parent to size around; `flow-root` keeps the
    // widget's margins inside the body, whose height is the one told.
    html.push_str(
        "<style>html,body{margin:0;background:transparent}body{display:flow-root}</style>\n",
    );
    html.push_str(&wasm_start(template));
    html.push_str("</head>\n<body>\n<main>");
    html.push_str(&format!(
        "<div data-article-widget{}><template shadowrootmode=\"open\"><style>{}</style><style>{}</style>{}</template></div>",
        page.host_attributes,
        page.stylesheet.text.replace("</", "<\\/"),
        // The whole article laid out at once: the height told is the article's, not an
        // estimate of the blocks below the frame's fold.
        ".article-widget,.article-body>*{content-visibility:visible}",
        page.fragment
    ));
    html.push_str("</main>\n");
    html.push_str(&height_script());
    html.push_str("</body>\n</html>\n");
    html
}

/// The script that tells the parent page the body's height whenever it changes: only
/// to the parent, with `*` as the target origin (the parent's is unknown, and the
/// message carries nothing but a height). It listens to no message.
fn height_script() -> String {
    format!(
        "<script>(()=>{{if(parent===window)return;const b=document.body;let h=0;\
         new ResizeObserver(()=>{{const n=Math.ceil(b.getBoundingClientRect().height);\
         if(n!==h){{h=n;parent.postMessage({{type:{},height:n}},\"*\")}}}}).observe(b)}})();</script>\n",
        json!(FRAME_HEIGHT_MESSAGE)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::parse(text).unwrap()
    }

    #[test]
    fn the_oembed_json_is_rich_with_a_titled_sandboxed_iframe() {
        let url = frame_url(
            "https://pub.example/",
            &slug("als"),
            Some(Audience::Caregiver),
        );
        assert_eq!(url, "https://pub.example/embed/als/caregiver/");
        let text = oembed_json(&Oembed {
            title: "Is \"ALS\" <inherited>?",
            provider_name: "Pub & Co",
            provider_url: "https://pub.example/",
            frame_url: &url,
        });
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["version"], "1.0");
        assert_eq!(value["type"], "rich");
        assert_eq!(value["provider_name"], "Pub & Co");
        assert_eq!(value["width"], FRAME_WIDTH);
        assert_eq!(value["height"], FRAME_HEIGHT);
        assert_eq!(value["cache_age"], OEMBED_CACHE_AGE);
        assert_eq!(
            value["html"],
            "<iframe src=\"https://pub.example/embed/als/caregiver/\" title=\"Is &quot;ALS&quot; &lt;inherited&gt;?\" width=\"640\" height=\"800\" sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>"
        );
        assert_eq!(
            oembed_link("https://pub.example", &slug("als"), None, "A & B"),
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://pub.example/embed/als/oembed.json\" title=\"A &amp; B\">"
        );
    }

    #[test]
    fn the_height_script_posts_to_the_parent_and_reads_no_message() {
        let script = height_script();
        assert!(
            script.contains("parent.postMessage({type:\"article-widget:height\",height:n},\"*\")")
        );
        assert!(!script.contains("addEventListener"));
        assert!(!script.contains("onmessage"));
    }
}
