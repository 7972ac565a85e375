//! The one table of the headers `dist/` is served with, by path: caching, CORS, framing
//! and the content types servers may not know. The project's own server follows it
//! (`server.rs`), and the shipped configurations (`docs/deploy/nginx.conf`,
//! `docs/deploy/Caddyfile`, `docs/deploy/_headers`) are written from it
//! (`deploy_files.rs`), so that the tests and a deployment cannot disagree.
//!
//! Patterns are written as Netlify's and Cloudflare Pages' `_headers` file writes them:
//! a `:name` segment is any one non-empty segment, and a final `*` is any rest, slashes
//! included. Those hosts apply every rule that matches a path, nginx and Caddy as told:
//! so no two rules here match the same file (`rules_are_disjoint` below holds it), and
//! a path that none matches gets [`UNLISTED`].
//!
//! Longer than 300 lines: the table, its matcher, and the one sample path of each kind
//! of file the build writes, which the tests of both this table and the shipped files read.

/// How long a response may be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caching {
    /// Named by their content's hash: the name changes when the content does.
    Immutable,
    /// Revalidated on every use (a 304 when unchanged): the files that name the hashed
    /// ones, the pages, fragments and data, and the service worker's script.
    Revalidated,
}

impl Caching {
    pub fn header_value(self) -> &'static str {
        match self {
            Caching::Immutable => "public, max-age=31536000, immutable",
            Caching::Revalidated => "no-cache",
        }
    }
}

/// Who may show a page in a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Not a page: no framing headers.
    NotAPage,
    /// The publisher's own pages: framed only by the publisher's own site.
    SameOrigin,
    /// The embed pages (`/embed/…`), made to be framed by any partner.
    Anyone,
}

/// The headers of the files one pattern matches.
pub struct Rule {
    pub pattern: &'static str,
    pub caching: Caching,
    pub framing: Framing,
    /// Set only where a server's own table may lack it.
    pub content_type: Option<&'static str>,
}

const fn rule(pattern: &'static str, caching: Caching, framing: Framing) -> Rule {
    Rule {
        pattern,
        caching,
        framing,
        content_type: None,
    }
}

const fn typed(pattern: &'static str, caching: Caching, content_type: &'static str) -> Rule {
    Rule {
        pattern,
        caching,
        framing: Framing::NotAPage,
        content_type: Some(content_type),
    }
}

use Caching::{Immutable, Revalidated};
use Framing::{Anyone, NotAPage, SameOrigin};

/// Every response, whatever its path: partners' pages fetch the glue, the Wasm, the
/// stylesheet, the fragments, the data and the search index from another origin.
pub const EVERY_RESPONSE: &[(&str, &str)] = &[("Access-Control-Allow-Origin", "*")];

/// Pagefind's chunks and its Wasm: gzipped by Pagefind itself, binary to a server.
pub const PAGEFIND_BINARY: &str = "application/octet-stream";

/// The table, by the files the build writes (docs/deployment.md describes each).
pub const RULES: &[Rule] = &[
    // Trunk's and the build's content-hashed files: the glue and the Wasm, the glue's
    // own imports, the stylesheets, the app shell.
    rule("/article-widget-*", Immutable, NotAPage),
    rule("/article-only-*", Immutable, NotAPage),
    rule("/snippets/*", Immutable, NotAPage),
    rule("/widget-*", Immutable, NotAPage),
    rule("/page-*", Immutable, NotAPage),
    rule("/app-shell-*", Immutable, NotAPage),
    // Pagefind's chunks, named by their content's hash.
    typed("/articles/search/index/*", Immutable, PAGEFIND_BINARY),
    typed("/articles/search/fragment/*", Immutable, PAGEFIND_BINARY),
    typed("/articles/search/filter/*", Immutable, PAGEFIND_BINARY),
    // What names the hashed files, or must match them, and the service worker.
    // A pinned version's folder never changes: its name is its loader's hash.
    rule("/v/*", Immutable, NotAPage),
    rule("/embed.js", Revalidated, NotAPage),
    rule("/pinned.json", Revalidated, NotAPage),
    rule("/article-only.json", Revalidated, NotAPage),
    rule("/resize.js", Revalidated, NotAPage),
    rule("/sw.js", Revalidated, NotAPage),
    rule("/contract.js", Revalidated, NotAPage),
    typed(
        "/manifest.webmanifest",
        Revalidated,
        "application/manifest+json",
    ),
    rule("/sitemap.xml", Revalidated, NotAPage),
    // The Atom feed: by its own type, which feed readers and browsers recognise.
    typed("/feed.xml", Revalidated, "application/atom+xml"),
    rule("/robots.txt", Revalidated, NotAPage),
    rule("/icons/*", Revalidated, NotAPage),
    // The publisher's pages.
    rule("/", Revalidated, SameOrigin),
    rule("/index.html", Revalidated, SameOrigin),
    rule("/shell.html", Revalidated, SameOrigin),
    rule("/editorial-policy.html", Revalidated, SameOrigin),
    rule("/404.html", Revalidated, SameOrigin),
    rule("/articles/:slug/", Revalidated, SameOrigin),
    rule("/articles/:slug/:audience/", Revalidated, SameOrigin),
    // The article data and the first page of the catalog (`articles/<slug>.json`,
    // `articles/index.json`).
    rule("/articles/:data", Revalidated, NotAPage),
    // The fragments (`articles/<slug>/<audience>.html`), the catalog's later pages
    // (`articles/catalog/<n>.json`), the search's adapter, entry, meta and Wasm; HTML
    // among them, so framed as the pages are (harmless on the others).
    rule("/articles/:folder/:file", Revalidated, SameOrigin),
    // The pages partners show in an iframe.
    rule("/embed/*", Revalidated, Anyone),
];

/// What a path no rule matches gets: revalidated, not framed.
pub const UNLISTED: Rule = rule("/*", Revalidated, NotAPage);

/// Content types by extension that servers' own tables may lack or get wrong (the
/// manifest; Pagefind's files, which are gzip inside and must not be sniffed as such).
pub const CONTENT_TYPES: &[(&str, &str)] = &[
    ("wasm", "application/wasm"),
    ("webmanifest", "application/manifest+json"),
    ("pf_meta", PAGEFIND_BINARY),
    ("pf_index", PAGEFIND_BINARY),
    ("pf_fragment", PAGEFIND_BINARY),
    ("pf_filter", PAGEFIND_BINARY),
    ("pagefind", PAGEFIND_BINARY),
];

/// Header names and values, in the order they are sent.
pub type Headers = Vec<(&'static str, &'static str)>;

/// The rule for a URL path.
pub fn rule_for(path: &str) -> &'static Rule {
    RULES
        .iter()
        .find(|rule| matches(rule.pattern, path))
        .unwrap_or(&UNLISTED)
}

/// The headers of a rule, as every server sends them (besides `Content-Type`, which
/// comes from the extension unless the rule says it).
pub fn headers(rule: &Rule) -> Headers {
    let mut headers = EVERY_RESPONSE.to_vec();
    headers.push(("Cache-Control", rule.caching.header_value()));
    headers.extend(framing_headers(rule.framing));
    headers
}

pub fn framing_headers(framing: Framing) -> Headers {
    match framing {
        Framing::NotAPage => Vec::new(),
        Framing::SameOrigin => vec![
            ("X-Frame-Options", "SAMEORIGIN"),
            ("Content-Security-Policy", "frame-ancestors 'self'"),
        ],
        Framing::Anyone => vec![("Content-Security-Policy", "frame-ancestors *")],
    }
}

/// Whether `path` matches `pattern` (see the module's comment for the syntax; before a
/// final `*`, the table writes no `:name`).
pub fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => segments_match(pattern, path),
    }
}

fn segments_match(pattern: &str, path: &str) -> bool {
    let wanted: Vec<&str> = pattern.split('/').collect();
    let given: Vec<&str> = path.split('/').collect();
    wanted.len() == given.len()
        && wanted.iter().zip(&given).all(|(wanted, given)| {
            if wanted.starts_with(':') {
                !given.is_empty()
            } else {
                wanted == given
            }
        })
}

/// The pattern as a regular expression, anchored, for nginx's and Caddy's matchers.
#[cfg(test)]
pub fn regex(pattern: &str) -> String {
    let (fixed, rest) = match pattern.strip_suffix('*') {
        Some(prefix) => (prefix, ".*"),
        None => (pattern, ""),
    };
    let segments: Vec<String> = fixed
        .split('/')
        .map(|segment| {
            if segment.starts_with(':') {
                "[^/]+".to_owned()
            } else {
                segment
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                            c.to_string()
                        } else {
                            format!("\\{c}")
                        }
                    })
                    .collect()
            }
        })
        .collect();
    format!("^{}{rest}$", segments.join("/"))
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// One path of each kind of file the build writes, with the rule it must get.
    pub const SAMPLES: &[(&str, Caching, Framing)] = &[
        ("/article-widget-4c19676c31d4ee1.js", Immutable, NotAPage),
        (
            "/article-widget-4c19676c31d4ee1_bg.wasm",
            Immutable,
            NotAPage,
        ),
        (
            "/snippets/article-widget-965bb3ba62787dcb/inline0.js",
            Immutable,
            NotAPage,
        ),
        ("/widget-9b6b30d114c33714.css", Immutable, NotAPage),
        ("/page-4d25c397b00b39d0.css", Immutable, NotAPage),
        ("/app-shell-bf0fe56e82d58e1a.js", Immutable, NotAPage),
        (
            "/articles/search/index/en_44af4c5.pf_index",
            Immutable,
            NotAPage,
        ),
        (
            "/articles/search/fragment/en_c04a625.pf_fragment",
            Immutable,
            NotAPage,
        ),
        (
            "/articles/search/filter/en_caee10e.pf_filter",
            Immutable,
            NotAPage,
        ),
        ("/embed.js", Revalidated, NotAPage),
        ("/v/a41c6781e1868a84/embed.js", Immutable, NotAPage),
        (
            "/v/a41c6781e1868a84/article-widget-4c19676c31d4ee1_bg.wasm",
            Immutable,
            NotAPage,
        ),
        ("/pinned.json", Revalidated, NotAPage),
        ("/resize.js", Revalidated, NotAPage),
        ("/sw.js", Revalidated, NotAPage),
        ("/contract.js", Revalidated, NotAPage),
        ("/manifest.webmanifest", Revalidated, NotAPage),
        ("/sitemap.xml", Revalidated, NotAPage),
        ("/feed.xml", Revalidated, NotAPage),
        ("/robots.txt", Revalidated, NotAPage),
        ("/icons/icon-192.png", Revalidated, NotAPage),
        ("/", Revalidated, SameOrigin),
        ("/index.html", Revalidated, SameOrigin),
        ("/shell.html", Revalidated, SameOrigin),
        ("/editorial-policy.html", Revalidated, SameOrigin),
        ("/404.html", Revalidated, SameOrigin),
        ("/articles/als-primary-treatment/", Revalidated, SameOrigin),
        (
            "/articles/als-primary-treatment/patient/",
            Revalidated,
            SameOrigin,
        ),
        (
            "/articles/als-primary-treatment/patient.html",
            Revalidated,
            SameOrigin,
        ),
        (
            "/articles/als-primary-treatment.json",
            Revalidated,
            NotAPage,
        ),
        ("/articles/index.json", Revalidated, NotAPage),
        ("/articles/catalog/2.json", Revalidated, SameOrigin),
        ("/articles/search/search.js", Revalidated, SameOrigin),
        ("/articles/search/pagefind.js", Revalidated, SameOrigin),
        (
            "/articles/search/pagefind-entry.json",
            Revalidated,
            SameOrigin,
        ),
        (
            "/articles/search/pagefind.en_eb3cdabdad.pf_meta",
            Revalidated,
            SameOrigin,
        ),
        ("/articles/search/wasm.en.pagefind", Revalidated, SameOrigin),
        ("/embed/als-primary-treatment/", Revalidated, Anyone),
        ("/embed/als-primary-treatment/patient/", Revalidated, Anyone),
    ];

    #[test]
    fn each_kind_of_file_gets_its_caching_and_framing() {
        for (path, caching, framing) in SAMPLES {
            let rule = rule_for(path);
            assert_eq!((rule.caching, rule.framing), (*caching, *framing), "{path}");
        }
        assert_eq!(rule_for("/a-file-of-a-later-build.txt").pattern, "/*");
    }

    /// `_headers` hosts apply every rule that matches: with at most one rule per file,
    /// they send what nginx, Caddy and the project's server send.
    #[test]
    fn rules_are_disjoint() {
        for (path, _, _) in SAMPLES {
            let matching: Vec<&str> = RULES
                .iter()
                .filter(|rule| matches(rule.pattern, path))
                .map(|rule| rule.pattern)
                .collect();
            assert_eq!(matching.len(), 1, "{path}: {matching:?}");
        }
    }

    #[test]
    fn the_regex_says_what_the_pattern_says() {
        assert_eq!(regex("/article-widget-*"), "^/article-widget-.*$");
        assert_eq!(regex("/embed.js"), "^/embed\\.js$");
        assert_eq!(
            regex("/articles/:slug/:audience/"),
            "^/articles/[^/]+/[^/]+/$"
        );
        assert!(matches("/articles/:slug/", "/articles/als/"));
        assert!(!matches("/articles/:slug/", "/articles//"));
        assert!(!matches("/articles/:data", "/articles/als/"));
        assert!(matches("/embed/*", "/embed/"));
        assert!(!matches("/embed/*", "/embed.js"));
        for rule in RULES {
            if let Some(prefix) = rule.pattern.strip_suffix('*') {
                assert!(!prefix.contains([':', '*']), "{}", rule.pattern);
            }
        }
    }
}
