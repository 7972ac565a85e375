//! "Embed this article": the disclosure under the article on each of the publisher's
//! article pages, offering the codes a partner pastes, each with a Copy button and a
//! line saying when to use it. The codes are written here from the same names as the
//! loader's contract (`data-article-widget`, the `data-` options, `embed.js`), so that
//! what the panel offers is what the loader reads.
//!
//! The script codes carry the article inside the container: its question as a link to
//! its page and the first sentence of its answer, as plain HTML. A partner's page is
//! readable and indexable where scripts never run; the loader takes the container over
//! with its reserved height, so the text costs no layout shift.

use serde::Deserialize;

use super::{escape, frame, meta};
use crate::config::SETTINGS;
use crate::messages::{EmbedPanelWords, Language};
use crate::model::{Article, Audience};

/// The file at the site's root that names this build's pinned loader
/// (`xtask/pin-loader.mjs` writes it).
pub const PINNED_FILE: &str = "pinned.json";

/// This build's pinned loader, as `pinned.json` names it.
#[derive(Debug, Clone, Deserialize)]
pub struct PinnedLoader {
    /// Its path below the site's root: `v/<version>/embed.js`.
    pub src: String,
    /// Its sha384, as an `integrity` attribute says it.
    pub integrity: String,
}

impl PinnedLoader {
    /// The pinned loader `json` names, if it is one this build writes: a path of a
    /// version folder and a sha384. Anything else is not offered to partners.
    pub fn from_json(json: &str) -> Result<PinnedLoader, String> {
        let pinned: PinnedLoader =
            serde_json::from_str(json).map_err(|error| format!("not a pinned loader: {error}"))?;
        let version = pinned
            .src
            .strip_prefix("v/")
            .and_then(|rest| rest.strip_suffix("/embed.js"))
            .unwrap_or_default();
        if version.is_empty() || !version.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return Err(format!("src `{}` is not v/<version>/embed.js", pinned.src));
        }
        let hash = pinned.integrity.strip_prefix("sha384-").unwrap_or_default();
        let is_base64 =
            |byte: u8| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'=');
        if hash.len() != 64 || !hash.bytes().all(is_base64) {
            return Err(format!("integrity `{}` is not a sha384", pinned.integrity));
        }
        Ok(pinned)
    }
}

/// One code of the panel.
struct Code<'a> {
    /// The `id` its parts are named by.
    id: &'static str,
    title: &'a str,
    when: &'a str,
    text: String,
}

/// The codes offered for the article's page for `audience` (None: the article's own
/// page, whose widget shows the reader's choice), on the site at `site_url`.
fn codes<'a>(
    article: &Article,
    audience: Option<Audience>,
    site_url: &str,
    pinned: Option<&PinnedLoader>,
    words: &'a EmbedPanelWords,
) -> Vec<Code<'a>> {
    let site_url = site_url.trim_end_matches('/');
    let page_url = meta::article_url(site_url, &article.slug, audience);
    let shown = audience.unwrap_or(article.default_audience);
    // The loader's own names for the article and audience settings.
    let [article_setting, audience_setting, ..] = SETTINGS;
    let mut container = format!(
        "<div data-article-widget data-{article_setting}=\"{}\"",
        escape(article.slug.as_str())
    );
    if let Some(audience) = audience {
        container.push_str(&format!(" data-{audience_setting}=\"{audience}\""));
    }
    container.push_str(&format!(
        ">\n  <p><a href=\"{}\">{}</a></p>\n  <p>{}</p>\n</div>\n",
        escape(&page_url),
        escape(&article.question),
        escape(&meta::first_sentence(article, shown))
    ));
    let frame_url = frame::frame_url(site_url, &article.slug, audience);
    let mut codes = vec![
        Code {
            id: "embed-script",
            title: words.script,
            when: words.script_when,
            text: format!("{container}<script src=\"{site_url}/embed.js\" async></script>"),
        },
        Code {
            id: "embed-iframe",
            title: words.iframe,
            when: words.iframe_when,
            text: format!(
                "{}\n<script src=\"{site_url}/resize.js\" async></script>",
                frame::iframe_snippet(&frame_url, &article.question)
            ),
        },
        Code {
            id: "embed-url",
            title: words.url,
            when: words.url_when,
            text: page_url.clone(),
        },
    ];
    if let Some(pinned) = pinned {
        codes.push(Code {
            id: "embed-pinned",
            title: words.pinned,
            when: words.pinned_when,
            text: format!(
                "{container}<script src=\"{site_url}/{}\" integrity=\"{}\" crossorigin=\"anonymous\" async></script>",
                escape(&pinned.src),
                escape(&pinned.integrity)
            ),
        });
    }
    codes
}

/// The panel for the article's page for `audience` (None: its own page), in the
/// page's language. Its Copy buttons stay hidden until the site's script
/// (`www/app-shell.js`) can copy; the codes can be selected and copied without it.
pub fn embed_panel(
    article: &Article,
    audience: Option<Audience>,
    site_url: &str,
    pinned: Option<&PinnedLoader>,
) -> String {
    let words = Language::from_tag(&article.publisher.language)
        .unwrap_or_default()
        .embed_panel();
    let mut html = format!(
        "<details class=\"embed-panel\">\n<summary>{}</summary>\n<p>{}</p>\n",
        escape(words.summary),
        escape(words.intro)
    );
    for code in codes(article, audience, site_url, pinned, words) {
        let id = code.id;
        html.push_str(&format!(
            "<section class=\"embed-code\" aria-labelledby=\"{id}\">\n\
             <h2 id=\"{id}\">{}</h2>\n<p>{}</p>\n\
             <pre><code id=\"{id}-code\">{}</code></pre>\n\
             <button type=\"button\" class=\"embed-copy\" data-copy=\"{id}-code\" aria-describedby=\"{id}\" \
             data-copied=\"{}\" data-copy-failed=\"{}\" hidden>{}</button>\n\
             <span class=\"embed-copy-status\" role=\"status\"></span>\n</section>\n",
            escape(code.title),
            escape(code.when),
            escape(&code.text),
            escape(words.copied),
            escape(words.copy_failed),
            escape(words.copy),
        ));
    }
    html.push_str("</details>");
    html
}
