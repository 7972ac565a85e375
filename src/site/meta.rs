//! The `<head>` of the site's pages: their title and description, the canonical link,
//! the Open Graph and Twitter card tags of link previews, and for an article its
//! `json_ld`. Everything here comes from the article and `publisher.toml`, and every
//! value is escaped where it lands.

use super::{escape, json_ld};
use crate::document::{inlines_text, Block};
use crate::model::{Article, Audience, Catalog, CatalogEntry, Language, Publisher, Slug};

/// How long a description may be, in characters: about what search results show.
pub const DESCRIPTION_LIMIT: usize = 160;

/// The absolute URL of an article's page, `{site_url}articles/{slug}/`, or with an
/// audience of that audience's page, `{site_url}articles/{slug}/{audience}/`.
/// `site_url` is the publisher's, which ends in `/`.
pub fn article_url(site_url: &str, slug: &Slug, audience: Option<Audience>) -> String {
    let base = site_url.trim_end_matches('/');
    match audience {
        None => format!("{base}/articles/{slug}/"),
        Some(audience) => format!("{base}/articles/{slug}/{audience}/"),
    }
}

/// The Atom feed of the articles' changes ([`super::feed`]), at the site's root.
pub const FEED_FILE: &str = "feed.xml";

/// The feed's absolute URL, `{site_url}feed.xml`.
pub fn feed_url(site_url: &str) -> String {
    format!("{}/{FEED_FILE}", site_url.trim_end_matches('/'))
}

/// The article told in one line for search results and previews: the text of the
/// first paragraph of the variant for `audience` (or the default variant when it has
/// none), without citation marks, its whitespace collapsed, and cut after a whole word
/// with "…" when it is longer than [`DESCRIPTION_LIMIT`]. The question when the
/// variant has no paragraph.
pub fn description(article: &Article, audience: Audience) -> String {
    shorten(&first_paragraph(article, audience), DESCRIPTION_LIMIT)
}

/// The first sentence of the article's answer for `audience`: its first paragraph as
/// [`description`] reads it, up to the first `.`, `?` or `!` that a space or the end
/// follows. What the embed panel's codes carry for readers without scripts.
pub fn first_sentence(article: &Article, audience: Audience) -> String {
    let paragraph = first_paragraph(article, audience);
    let mut end = paragraph.len();
    for (at, c) in paragraph.char_indices() {
        let after = at + c.len_utf8();
        if matches!(c, '.' | '?' | '!')
            && paragraph[after..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
        {
            end = after;
            break;
        }
    }
    paragraph[..end].to_owned()
}

/// The text of the first paragraph of the variant for `audience` (or the default
/// variant), single-spaced, without citation marks; the question when there is none.
fn first_paragraph(article: &Article, audience: Audience) -> String {
    let paragraph = article.variant(audience).and_then(|variant| {
        variant
            .document
            .blocks
            .iter()
            .find_map(|block| match block {
                Block::Paragraph(content) => Some(content),
                _ => None,
            })
    });
    let mut text = String::new();
    if let Some(content) = paragraph {
        inlines_text(content, &mut text);
    }
    let mut text = collapse_whitespace(&text);
    if text.is_empty() {
        text = collapse_whitespace(&article.question);
    }
    text
}

/// The head tags of an article's page for `audience`, one a line: title, description,
/// canonical link, Open Graph, Twitter card and the JSON-LD script. `canonical_url` is
/// the article's own page, which an audience's page names too.
pub fn article_head(article: &Article, audience: Audience, canonical_url: &str) -> String {
    let publisher = &article.publisher;
    let description = description(article, audience);
    let mut head = common_head(&Page {
        title: &article.question,
        description: &description,
        canonical_url,
        kind: "article",
        publisher,
    });
    head.push(meta(
        "property",
        "article:modified_time",
        &article.updated.to_string(),
    ));
    head.push(json_ld::script(&json_ld::medical_web_page(
        article,
        audience,
        canonical_url,
    )));
    head.join("\n")
}

/// The `hreflang` alternates of an article with translations, one a line: its own page
/// and each translation's, each under its language, so that search engines show a
/// reader the one in their language. Nothing for an article without translations.
pub fn alternates(article: &Article, site_url: &str) -> String {
    if article.translations.is_empty() {
        return String::new();
    }
    std::iter::once((article.language(), &article.slug))
        .chain(
            article
                .translations
                .iter()
                .map(|(language, slug)| (*language, slug)),
        )
        .map(|(language, slug)| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                escape(language.as_str()),
                escape(&article_url(site_url, slug, None))
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The link by which feed readers find the site's Atom feed of the articles' changes
/// (`feed.xml`, [`super::feed`]), titled with the publisher's name: on every page.
pub fn feed_link(publisher_name: &str, site_url: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
        escape(publisher_name),
        escape(&feed_url(site_url))
    )
}

/// The head tags of the catalog's page, the site's root, one a line: title (the
/// publisher's name), a description made of the questions the articles answer, the
/// canonical link, Open Graph and Twitter card.
///
/// `entries` are the page's: the first page's for the site's root, another page's for
/// its static page (`catalog/<n>/`), whose title then says which page it is.
pub fn catalog_head(
    catalog: &Catalog,
    page: usize,
    entries: &[CatalogEntry],
    canonical_url: &str,
) -> String {
    let publisher = &catalog.publisher;
    let questions: Vec<&str> = entries
        .iter()
        .map(|entry| entry.question.as_str())
        .collect();
    let mut description = shorten(
        &collapse_whitespace(&questions.join(" ")),
        DESCRIPTION_LIMIT,
    );
    if description.is_empty() {
        description.clone_from(&publisher.name);
    }
    let title = if page > 1 {
        let messages = Language::from_tag(&publisher.language)
            .unwrap_or_default()
            .messages();
        format!(
            "{} — {}",
            publisher.name,
            (messages.page_of)(page, catalog.page_count())
        )
    } else {
        publisher.name.clone()
    };
    common_head(&Page {
        title: &title,
        description: &description,
        canonical_url,
        kind: "website",
        publisher,
    })
    .join("\n")
}

/// What the article's and the catalog's heads share.
struct Page<'a> {
    title: &'a str,
    description: &'a str,
    canonical_url: &'a str,
    /// The Open Graph type: `article` or `website`.
    kind: &'a str,
    publisher: &'a Publisher,
}

fn common_head(page: &Page) -> Vec<String> {
    let site_name = page.publisher.name.as_str();
    let title = if site_name.is_empty() || site_name == page.title {
        page.title.to_owned()
    } else {
        format!("{} | {site_name}", page.title)
    };
    let mut head = vec![
        format!("<title>{}</title>", escape(&title)),
        meta("name", "description", page.description),
        format!(
            "<link rel=\"canonical\" href=\"{}\">",
            escape(page.canonical_url)
        ),
        meta("property", "og:type", page.kind),
        meta("property", "og:title", page.title),
        meta("property", "og:description", page.description),
        meta("property", "og:url", page.canonical_url),
    ];
    if !site_name.is_empty() {
        head.push(meta("property", "og:site_name", site_name));
    }
    if let Some(locale) = open_graph_locale(&page.publisher.language) {
        head.push(meta("property", "og:locale", &locale));
    }
    head.extend([
        meta("name", "twitter:card", "summary"),
        meta("name", "twitter:title", page.title),
        meta("name", "twitter:description", page.description),
    ]);
    head
}

/// `<meta {attribute}="{key}" content="{content}">`, escaped.
fn meta(attribute: &str, key: &str, content: &str) -> String {
    format!(
        "<meta {attribute}=\"{}\" content=\"{}\">",
        escape(key),
        escape(content)
    )
}

/// Open Graph's `language_TERRITORY` of a BCP 47 tag with a region (`en-GB` →
/// `en_GB`); `None` for a tag without one (`en`), which names no locale.
fn open_graph_locale(language: &str) -> Option<String> {
    let mut parts = language.split('-');
    let (language, region) = (parts.next()?, parts.next()?);
    let is_language =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_alphabetic());
    let is_region = region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic());
    (is_language && is_region && parts.next().is_none()).then(|| {
        format!(
            "{}_{}",
            language.to_ascii_lowercase(),
            region.to_ascii_uppercase()
        )
    })
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` (single-spaced) if it has at most `limit` characters, else its longest start
/// of whole words that leaves room for "…", with "…".
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let room: String = text.chars().take(limit.saturating_sub(1)).collect();
    let cut_between_words = text.chars().nth(room.chars().count()) == Some(' ');
    let words = if cut_between_words {
        room.as_str()
    } else {
        // A word cut in half reads as a typo: drop it, unless it is the only one.
        room.rfind(' ')
            .map_or(room.as_str(), |space| &room[..space])
    };
    let words = words.trim_end_matches([' ', ',', ';', ':', '.', '-', '–', '—']);
    format!("{words}…")
}
